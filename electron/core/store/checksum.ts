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
 * Whether text ends with a checksum that matches its content and this build's schema.
 * Any change to the schema changes the fingerprint, so older files get fully validated.
 */
export function hasValidChecksum(text: string, schemaFingerprint: string): boolean {
  if (text.length < CHECKSUM_TAIL) return false
  const at = text.length - CHECKSUM_TAIL
  if (text.slice(at, at + CHECKSUM_KEY.length) !== CHECKSUM_KEY || !text.endsWith('"}'))
    return false
  const expected = text.slice(at + CHECKSUM_KEY.length, text.length - 2)
  return newChecksum(schemaFingerprint).update(text.slice(0, at)).digest('hex') === expected
}
