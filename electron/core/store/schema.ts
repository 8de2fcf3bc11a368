import { createHash } from 'node:crypto'
import { z } from 'zod'
import { hasValidChecksum } from './checksum'
import {
  CareerUpdate,
  Contact,
  DEFAULT_CONTACT_FIELDS,
  DEFAULT_SETTINGS,
  Id,
  Instant,
  Interaction,
  ReferenceRequest,
  Settings,
} from '@shared/domain'
import { knownStageHistory } from '@shared/stageHistory'

/** The schema version this build writes. A file with a newer one is opened read-only. */
export const CURRENT_SCHEMA_VERSION = 3

/** Reminder bookkeeping persisted with the data, so nothing is delivered twice. */
export const ReminderState = z.object({
  lastTickAt: z.string().nullable(),
  log: z.record(z.string(), z.unknown()),
})
export type ReminderState = z.infer<typeof ReminderState>

/** Most records one import may add: the parser's 100k cards, plus a Vouch export's other records. */
export const MAX_BATCH_RECORDS = 400_000

/**
 * One import, kept so it can be undone as a whole, also after a restart: what it added and
 * the merged contacts as they were before it.
 */
export const ImportBatch = z.object({
  id: Id,
  fileName: z.string().max(260),
  format: z.string().max(40),
  at: Instant,
  added: z
    .array(z.object({ coll: z.enum(['contacts', 'interactions', 'requests', 'updates']), id: Id }))
    .max(MAX_BATCH_RECORDS),
  merged: z.array(Contact).max(MAX_BATCH_RECORDS),
  /** Settings before a Vouch JSON import replaced them; null when it left them alone. */
  settingsBefore: Settings.nullable(),
  undoneAt: Instant.nullable(),
})
export type ImportBatch = z.infer<typeof ImportBatch>

/** Everything Vouch stores, as it is written to vouch.json. */
export const StoreFile = z.object({
  schemaVersion: z.literal(CURRENT_SCHEMA_VERSION),
  /** The journal sequence number this snapshot includes. */
  seq: z.number().int().min(0),
  savedAt: z.string(),
  contacts: z.array(Contact),
  interactions: z.array(Interaction),
  requests: z.array(ReferenceRequest),
  updates: z.array(CareerUpdate),
  settings: Settings,
  reminders: ReminderState,
  importBatches: z.array(ImportBatch),
})
export type StoreFile = z.infer<typeof StoreFile>

let fingerprint: string | null = null

/** A stable digest of the StoreFile schema: snapshots checksummed under another schema are re-validated. */
export function schemaFingerprint(): string {
  fingerprint ??= createHash('sha256')
    .update(JSON.stringify(z.toJSONSchema(StoreFile, { unrepresentable: 'any' })))
    .digest('hex')
  return fingerprint
}

/** An empty store, as a new user starts. */
export function emptyStoreFile(now: Date): StoreFile {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    seq: 0,
    savedAt: now.toISOString(),
    contacts: [],
    interactions: [],
    requests: [],
    updates: [],
    settings: DEFAULT_SETTINGS,
    reminders: { lastTickAt: null, log: {} },
    importBatches: [],
  }
}

type Migration = (data: Record<string, unknown>) => Record<string, unknown>

/**
 * Migrations from each older version to the next. Version 0 is the pre-release prototype's
 * file, `{ contacts: [...] }` without a version and with contacts lacking the later fields.
 */
const MIGRATIONS: Record<number, Migration> = {
  0: (data) => ({
    schemaVersion: 1,
    seq: 0,
    savedAt: new Date(0).toISOString(),
    contacts: Array.isArray(data.contacts)
      ? data.contacts.map((c: unknown) =>
          typeof c === 'object' && c !== null
            ? { ...DEFAULT_CONTACT_FIELDS, trashedAt: null, snoozedUntil: null, ...c }
            : c,
        )
      : data.contacts,
    interactions: [],
    requests: [],
    updates: [],
    settings: DEFAULT_SETTINGS,
    reminders: { lastTickAt: null, log: {} },
  }),
  // Version 2 keeps import batches, so an import can be undone after a restart.
  1: (data) => ({ ...data, schemaVersion: 2, importBatches: [] }),
  // Version 3 adds triage (existing people are kept on the board), stage history, postal
  // addresses, nicknames, birthdays, profiles, the date connected and new settings: filled by the
  // schema's defaults when the migrated file is parsed, except the stage history, which is rebuilt
  // from the requests and touches already stored (see knownStageHistory).
  2: (data) => ({ ...data, schemaVersion: 3, contacts: withKnownStageHistory(data) }),
}

const Evidence = z.object({
  requests: z.array(
    z.object({
      contactId: z.string(),
      askedAt: Instant,
      givenAt: Instant.nullable(),
      thankedAt: Instant.nullable(),
    }),
  ),
  interactions: z.array(
    z.object({
      contactId: z.string(),
      kind: Interaction.shape.kind,
      at: Instant,
      requestId: z.string().nullable(),
    }),
  ),
})
const HistoryLess = z.object({
  stage: Contact.shape.stage,
  createdAt: Instant,
  updatedAt: Instant,
  stageHistory: z.array(z.unknown()).optional(),
})

/**
 * The contacts of a version-2 file with stage histories rebuilt from its requests and touches.
 * Anything of the wrong shape is left as it is, for the StoreFile parse to report.
 */
