import { CHECKSUM_KEY, newChecksum } from './checksum'
import { schemaFingerprint } from './schema'

/** What a snapshot holds: small values written whole, and collections written in chunks. */
export interface SnapshotView {
  head: Record<string, unknown>
  /** Records in file order; a PAUSE among them is not written (see snapshotChunks). */
  collections: Array<[name: string, records: Iterable<unknown>]>
}

/**
 * Yielded among a collection's records where the producer did work without a record to show
 * for it (valuesAsOf copying a Map): the snapshot yields an empty chunk there, so a writer can
 * let the event loop run.
 */
export const PAUSE: unique symbol = Symbol('snapshot pause')

/**
 * Characters per chunk. Records vary from a few hundred bytes to many KB, so the number of
 * records per chunk adapts to keep each chunk near this size: stringifying and hashing one
 * takes a small fraction of a millisecond, and a writer can stop between any two.
 */
const CHUNK_CHARS = 16 * 1024
const MAX_RECORDS_PER_CHUNK = 1024

/**
 * The snapshot text as a sequence of chunks, ending with the checksum. Joined, the chunks
 * are one JSON object: the head's fields, each collection as an array, then `checksum`.
 * Empty chunks mark pauses (see PAUSE); they change nothing in the text.
 */
export function* snapshotChunks(view: SnapshotView): Generator<string> {
  const hash = newChecksum(schemaFingerprint())
  const emit = (text: string) => {
    hash.update(text)
    return text
  }
  yield emit(JSON.stringify(view.head).slice(0, -1))
  let perChunk = 16
  for (const [name, records] of view.collections) {
    yield emit(`,${JSON.stringify(name)}:[`)
    let batch: unknown[] = []
    let first = true
    for (const record of records) {
      if (record === PAUSE) {
        // Nothing to write yet: an empty chunk lets the writer check the time.
        if (batch.length === 0) {
          yield ''
          continue
        }
      } else {
        batch.push(record)
        if (batch.length < perChunk) continue
      }
      // The separator is a chunk of its own: joined to the records it would make a copy.
      if (!first) yield emit(',')
      first = false
      const text = JSON.stringify(batch)
      perChunk = Math.max(
        1,
        Math.min(MAX_RECORDS_PER_CHUNK, Math.round((batch.length * CHUNK_CHARS) / text.length)),
      )
      batch = []
      yield emit(text.slice(1, -1))
    }
    if (batch.length > 0) {
      if (!first) yield emit(',')
      yield emit(JSON.stringify(batch).slice(1, -1))
    }
    yield emit(']')
  }
  yield `${CHECKSUM_KEY}${hash.digest('hex')}"}`
}

/** Map entries copied between two pauses: well under a millisecond. */
const COPY_SLICE = 8192

/**
 * Values of a Map as they were when a compaction started, while commits keep changing it:
 * `overlay` holds, keyed "coll:id", for every record touched since, its value at the start
 * (undefined if it did not exist yet). It only grows while the compaction runs. Records are
 * immutable, so a live value whose key is not in the overlay is still the starting one.
 *
 * No per-record bookkeeping, so nothing grows with the collection but one array of
 * references, and the work between two yields stays small:
 * 1. Copy the Map's values in slices (pausing between them). A record deleted and put back
 *    meanwhile is copied twice, both times touched; one deleted before the copy reached it
 *    is missing, and was touched before the copy ended.
 * 2. Emit the copy: an untouched value as is, a touched one as its overlay value (once).
 *    A record touched only after the copy ended was copied exactly once.
 * 3. Emit the records the copy missed: touched before the copy ended, not emitted in step 2.
 */
export function* valuesAsOf<T extends { id: string }>(
  live: ReadonlyMap<string, T>,
  overlay: ReadonlyMap<string, unknown>,
  coll: string,
  isRecord: (v: unknown) => v is T,
): Generator<T | typeof PAUSE> {
  const copy = new Array<T>(live.size)
  let copied = 0
  for (const value of live.values()) {
    copy[copied++] = value
    if (copied % COPY_SLICE === 0) yield PAUSE
  }
  copy.length = copied
  const touchedByCopyEnd = overlay.size

  // The overlay's entries for this collection, id -> value at the start, followed as it grows.
  const prefix = `${coll}:`
  const touched = new Map<string, unknown>()
  const entries = overlay.entries()
  let seen = 0
  const follow = () => {
    // The overlay only grows, so reading no further than its size never ends the iterator.
    while (seen < overlay.size) {
      const next = entries.next()
      seen++
      if (next.done) break
      const [key, old] = next.value
      if (key.startsWith(prefix)) touched.set(key.slice(prefix.length), old)
    }
  }

  const emitted = new Set<string>()
  for (let i = 0; i < copied; i++) {
    const value = copy[i] as T
    if (seen < overlay.size) follow()
    if (touched.size > 0 && touched.has(value.id)) {
      if (emitted.has(value.id)) continue
      emitted.add(value.id)
      const old = touched.get(value.id)
      if (isRecord(old)) yield old
      continue
    }
    yield value
  }
  copy.length = 0

  let index = 0
  for (const [key, old] of overlay) {
    if (index++ >= touchedByCopyEnd) break
    if (!key.startsWith(prefix) || !isRecord(old) || emitted.has(old.id)) continue
    emitted.add(old.id)
    yield old
  }
}
