import { ContactFields, LIMITS } from '@shared/domain'
import { emptyRecord } from '@shared/records'
import { decodeTextFile, normaliseBytes } from './decode'
import {
  googleHeader,
  linkedInHeader,
  parseEmailList,
  parseGenericCsv,
  parseGoogle,
  parseLinkedIn,
  parseMappedCsv,
  readCsvRows,
} from './csv'
import { CSV_COLUMNS, CSV_COLUMNS_V2 } from './export'
import { jCardToVCard, xCardToVCard } from './jcard'
import { outlookHeader, parseOutlook } from './outlook'
import { parseVCard } from './vcard'
import { IMPORT_LIMITS, ImportRefused } from './types'
import type { ColumnMapping, ImportedContact, ImportWarning, ParseResult } from './types'

export { ImportRefused, IMPORT_LIMITS } from './types'
export type {
  ColumnMapping,
  ImportedContact,
  ImportFormat,
  ImportWarning,
  ParseResult,
} from './types'
export { findDuplicates } from './dedupe'
export type { Duplicate, DuplicateReason } from './dedupe'
export { toCsv, toVCard, CSV_COLUMNS, guardCell, unguardCell } from './export'
export { suggestMapping } from './suggest'

const VCARD_START = /^\s*(BEGIN|END)\s*:\s*VCARD/im

function looksLikeVCard(head: string): boolean {
  return VCARD_START.test(head)
}

/** A Vouch JSON export's contacts as imported contacts; invalid entries become warnings. */
function parseVouchJson(
  data: { contacts: unknown[] },
  warnings: ImportWarning[],
): ImportedContact[] {
  const out: ImportedContact[] = []
  data.contacts.forEach((raw, i) => {
    const where = `contact ${i + 1}`
    const parsed = ContactFields.partial().required({ name: true }).safeParse(pickFields(raw))
    if (!parsed.success) {
      warnings.push({
        where,
        message: `Skipped: ${parsed.error.issues[0]?.message ?? 'not a contact'}.`,
      })
      return
    }
    out.push({ ...parsed.data, source: { line: 1, card: i + 1 } })
  })
  return out
}

function pickFields(raw: unknown): Record<string, unknown> {
  const picked = emptyRecord<unknown>()
  if (typeof raw !== 'object' || raw === null) return picked
  for (const key of Object.keys(ContactFields.shape)) {
    if (Object.hasOwn(raw, key)) picked[key] = Reflect.get(raw, key)
  }
  return picked
}

function isVouchExport(v: unknown): v is { schemaVersion: unknown; contacts: unknown[] } {
  return (
    typeof v === 'object' &&
    v !== null &&
    'schemaVersion' in v &&
    'contacts' in v &&
    Array.isArray(Reflect.get(v, 'contacts'))
  )
}

/**
 * Reads a contacts file, recognised by content: vCard 2.1/3.0/4.0, LinkedIn Connections.csv,
 * Google Contacts CSV (both layouts), a Vouch JSON export, or any CSV through a column mapping.
 * Throws ImportRefused for files that are too big, empty or of no known kind.
 */
export function parseContactsFile(
  bytes: Uint8Array,
  fileName: string,
  options: { mapping?: ColumnMapping } = {},
): ParseResult {
  if (bytes.length > IMPORT_LIMITS.bytes) {
    throw new ImportRefused(
      `“${fileName}” is ${(bytes.length / 1024 / 1024).toFixed(0)} MB; files over 50 MB are not imported. Split it into smaller files.`,
    )
  }
  const { bytes: body } = normaliseBytes(bytes)
  const head = decodeTextFile(body.subarray(0, 4096))
  if (head.trim() === '') throw new ImportRefused(`“${fileName}” is empty.`)
  const warnings: ImportWarning[] = []

  if (looksLikeVCard(head) || looksLikeVCard(decodeTextFile(bytes.subarray(0, 64 * 1024)))) {
    const contacts = parseVCard(bytes, warnings)
    return { format: 'vcard', contacts, warnings }
  }

  const text = decodeTextFile(bytes)
  const trimmed = text.trimStart()
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    let data: unknown
    try {
      data = JSON.parse(trimmed)
    } catch {
      throw new ImportRefused(
        `“${fileName}” looks like JSON but cannot be read; it may be damaged.`,
      )
    }
    if (isVouchExport(data))
      return { format: 'vouch-json', contacts: parseVouchJson(data, warnings), warnings }
    const jcard = jCardToVCard(data, trimmed)
    if (jcard !== null) {
      const contacts = parseVCard(Buffer.from(jcard.text, 'utf8'), warnings, jcard.lines)
      return { format: 'jcard', contacts, warnings }
    }
    throw new ImportRefused(
      `“${fileName}” is a JSON file that is neither a Vouch export nor a jCard; export your contacts as vCard or CSV.`,
    )
  }
  if (trimmed.startsWith('<')) {
    const xcard = xCardToVCard(trimmed)
    if (xcard !== null) {
      const contacts = parseVCard(Buffer.from(xcard.text, 'utf8'), warnings, xcard.lines)
      return { format: 'xcard', contacts, warnings }
    }
    throw new ImportRefused(
      `“${fileName}” is an XML or HTML file that is not an xCard; export your contacts as vCard (.vcf) or CSV instead.`,
    )
  }

  const rows = readCsvRows(text)
  if (rows.length === 0) throw new ImportRefused(`“${fileName}” has no rows.`)
  const linkedIn = linkedInHeader(rows)
  if (linkedIn >= 0)
    return { format: 'linkedin-csv', contacts: parseLinkedIn(rows, linkedIn, warnings), warnings }
  const google = googleHeader(rows)
  if (google !== null) {
    return {
      format: google.legacy ? 'google-csv-legacy' : 'google-csv',
      contacts: parseGoogle(rows, google.at, google.legacy, warnings),
      warnings,
    }
  }
  const outlook = outlookHeader(rows)
  if (outlook !== null)
    return { format: 'outlook-csv', contacts: parseOutlook(rows, outlook, warnings), warnings }
  if (isVouchCsv(rows[0]?.cells ?? [])) {
    const identity: ColumnMapping = emptyRecord()
    for (const column of CSV_COLUMNS) identity[column] = column
    return {
      format: 'vouch-csv',
      contacts: parseMappedCsv(rows, identity, warnings, true),
      warnings,
    }
  }
  const emails = parseEmailList(rows, warnings)
  if (emails !== null) return { format: 'email-list', contacts: emails, warnings }
  if (!rows.some((r) => r.cells.length >= 2)) {
    throw new ImportRefused(
      `“${fileName}” is neither a vCard nor a CSV file with columns; Vouch cannot read it.`,
    )
  }
  return parseGenericCsv(rows, options.mapping, warnings)
}

/**
 * Whether a header row is that of Vouch's own CSV export (export.ts CSV_COLUMNS, in order; older
 * exports have the first 15). Only such a file has its formula guard removed on import.
 */
function isVouchCsv(header: string[]): boolean {
  const cells = header.map((h) => h.trim())
  return (
    cells.length >= CSV_COLUMNS_V2 &&
    cells.length <= CSV_COLUMNS.length &&
    cells.every((c, i) => c === CSV_COLUMNS[i])
  )
}

/** Every cap of shared/domain.ts that an imported contact must meet (used by tests and the preview). */
export function importedContactIsValid(c: ImportedContact): boolean {
  const { source: _source, ...fields } = c
  return ContactFields.partial().safeParse(fields).success && c.name.length <= LIMITS.name
}
