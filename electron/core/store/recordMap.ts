/**
 * A Map of records by id that can start from the array a snapshot holds and index it later.
 *
 * Opening a store of 500k touches would otherwise spend about half a second inserting them
 * into a Map before the first screen. A RecordMap takes the array as is: `size` and `forEach`
 * (synchronous passes, as the indexes make while they are built) read the array directly;
 * `indexSome` indexes it a slice at a time in the background; and any keyed access or
 * iterator first indexes whatever is left, so callers always see an ordinary Map.
 */
export class RecordMap<T extends { id: string }> extends Map<string, T> {
  private pending: readonly T[] | null
  /** How many of `pending` are in the Map already. */
  private indexed = 0

  constructor(records: readonly T[] = []) {
    super()
    this.pending = records.length > 0 ? records : null
  }

  /** Whether every record is in the Map. */
  get fullyIndexed(): boolean {
    return this.pending === null
  }

  /** Index up to `budget` more records; true once every record is indexed. */
  indexSome(budget: number): boolean {
    const pending = this.pending
    if (pending === null) return true
    const end = Math.min(pending.length, this.indexed + budget)
    for (let i = this.indexed; i < end; i++) {
      const record = pending[i] as T
      super.set(record.id, record)
    }
    this.indexed = end
    if (end === pending.length) this.pending = null
    return this.pending === null
  }

  private indexAll(): void {
    if (this.pending !== null) this.indexSome(Number.POSITIVE_INFINITY)
  }

  override get size(): number {
    return super.size + (this.pending === null ? 0 : this.pending.length - this.indexed)
  }

  /**
   * Visit every record without indexing the rest first. Synchronous, so nothing can index
   * or change the Map halfway; the callback must not change it either.
   */
  override forEach(
    callback: (value: T, key: string, map: Map<string, T>) => void,
    thisArg?: unknown,
  ): void {
    const pending = this.pending
    const from = this.indexed
    super.forEach((value, key) => callback.call(thisArg, value, key, this))
    if (pending === null) return
    for (let i = from; i < pending.length; i++) {
      const record = pending[i] as T
      callback.call(thisArg, record, record.id, this)
    }
  }

  override get(key: string): T | undefined {
    this.indexAll()
    return super.get(key)
  }

  override has(key: string): boolean {
    this.indexAll()
    return super.has(key)
  }

  override set(key: string, value: T): this {
    this.indexAll()
    return super.set(key, value)
  }

  override delete(key: string): boolean {
    this.indexAll()
    return super.delete(key)
  }

  override clear(): void {
    this.pending = null
    this.indexed = 0
    super.clear()
  }

  override keys(): MapIterator<string> {
    this.indexAll()
    return super.keys()
  }

  override values(): MapIterator<T> {
    this.indexAll()
    return super.values()
  }

  override entries(): MapIterator<[string, T]> {
    this.indexAll()
    return super.entries()
  }

  override [Symbol.iterator](): MapIterator<[string, T]> {
    this.indexAll()
    return super[Symbol.iterator]()
  }
}