function withKnownStageHistory(data: Record<string, unknown>): unknown {
  const evidence = Evidence.safeParse(data)
  if (!Array.isArray(data.contacts) || !evidence.success) return data.contacts
  const requestsOf = new Map<string, z.infer<typeof Evidence>['requests']>()
  for (const request of evidence.data.requests) {
    const list = requestsOf.get(request.contactId)
    if (list) list.push(request)
    else requestsOf.set(request.contactId, [request])
  }
  const touchesOf = new Map<string, z.infer<typeof Evidence>['interactions']>()
  for (const touch of evidence.data.interactions) {
    const list = touchesOf.get(touch.contactId)
    if (list) list.push(touch)
    else touchesOf.set(touch.contactId, [touch])
  }
  return data.contacts.map((raw: unknown) => {
    const contact = HistoryLess.safeParse(raw)
    if (typeof raw !== 'object' || raw === null || !contact.success) return raw
    if (contact.data.stageHistory !== undefined && contact.data.stageHistory.length > 0) return raw
    const id = 'id' in raw && typeof raw.id === 'string' ? raw.id : ''
    const stageHistory = knownStageHistory(contact.data, {
      requests: requestsOf.get(id) ?? [],
      touches: touchesOf.get(id) ?? [],
    })
    return { ...raw, stageHistory }
  })
}

export type Decoded =
  | { kind: 'ok'; file: StoreFile; migratedFrom: number | null }
  | { kind: 'newer'; version: number; raw: Record<string, unknown> }
  | { kind: 'invalid'; reason: string }

const UTF8_BOM = [0xef, 0xbb, 0xbf]

/** Whether the text, or the bytes as read, start with a byte-order mark. */
export function startsWithBom(data: string | Uint8Array): boolean {
  return typeof data === 'string'
    ? data.charCodeAt(0) === 0xfeff
    : UTF8_BOM.every((byte, i) => data[i] === byte)
}

/**
 * Parse and validate vouch.json, migrating older versions. Never throws.
 * Pass the bytes as read when there are any: the NUL scan and the checksum then run over
 * the bytes (a NUL byte in UTF-8 is exactly the character U+0000), and only the parse decodes.
 */
export function decodeStoreFile(data: string | Uint8Array): Decoded {
  if (data.length === 0) return { kind: 'invalid', reason: 'the file is empty' }
  if (startsWithBom(data))
    return { kind: 'invalid', reason: 'the file starts with a byte-order mark' }
  let text: string
  if (typeof data === 'string') {
    if (data.includes('\u0000')) return { kind: 'invalid', reason: 'the file contains NUL bytes' }
    text = data
  } else {
    // A view over the same memory, for Buffer's memchr-based indexOf and its decoder.
    const bytes = Buffer.from(data.buffer, data.byteOffset, data.length)
    if (bytes.indexOf(0) !== -1) return { kind: 'invalid', reason: 'the file contains NUL bytes' }
    text = bytes.toString('utf8')
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error)
    return { kind: 'invalid', reason: `it is not valid JSON (${detail.slice(0, 120)})` }
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return {
      kind: 'invalid',
      reason: `it holds ${raw === null ? 'null' : Array.isArray(raw) ? 'an array' : typeof raw} instead of Vouch data`,
    }
  }
  const record: Record<string, unknown> = { ...raw }
  const declared = record.schemaVersion
  let version: number
  if (declared === undefined) {
    if (!Array.isArray(record.contacts))
      return { kind: 'invalid', reason: 'it has no schemaVersion and no contacts' }
    version = 0
  } else if (typeof declared === 'number' && Number.isInteger(declared) && declared >= 0) {
    version = declared
  } else {
    return { kind: 'invalid', reason: 'its schemaVersion is not a whole number' }
  }
  if (version > CURRENT_SCHEMA_VERSION) return { kind: 'newer', version, raw: record }
  if (version === CURRENT_SCHEMA_VERSION && hasValidChecksum(data, schemaFingerprint())) {
    // The checksum proves these are the exact bytes Vouch wrote from validated state, so the
    // per-record validation (the slowest part of opening a large store) is skipped.
    delete record.checksum
    return { kind: 'ok', file: record as StoreFile, migratedFrom: null }
  }
  let migrated = record
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS[v]
    if (!step) return { kind: 'invalid', reason: `no migration from schema version ${v}` }
    migrated = step(migrated)
  }
  const parsed = StoreFile.safeParse(migrated)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue ? issue.path.join('.') : ''
    return {
      kind: 'invalid',
      reason: `its content has the wrong shape (${where}: ${issue?.message ?? 'invalid'})`,
    }
  }
  const duplicate = findDuplicateId(parsed.data)
  if (duplicate) return { kind: 'invalid', reason: `the id ${duplicate} appears twice` }
  return {
    kind: 'ok',
    file: parsed.data,
    migratedFrom: version === CURRENT_SCHEMA_VERSION ? null : version,
  }
}

function findDuplicateId(file: StoreFile): string | null {
  for (const list of [
    file.contacts,
    file.interactions,
    file.requests,
    file.updates,
    file.importBatches,
  ]) {
    const seen = new Set<string>()
    for (const item of list) {
      if (seen.has(item.id)) return item.id
      seen.add(item.id)
    }
  }
  return null
}
