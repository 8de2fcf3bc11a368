import { CHECKSUM_KEY, newChecksum } from './checksum'
import { schemaFingerprint } from './schema'

/** What a snapshot holds: small values written whole, and collections written in chunks. */
export interface SnapshotView {
  head: Record<string, unknown>
  collections: Array<[name: string, records: Iterable<unknown>]>
}

/** Records per chunk: small enough that stringifying one chunk blocks for about a millisecond. */
const RECORDS_PER_CHUNK = 400

/**
 * The snapshot text as a sequence of chunks, ending with the checksum. Joined, the chunks
 * are one JSON object: the head's fields, each collection as an array, then `checksum`.
 */
export function* snapshotChunks(view: SnapshotView): Generator<string> {
  const hash = newChecksum(schemaFingerprint())
  const emit = (text: string) => {
    hash.update(text)
    return text
  }
  yield emit(JSON.stringify(view.head).slice(0, -1))
  for (const [name, records] of view.collections) {
    yield emit(`,${JSON.stringify(name)}:[`)
    let batch: unknown[] = []
    let first = true
    for (const record of records) {
      batch.push(record)
      if (batch.length === RECORDS_PER_CHUNK) {
        yield emit((first ? '' : ',') + JSON.stringify(batch).slice(1, -1))
        first = false
        batch = []
      }
    }
    if (batch.length > 0) yield emit((first ? '' : ',') + JSON.stringify(batch).slice(1, -1))
    yield emit(']')
  }
  yield `${CHECKSUM_KEY}${hash.digest('hex')}"}`
}

/**
 * Values of a Map as they were when a compaction started, while commits keep changing it:
 * `overlay` holds, for every record touched since, its value at the start (undefined if it
 * did not exist yet). Records are immutable, so a live value that is not in the overlay is
 * still the starting one.
 */
export function* valuesAsOf<T extends { id: string }>(
  live: ReadonlyMap<string, T>,
  overlay: ReadonlyMap<string, unknown>,
  coll: string,
  isRecord: (v: unknown) => v is T,
): Generator<T> {
  const emitted = new Set<string>()
  for (const [id, value] of live) {
    if (emitted.has(id)) continue
    const key = `${coll}:${id}`
    if (overlay.has(key)) {
      const old = overlay.get(key)
      if (isRecord(old)) {
        emitted.add(id)
        yield old
      }
      continue
    }
    emitted.add(id)
    yield value
  }
  // Records deleted after the start and not met above.
  const prefix = `${coll}:`
  for (const [key, old] of overlay) {
    if (key.startsWith(prefix) && isRecord(old) && !emitted.has(old.id)) {
      emitted.add(old.id)
      yield old
    }
  }
}
