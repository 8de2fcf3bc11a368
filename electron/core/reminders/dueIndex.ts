import { partitionPoint } from '../derived/sorted'

interface Entry {
  readonly key: string
  readonly dueAt: number
}

/** Earliest first; ties by key, so equal instants always list in the same order. */
function compare(a: Entry, b: Entry): number {
  return a.dueAt - b.dueAt || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
}

/** Index of the first entry not before `probe` in a sorted list. */
const lowerBound = (list: readonly Entry[], probe: Entry) =>
  partitionPoint(list, (entry) => compare(entry, probe) < 0)

/** Index of the first entry due strictly after t in a sorted list. */
const firstAfter = (list: readonly Entry[], t: number) =>
  partitionPoint(list, (entry) => entry.dueAt <= t)

/** The keys of list[from..to), copied in one pass. */
function keysOf(list: readonly Entry[], from: number, to: number): string[] {
  const keys: string[] = []
  for (let i = from; i < to; i++) keys.push((list[i] as Entry).key)
  return keys
}

/**
 * Keys by due instant (epoch ms), for "who is due" scans over tens of thousands of contacts.
 * The entries are kept in one array sorted by due instant, so a scan is a binary search and a
 * copy of the prefix that is due: no walk over the rest and no sort.
 *
 * Changes are gathered and folded in at the next read: a few are spliced into place (binary
 * search, O(log n + n) moves of pointers), many at once (opening the store, a bulk edit, a
 * settings change that moves every contact) are sorted among themselves and merged in.
 * upsert/remove: O(1) until the next read; dueBefore: O(log n + k) for the k due keys;
 * count/nextDueAfter: O(log n).
 */
export class DueIndex {
  private readonly live = new Map<string, Entry>()
  private sorted: Entry[] = []
  /**
   * Keys changed since the sorted array was last brought up to date, with the entry that array
   * holds for each (undefined when it holds none).
   */
  private readonly changed = new Map<string, Entry | undefined>()

  /** Number of keys in the index. */
  get size(): number {
    return this.live.size
  }

  /** Sets when a key falls due; null removes it (nothing due, e.g. no cadence). */
  upsert(key: string, dueAt: number | null): void {
    if (dueAt === null) {
      this.remove(key)
      return
    }
    if (!Number.isFinite(dueAt)) throw new RangeError(`dueAt must be finite, got ${dueAt}`)
    const current = this.live.get(key)
    if (current?.dueAt === dueAt) return
    this.noteChange(key, current)
    this.live.set(key, { key, dueAt })
  }

  /** Forgets a key. */
  remove(key: string): void {
    const current = this.live.get(key)
    if (current === undefined) return
    this.noteChange(key, current)
    this.live.delete(key)
  }

  /** When a key falls due, or null when it is not in the index. */
  get(key: string): number | null {
    return this.live.get(key)?.dueAt ?? null
  }

  /** Keys due at or before t, earliest first (ties by key). */
  dueBefore(t: number): string[] {
    const sorted = this.upToDate()
    return keysOf(sorted, 0, firstAfter(sorted, t))
  }

  /** Keys due after `from` and at or before `to`, earliest first (ties by key). */
  dueBetween(from: number, to: number): string[] {
    const sorted = this.upToDate()
    return keysOf(sorted, firstAfter(sorted, from), firstAfter(sorted, to))
  }

  /** How many keys are due at or before t. */
  count(t: number): number {
    return firstAfter(this.upToDate(), t)
  }

  /** The earliest due instant strictly after t, or null: when the next scan could find something new. */
  nextDueAfter(t: number): number | null {
    const sorted = this.upToDate()
    return sorted[firstAfter(sorted, t)]?.dueAt ?? null
  }

  private noteChange(key: string, current: Entry | undefined): void {
    // Only the first change since the last read matters: that entry is the one in `sorted`.
    if (!this.changed.has(key)) this.changed.set(key, current)
  }

  /** The sorted entries, with the changes gathered since the last read folded in. */
  private upToDate(): Entry[] {
    const changed = this.changed
    if (changed.size === 0) return this.sorted
    if (changed.size > 64) {
      // Many changes (a bulk edit, opening the store, a settings change): drop the old entries
      // in one pass, sort only the new ones and merge, O(n + k log k), instead of k splices.
      const fresh: Entry[] = []
      for (const key of changed.keys()) {
        const entry = this.live.get(key)
        if (entry !== undefined) fresh.push(entry)
      }
      fresh.sort(compare)
      this.sorted = merge(
        this.sorted.filter((entry) => !changed.has(entry.key)),
        fresh,
      )
    } else {
      const sorted = this.sorted
      for (const [key, old] of changed) {
        if (old !== undefined) {
          const at = lowerBound(sorted, old)
          if (sorted[at] === old) sorted.splice(at, 1)
        }
        const entry = this.live.get(key)
        if (entry !== undefined) sorted.splice(lowerBound(sorted, entry), 0, entry)
      }
    }
    changed.clear()
    return this.sorted
  }
}

/** Two sorted lists as one sorted list. */
function merge(a: readonly Entry[], b: readonly Entry[]): Entry[] {
  const out: Entry[] = new Array<Entry>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) {
    const x = a[i] as Entry
    const y = b[j] as Entry
    if (compare(x, y) <= 0) {
      out[k++] = x
      i++
    } else {
      out[k++] = y
      j++
    }
  }
  while (i < a.length) out[k++] = a[i++] as Entry
  while (j < b.length) out[k++] = b[j++] as Entry
  return out
}
