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
