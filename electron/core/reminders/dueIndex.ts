interface Entry {
  readonly key: string
  readonly dueAt: number
}

function before(a: Entry, b: Entry): boolean {
  return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.key < b.key)
}

/**
 * Keys by due instant (epoch ms), for cheap "who is due" scans over tens of thousands of contacts.
 * A binary min-heap with lazy deletion: an update pushes a new entry and orphans the old one;
 * orphans are skipped by scans and swept away by a rebuild once they outnumber live entries.
 * upsert/remove: O(log n) amortised; dueBefore/count/nextDueAfter: O(k) for the k due entries.
 */
export class DueIndex {
  private readonly live = new Map<string, Entry>()
  private heap: Entry[] = []

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
    if (this.live.get(key)?.dueAt === dueAt) return
    const entry: Entry = { key, dueAt }
    this.live.set(key, entry)
    this.push(entry)
    this.tidy()
  }

  /** Forgets a key. */
  remove(key: string): void {
    if (this.live.delete(key)) this.tidy()
  }

  /** When a key falls due, or null when it is not in the index. */
  get(key: string): number | null {
    return this.live.get(key)?.dueAt ?? null
  }

  /** Keys due at or before t, earliest first (ties by key). */
  dueBefore(t: number): string[] {
    const due: Entry[] = []
    this.visitDue(t, (entry) => due.push(entry))
    due.sort((a, b) => (before(a, b) ? -1 : 1))
    return due.map((entry) => entry.key)
  }

  /** How many keys are due at or before t. */
  count(t: number): number {
    let n = 0
    this.visitDue(t, () => n++)
    return n
  }

  /** The earliest due instant strictly after t, or null: when the next scan could find something new. */
  nextDueAfter(t: number): number | null {
    let next: number | null = null
    this.walk((entry, isLive) => {
      // A subtree under an entry later than the best candidate cannot hold an earlier one.
      if (next !== null && entry.dueAt >= next) return false
      if (!isLive || entry.dueAt <= t) return true
      next = entry.dueAt
      return false
    })
    return next
  }

  private visitDue(t: number, visit: (entry: Entry) => void): void {
    this.walk((entry, isLive) => {
      if (entry.dueAt > t) return false
      if (isLive) visit(entry)
      return true
    })
  }

  /** Depth-first over the heap, descending below a node only when `enter` says so. */
  private walk(enter: (entry: Entry, isLive: boolean) => boolean): void {
    const stack: number[] = this.heap.length > 0 ? [0] : []
    for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
      const entry = this.heap[i]
      if (entry === undefined || !enter(entry, this.live.get(entry.key) === entry)) continue
      stack.push(2 * i + 1, 2 * i + 2)
    }
  }

  private push(entry: Entry): void {
    const heap = this.heap
    let i = heap.push(entry) - 1
    while (i > 0) {
      const parentIndex = (i - 1) >> 1
      const parent = heap[parentIndex]
      if (parent === undefined || !before(entry, parent)) break
      heap[i] = parent
      i = parentIndex
    }
    heap[i] = entry
  }

  /** Pops orphans off the top, so the earliest live entry is at the root; rebuilds when sparse. */
  private tidy(): void {
    const heap = this.heap
    for (let top = heap[0]; top !== undefined && this.live.get(top.key) !== top; top = heap[0]) {
      const last = heap.pop()
      if (last === undefined || heap.length === 0) break
      heap[0] = last
      siftDown(heap, 0)
    }
    if (heap.length <= 2 * this.live.size + 32) return
    // Floyd's heapify of the live entries: O(n), paid for by the n orphans it sweeps.
    const rebuilt = [...this.live.values()]
    for (let i = (rebuilt.length >> 1) - 1; i >= 0; i--) siftDown(rebuilt, i)
    this.heap = rebuilt
  }
}

function siftDown(heap: Entry[], start: number): void {
  const entry = heap[start]
  if (entry === undefined) return
  let i = start
  for (;;) {
    const left = 2 * i + 1
    const right = left + 1
    let child = left
    const leftEntry = heap[left]
    if (leftEntry === undefined) break
    const rightEntry = heap[right]
    let childEntry = leftEntry
    if (rightEntry !== undefined && before(rightEntry, leftEntry)) {
      child = right
      childEntry = rightEntry
    }
    if (!before(childEntry, entry)) break
    heap[i] = childEntry
    i = child
  }
  heap[i] = entry
}
