import Papa from 'papaparse'
import type { Contact, ContactFields, PostalAddress, SocialProfile } from '@shared/domain'
import { escapeText, foldLine } from '../text/contentLine'

/** yyyy-MM-dd as 19800423 and --MM-dd as --0423 (RFC 6350 §4.3.1). */
function vCardDate(birthday: string): string {
  return birthday.startsWith('--')
    ? `--${birthday.slice(2).replace('-', '')}`
    : birthday.replace(/-/g, '')
}

/** A parameter value, quoted when it holds characters RFC 6350 §3.3 does not allow bare. */
function paramValue(value: string): string {
  const v = value.replace(/["\r\n]/g, ' ')
  return /[;:,]/.test(v) ? `"${v}"` : v
}

/** Services whose profile is a web page (Apple's X-SOCIALPROFILE); others are chat (IMPP). */
export const SOCIAL_SERVICES = new Set([
  'linkedin',
  'twitter',
  'x',
  'facebook',
  'github',
  'gitlab',
  'mastodon',
  'bluesky',
  'instagram',
  'xing',
  'youtube',
  'flickr',
  'myspace',
  'sinaweibo',
  'tencentweibo',
  'yelp',
  'threads',
  'tiktok',
  'stackoverflow',
])

function profileLine(p: SocialProfile): string {
  const service = p.service.trim()
  const id = service.toLowerCase().replace(/[^a-z0-9]/g, '')
  if (SOCIAL_SERVICES.has(id) || /^https?:\/\//i.test(p.handle)) {
    const type = service === '' ? '' : `;TYPE=${paramValue(service)}`
    return `X-SOCIALPROFILE${type}:${escapeText(p.handle)}`
  }
  // RFC 4770 IMPP: a URI; the service name travels in X-SERVICE-TYPE as Apple and Android write it.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.test(p.handle) ? '' : `${id === '' ? 'x-im' : id}:`
  const type = service === '' ? '' : `;X-SERVICE-TYPE=${paramValue(service)}`
  return `IMPP${type}:${escapeText(`${scheme}${p.handle}`)}`
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
    if (c.nicknames.length > 0) lines.push(`NICKNAME:${c.nicknames.map(escapeText).join(',')}`)
    if (c.birthday !== '') lines.push(`BDAY:${vCardDate(c.birthday)}`)
    for (const a of c.addresses) {
      const type = a.label === '' ? '' : `;TYPE=${paramValue(a.label)}`
      const parts = ['', '', a.street, a.city, a.region, a.postalCode, a.country]
      lines.push(`ADR${type}:${parts.map(escapeText).join(';')}`)
    }
    for (const p of c.profiles) lines.push(profileLine(p))
    if (c.connectedOn !== '') lines.push(`X-VOUCH-CONNECTED-ON:${c.connectedOn}`)
    lines.push('END:VCARD')
    out.push(...lines.map(foldLine))
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
  'nicknames',
  'birthday',
  'addresses',
  'profiles',
  'connectedOn',
] as const satisfies readonly (keyof ContactFields)[]

/** The columns of Vouch's CSV export before schema 3 added the last five. */
export const CSV_COLUMNS_V2 = 15

/**
 * Cells a spreadsheet would run as a formula (OWASP, "CSV Injection": =, +, -, @, tab, CR).
 * Quotes first: a cell that already starts with ' before such a character gets one more, so
 * unguardCell can take exactly one off and the round trip stays exact.
 * https://owasp.org/www-community/attacks/CSV_Injection
 */
const FORMULA_START = /^'*[=+\-@\t\r]/

/** A cell made safe to open in a spreadsheet: prefixed with ' when it could start a formula. */
export function guardCell(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell
}

/** A cell of Vouch's own CSV export as it was before guardCell. */
export function unguardCell(cell: string): string {
  return cell.startsWith("'") && FORMULA_START.test(cell) ? cell.slice(1) : cell
}

function addressCell(a: PostalAddress): string {
  return [a.label, a.street, a.city, a.region, a.postalCode, a.country].join(' | ')
}

/**
 * CSV text: a header and one row per contact; lists joined with "; ", addresses and profiles
 * one a line. Every cell goes through guardCell. Importing this file reads it back exactly:
 * parseContactsFile recognises it by its header row (these column names, in this order) and
 * only then removes the guard's quote.
 */
export function toCsv(contacts: Contact[]): string {
  const rows = contacts.map((c) =>
    CSV_COLUMNS.map((column) => {
      if (column === 'addresses') return guardCell(c.addresses.map(addressCell).join('\n'))
      if (column === 'profiles')
        return guardCell(c.profiles.map((p) => `${p.service}: ${p.handle}`).join('\n'))
      const v = c[column]
      if (Array.isArray(v)) return guardCell(v.join('; '))
      return v === null ? '' : guardCell(String(v))
    }),
  )
  return `${csvText([[...CSV_COLUMNS], ...rows])}\r\n`
}

/** Rows as CSV, each cell quoted only when it holds a comma, a quote or a line break. */
export function csvText(rows: readonly (readonly string[])[], newline = '\r\n'): string {
  return Papa.unparse(
    rows.map((row) => [...row]),
    { newline, quotes: false, escapeFormulae: false },
  )
}
