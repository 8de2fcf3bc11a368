import type { ContactFields } from '@shared/domain'

/** A contact as an import produces it: ContactFields from shared/domain.ts, name required, others optional. */
export type ImportedContact = Partial<ContactFields> & {
  name: string
  source: { line: number; card?: number }
}

/** One problem met while reading a file, located for the user. */
export interface ImportWarning {
  /** Where in the file, e.g. "card 3 (line 41)" or "line 12". */
  where: string
  message: string
}

/** The kinds of file parseContactsFile recognises by content. */
export type ImportFormat =
  'vcard' | 'linkedin-csv' | 'google-csv' | 'google-csv-legacy' | 'csv' | 'vouch-json'

/** What a file yields: contacts ready for preview, problems, and for unknown CSVs what to map. */
export interface ParseResult {
  format: ImportFormat
  contacts: ImportedContact[]
  warnings: ImportWarning[]
  /** Present when a generic CSV was given without a column mapping. */
  needsMapping?: { columns: string[]; sample: string[][] }
}

/** Which contact field each CSV column feeds. */
export type ColumnMapping = Record<string, keyof ContactFields>

/** A file the importer will not read; the message is a sentence for the user. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ImportRefused'
  }
}

/** Size limits of one import. */
export const IMPORT_LIMITS = { bytes: 50 * 1024 * 1024, records: 100_000 } as const
