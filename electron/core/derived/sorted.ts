/**
 * In a list sorted so that every item for which `isBefore` holds comes first, the index of the
 * first item for which it does not (the list's length if it holds for all). Binary search.
 */
export function partitionPoint<T>(list: readonly T[], isBefore: (item: T) => boolean): number {
  let lo = 0
  let hi = list.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (isBefore(list[mid] as T)) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Two lists sorted by `order` as one sorted list (ties: `a`'s first). */
export function mergeSorted<T>(
  a: readonly T[],
  b: readonly T[],
  order: (x: T, y: T) => number,
): T[] {
  if (b.length === 0) return a.slice()
  const out: T[] = []
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as T
    const y = b[j] as T
    if (order(x, y) <= 0) {
      out.push(x)
      i++
    } else {
      out.push(y)
      j++
    }
  }
  while (i < a.length) out.push(a[i++] as T)
  while (j < b.length) out.push(b[j++] as T)
  return out
}
