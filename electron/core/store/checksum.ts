import { createHash } from 'node:crypto'

/**
 * vouch.json ends with `,"checksum":"<sha256 of everything before it>"}`. A file whose
 * checksum matches is byte-for-byte what Vouch wrote from validated data, so opening it can
 * skip re-validating every record; any other file (edited by hand, damaged) is fully validated.
 */
export const CHECKSUM_KEY = ',"checksum":"'
const CHECKSUM_TAIL = CHECKSUM_KEY.length + 64 + 2

/** A hash of the snapshot text, salted with the schema it was validated against. */
export function newChecksum(schemaFingerprint: string): ReturnType<typeof createHash> {
  return createHash('sha256').update(schemaFingerprint)
}

/**
 * Whether the file ends with a checksum that matches its content and this build's schema.
 * Any change to the schema changes the fingerprint, so older files get fully validated.
 *
 * Given the bytes as read, it hashes them directly: the hash of a string is the hash of its
 * UTF-8 bytes, so this is the same check without encoding 150 MB of text a second time.
 * Bytes that are not valid UTF-8 never match (Vouch wrote them from a string).
 */
export function hasValidChecksum(data: string | Uint8Array, schemaFingerprint: string): boolean {
  // The tail is ASCII, so its length in bytes and in characters is the same.
  if (data.length < CHECKSUM_TAIL) return false
  const at = data.length - CHECKSUM_TAIL
  const tail =
    typeof data === 'string' ? data.slice(at) : Buffer.from(data.subarray(at)).toString('latin1')
  if (!tail.startsWith(CHECKSUM_KEY) || !tail.endsWith('"}')) return false
  const expected = tail.slice(CHECKSUM_KEY.length, -2)
  const body = typeof data === 'string' ? data.slice(0, at) : data.subarray(0, at)
  return newChecksum(schemaFingerprint).update(body).digest('hex') === expected
}
