import Papa from 'papaparse'
import type { Contact, ContactFields } from '@shared/domain'

function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
}

/** Folds a content line at 75 octets, never inside a UTF-8 character (RFC 6350 §3.2). */
function fold(line: string): string {
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const pieces: string[] = []
  let start = 0
  let limit = 75
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length)
    while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
    pieces.push(bytes.subarray(start, end).toString('utf8'))
    start = end
    limit = 74
  }
  return pieces.join('\r\n ')
}

/** vCard 4.0 text, one card per contact; Vouch-only fields travel as X-VOUCH-* properties. */
export function toVCard(contacts: Contact[]): string {
  const out: string[] = []
  for (const c of contacts) {
    const lines = ['BEGIN:VCARD', 'VERSION:4.0', `FN:${escapeText(c.name)}`]
    if (c.company !== '') lines.push(`ORG:${escapeText(c.company)}`)
    if (c.title !== '') lines.push(`TITLE:${escapeText(c.title)}`)
    if (c.email !== '') lines.push(`EMAIL:${escapeText(c.email)}`)
    if (c.phone !== '') lines.push(`TEL;VALUE=text:${escapeText(c.phone)}`)
    for (const link of c.links) lines.push(`URL:${escapeText(link)}`)
    if (c.notes !== '') lines.push(`NOTE:${escapeText(c.notes)}`)
    if (c.tags.length > 0) lines.push(`CATEGORIES:${c.tags.map(escapeText).join(',')}`)
    if (c.field !== '') lines.push(`X-VOUCH-FIELD:${escapeText(c.field)}`)
    if (c.howWeMet !== '') lines.push(`X-VOUCH-HOW-WE-MET:${escapeText(c.howWeMet)}`)
    lines.push(`X-VOUCH-RELATIONSHIP:${c.relationship}`)
    if (c.skills.length > 0) lines.push(`X-VOUCH-SKILLS:${c.skills.map(escapeText).join(',')}`)
    if (c.workedTogether !== '')
      lines.push(`X-VOUCH-WORKED-TOGETHER:${escapeText(c.workedTogether)}`)
    if (c.cadenceDays !== null) lines.push(`X-VOUCH-CADENCE-DAYS:${c.cadenceDays}`)
    if (c.credibility !== null) lines.push(`X-VOUCH-CREDIBILITY:${c.credibility}`)
    lines.push('END:VCARD')
    out.push(...lines.map(fold))
  }
  return out.length === 0 ? '' : `${out.join('\r\n')}\r\n`
}

/** Columns of toCsv, named after the contact fields so the identity mapping reads them back. */
export const CSV_COLUMNS = [
  'name',
  'title',
  'company',
  'relationship',
  'field',
  'email',
  'phone',
  'links',
  'howWeMet',
  'notes',
  'tags',
  'cadenceDays',
  'credibility',
  'skills',
  'workedTogether',
] as const satisfies readonly (keyof ContactFields)[]

/** CSV text: a header and one row per contact; lists joined with "; ". */
export function toCsv(contacts: Contact[]): string {
  const rows = contacts.map((c) =>
    CSV_COLUMNS.map((column) => {
      const v = c[column]
      if (Array.isArray(v)) return v.join('; ')
      return v === null ? '' : String(v)
    }),
  )
  return `${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n', quotes: false })}\r\n`
}
