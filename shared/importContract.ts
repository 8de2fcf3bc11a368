import { z } from 'zod'
import { Contact, ContactFields, Id, Instant, Name, Stage } from './domain'

// Import, export and backups: their part of the IPC contract. shared/ipc.ts spreads it in.

const Empty = z.strictObject({})

/** Largest file an import reads, as the parser refuses it (electron/core/import IMPORT_LIMITS). */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024
/** Base64 of MAX_IMPORT_BYTES: a longer payload is refused before it is decoded. */
export const MAX_IMPORT_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4
/** Most contacts one file may hold. */
export const MAX_IMPORT_RECORDS = 100_000
/** An export holds at most everything in the store; base64 of a few hundred MB is plenty. */
const MAX_EXPORT_BASE64 = 400 * 1024 * 1024
/** Cap of a column name, a sample cell, a warning's text. */
export const MAX_IMPORT_TEXT = 1000

const FileName = z
  .string()
  .trim()
  .min(1, 'The file needs a name')
  .max(260, 'The file name is at most 260 characters')
const Text = z.string().max(MAX_IMPORT_TEXT)

/** The kinds of file an import recognises by content. */
export const ImportFormat = z.enum([
  'vcard',
  'linkedin-csv',
  'google-csv',
  'google-csv-legacy',
  'csv',
  'vouch-json',
])
export type ImportFormat = z.infer<typeof ImportFormat>

/** Which contact field each CSV column feeds. */
export const ColumnMapping = z
  .record(Text, ContactFields.keyof())
  .refine((m) => Object.keys(m).length <= 500, 'At most 500 columns can be mapped')
export type ColumnMapping = z.infer<typeof ColumnMapping>

/** One contact read from a file, with where it was in the file. */
export const PreviewContact = ContactFields.partial().extend({
  name: Name,
  /** Present for a Vouch JSON export, whose records keep their stage. */
  stage: Stage.optional(),
  source: z.object({ line: z.number().int().min(0), card: z.number().int().min(0).optional() }),
})
export type PreviewContact = z.infer<typeof PreviewContact>

/** Why a row is taken for a contact already known; `same-id` for a Vouch export's own records. */
export const DuplicateReason = z.enum(['email', 'linkedin', 'phone', 'name-company', 'same-id'])
export type DuplicateReason = z.infer<typeof DuplicateReason>

/** A row of the file that matches an existing contact, or an earlier row of the same file. */
export const PreviewDuplicate = z.object({
  index: z.number().int().min(0),
  reason: DuplicateReason,
  /** The matching contact; null when the match is an earlier row of the file. */
  existing: Contact.nullable(),
  duplicateOfIndex: z.number().int().min(0).optional(),
})
export type PreviewDuplicate = z.infer<typeof PreviewDuplicate>

/** A problem met while reading the file, located by card or line. */
export const ImportWarning = z.object({ where: Text, message: Text })
export type ImportWarning = z.infer<typeof ImportWarning>

/** What import.preview returns: the parsed file, kept by the core under `token` until commit. */
export const ImportPreview = z.object({
  token: z.string().max(100),
  fileName: FileName,
  format: ImportFormat,
  contacts: z.array(PreviewContact).max(MAX_IMPORT_RECORDS),
  duplicates: z.array(PreviewDuplicate).max(MAX_IMPORT_RECORDS),
  warnings: z.array(ImportWarning).max(MAX_IMPORT_RECORDS * 4),
  /** A CSV of unknown layout: its columns, a few rows and a suggested mapping to confirm. */
  needsMapping: z
    .object({
      columns: z.array(Text).max(500),
      sample: z.array(z.array(Text).max(500)).max(10),
      suggested: ColumnMapping,
    })
    .optional(),
  /** A Vouch JSON export also restores these records. */
  alsoRestores: z
    .object({
      interactions: z.number().int().min(0),
      requests: z.number().int().min(0),
      updates: z.number().int().min(0),
    })
    .optional(),
})
export type ImportPreview = z.infer<typeof ImportPreview>

/** What to do with one row: leave it out, merge it into the contact it matches, or add it anyway. */
export const DuplicateChoice = z.enum(['skip', 'merge', 'add'])
export type DuplicateChoice = z.infer<typeof DuplicateChoice>

/** A file's bytes as the shell's dialog or the renderer's file input read them. */
export const ImportFile = z.strictObject({
  fileName: FileName,
  dataBase64: z
    .string()
    .max(
      MAX_IMPORT_BASE64,
      'The file is over 50 MB; files over 50 MB are not imported. Split it into smaller files.',
    )
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'The file data is not base64'),
  mapping: ColumnMapping.optional(),
})

/** A file the core produced, for the renderer to save. */
export const ExportFile = z.object({
  fileName: FileName,
  mimeType: z.string().max(100),
  dataBase64: z.string().max(MAX_EXPORT_BASE64),
})
export type ExportFile = z.infer<typeof ExportFile>

/** One snapshot in the data folder's backups/. */
export const BackupEntry = z.object({
  id: z.string().max(200),
  takenAt: Instant,
  reason: z.string().max(40),
  bytes: z.number().int().min(0),
  /** Active contacts in it; null when the snapshot cannot be read. */
  contacts: z.number().int().min(0).nullable(),
})
export type BackupEntry = z.infer<typeof BackupEntry>

/** The import, export and backup commands. */
export const importContract = {
  'import.preview': { input: ImportFile, output: ImportPreview, mutates: false },
  'import.commit': {
    input: z.strictObject({
      token: z.string().min(1).max(100),
      /** What happens to flagged duplicates without a choice of their own. */
      duplicates: z.enum(['skip', 'merge']),
      /** Per-row choices, keyed by the row's index in the preview. */
      choices: z
        .record(z.string().regex(/^\d{1,6}$/, 'A choice is keyed by a row index'), DuplicateChoice)
        .refine((c) => Object.keys(c).length <= MAX_IMPORT_RECORDS, 'Too many choices')
        .optional(),
      /** New people go on the board (kept) when true; by default they land in the inbox. */
      placeOnBoard: z.boolean().default(false),
    }),
    output: z.object({
      added: z.number().int().min(0),
      merged: z.number().int().min(0),
      skipped: z.number().int().min(0),
      batchId: Id,
    }),
    mutates: true,
  },
  'import.undo': {
    input: z.strictObject({ batchId: Id }),
    output: z.object({ removed: z.number().int().min(0), reverted: z.number().int().min(0) }),
    mutates: true,
  },
  'export.json': { input: Empty, output: ExportFile, mutates: false },
  'export.vcard': { input: Empty, output: ExportFile, mutates: false },
  'export.csv': { input: Empty, output: ExportFile, mutates: false },
  'backup.list': { input: Empty, output: z.array(BackupEntry), mutates: false },
  'backup.restore': {
    input: z.strictObject({ id: z.string().min(1).max(200) }),
    output: z.object({ restoredFrom: z.string().max(200), snapshot: z.string().max(200) }),
    mutates: true,
  },
} as const
