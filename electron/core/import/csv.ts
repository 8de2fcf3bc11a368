import { format, isValid, parse } from 'date-fns'
import { enUS } from 'date-fns/locale'
import Papa from 'papaparse'
import { RELATIONSHIPS, emptyAddress, relationshipLabel } from '@shared/domain'
import type { PostalAddress, Relationship, SocialProfile } from '@shared/domain'
import type { ColumnTarget } from '@shared/importContract'
import { finishDraft, newDraft } from './draft'
import { unguardCell } from './export'
import type { Draft, Labelled } from './draft'
import { IMPORT_LIMITS, ImportRefused } from './types'
import type { ColumnMapping, ImportedContact, ImportWarning, ParseResult } from './types'

/** A CSV row with the 1-based line it starts on. */
interface Row {
  cells: string[]
  line: number
}

const DELIMITERS = [',', ';', '\t', '|'] as const

/**
 * The separator of CSV text: the candidate whose count per line (outside quotes) is the same on
 * most of the first lines. Excel writes ";" where "," is the decimal mark; Numbers and Contacts
 * write tabs. Papaparse's own guess takes "," for a tab file whose cells hold commas.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split(/\r\n|\n|\r/, 40).filter((l) => l.trim() !== '')
  let best = { delimiter: ',', score: 0, fields: 0 }
  for (const delimiter of DELIMITERS) {
    const counts = lines.map((line) => {
      let n = 0
      let quoted = false
      for (const ch of line) {
        if (ch === '"') quoted = !quoted
        else if (ch === delimiter && !quoted) n++
      }
      return n
    })
    const tally = new Map<number, number>()
    for (const n of counts) if (n > 0) tally.set(n, (tally.get(n) ?? 0) + 1)
    let mode = 0
    let modeCount = 0
    for (const [n, c] of tally)
      if (c > modeCount || (c === modeCount && n > mode)) [mode, modeCount] = [n, c]
    if (mode === 0) continue
    const score = modeCount / lines.length
    if (score > best.score || (score === best.score && mode > best.fields))
      best = { delimiter, score, fields: mode }
  }
  return best.delimiter
}

/** Parses CSV text with papaparse (separator from detectDelimiter), keeping each row's starting line. */
export function readCsvRows(text: string): Row[] {
  const rows: Row[] = []
  let line = 1
  let offset = 0
  const countLines = (from: number, to: number) => {
    let n = 0
    for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) n++
    return n
  }
  Papa.parse<string[]>(text, {
    skipEmptyLines: false,
    delimiter: detectDelimiter(text),
    step: (result) => {
      const end = result.meta.cursor
      const cells = result.data
      if (!(cells.length === 1 && (cells[0] ?? '').trim() === '')) {
        rows.push({ cells, line })
        if (rows.length > IMPORT_LIMITS.records + 8) {
          throw new ImportRefused(
            `This file holds more than ${IMPORT_LIMITS.records.toLocaleString('en')} rows; split it into smaller files.`,
          )
        }
      }
      line += countLines(offset, end)
      offset = end
    },
  })
  return rows
}

const clean = (s: string | undefined) => (s ?? '').replace(/\s+/g, ' ').trim()

/** A header row: the first row whose cells include these names. */
function findHeader(rows: Row[], required: string[], within = 10): number {
  for (let i = 0; i < Math.min(rows.length, within); i++) {
    const names = new Set(rows[i]?.cells.map((c) => clean(c).toLowerCase()))
    if (required.every((r) => names.has(r.toLowerCase()))) return i
  }
  return -1
}

type Get = (column: string) => string

function getter(header: string[], cells: string[]): Get {
  const index = new Map<string, number>()
  header.forEach((h, i) => {
    const key = clean(h).toLowerCase()
    if (!index.has(key)) index.set(key, i)
  })
  return (column) => {
    const i = index.get(column.toLowerCase())
    return i === undefined ? '' : (cells[i] ?? '')
  }
}

function checkRowCount(n: number): void {
  if (n > IMPORT_LIMITS.records) {
    throw new ImportRefused(
      `This file holds more than ${IMPORT_LIMITS.records.toLocaleString('en')} rows; split it into smaller files.`,
    )
  }
}

/** LinkedIn's "Connected On" as a date-fns pattern ("04 Mar 2021"); parsing takes "4 Mar 2021" too. */
export const LINKEDIN_DATE = 'dd MMM yyyy'

/** Any day: date-fns parse fills what a pattern leaves out from it. */
const REFERENCE_DAY = new Date(2000, 0, 1)

/** "04 Mar 2021" or "4-Mar-21" as "2021-03-04"; '' when it is no such date. */
export function linkedInIsoDate(raw: string): string {
  const v = linkedInDate(raw)
  if (!/^\d{1,2} [A-Za-z]{3} \d{4}$/.test(v)) return ''
  const date = parse(v, LINKEDIN_DATE, REFERENCE_DAY, { locale: enUS })
  return isValid(date) ? format(date, 'yyyy-MM-dd') : ''
}

/** "04 Mar 2021" or "4-Mar-21" as "4 Mar 2021"; anything else as given. */
export function linkedInDate(raw: string): string {
  const v = clean(raw)
  const m = /^(\d{1,2})[\s-]+([A-Za-z]{3})[a-z]*[\s-]+(\d{2}|\d{4})$/.exec(v)
  if (m === null) return v
  const month = parse(m[2] ?? '', 'MMM', REFERENCE_DAY, { locale: enUS })
  if (!isValid(month)) return v
  const year = (m[3] ?? '').length === 2 ? `20${m[3]}` : (m[3] ?? '')
  return `${Number(m[1])} ${format(month, 'MMM', { locale: enUS })} ${year}`
}

/** The LinkedIn header row index (0–3 preamble lines, 6 or 7 columns in any order), or -1. */
export function linkedInHeader(rows: Row[]): number {
  return findHeader(rows, ['First Name', 'Last Name', 'Company', 'Position', 'Connected On'])
}

/** Contacts of a LinkedIn Connections.csv. */
export function parseLinkedIn(
  rows: Row[],
  headerAt: number,
  warnings: ImportWarning[],
): ImportedContact[] {
  const header = rows[headerAt]?.cells ?? []
  checkRowCount(rows.length - headerAt - 1)
  const contacts: ImportedContact[] = []
  for (const row of rows.slice(headerAt + 1)) {
    const get = getter(header, row.cells)
    const d = newDraft()
    d.givenNames = [clean(get('First Name'))]
    d.familyName = clean(get('Last Name'))
    d.company = clean(get('Company'))
    d.title = clean(get('Position'))
    const email = clean(get('Email Address'))
    if (email !== '') d.emails.push({ value: email, label: '', preferred: true })
    const url = clean(get('URL') || get('Profile URL'))
    if (url !== '') d.links.push(url)
    const on = linkedInDate(get('Connected On'))
    d.howWeMet = on === '' ? 'Connected on LinkedIn' : `Connected on LinkedIn on ${on}`
    d.connectedOn = linkedInIsoDate(get('Connected On'))
    const where = `line ${row.line}`
    const contact = finishDraft(d, where, { line: row.line }, warnings)
    if (contact !== null) contacts.push(contact)
  }
  return contacts
}

/** Which Google CSV generation a header row is, if any. */
export function googleHeader(rows: Row[]): { at: number; legacy: boolean } | null {
  const current = findHeader(rows, ['First Name', 'Last Name', 'Labels'], 1)
  if (current >= 0) return { at: current, legacy: false }
  const legacy = findHeader(rows, ['Name', 'Given Name', 'Family Name', 'Group Membership'], 1)
  return legacy >= 0 ? { at: legacy, legacy: true } : null
}

const SYSTEM_GROUPS = new Set(['mycontacts', 'starred', 'other contacts'])

function splitMulti(cell: string): string[] {
  return cell
    .split(' ::: ')
    .map((v) => v.trim())
    .filter((v) => v !== '')
}

/** "N - Label" / "N - Value" groups (E-mail 1 - Type, Phone 2 - Value…) as labelled values. */
function numbered(header: string[], get: Get, kind: string, labelWord: string): Labelled[] {
  const out: Labelled[] = []
  const re = new RegExp(`^${kind} (\\d+) - Value$`, 'i')
  for (const h of header) {
    const m = re.exec(clean(h))
    if (m === null) continue
    const rawLabel = clean(get(`${kind} ${m[1]} - ${labelWord}`))
    const preferred = rawLabel.startsWith('*')
    const label = rawLabel.replace(/^\*\s*/, '')
    splitMulti(get(clean(h))).forEach((value, i) =>
      out.push({ value, label, preferred: preferred && i === 0 }),
    )
  }
  return out
}

/** "Address N - Street/City/…" groups; a group with only "Formatted" keeps that as the street. */
function googleAddresses(header: string[], get: Get, labelWord: string): PostalAddress[] {
  const out: PostalAddress[] = []
  const seen = new Set<string>()
  for (const h of header) {
    const m = /^Address (\d+) - /i.exec(clean(h))
    if (m === null || seen.has(m[1] ?? '')) continue
    seen.add(m[1] ?? '')
    const part = (name: string) => clean(get(`Address ${m[1]} - ${name}`))
    const street = [part('PO Box'), part('Street'), part('Extended Address')]
      .filter((v) => v !== '')
      .join(', ')
    const address: PostalAddress = {
      label: part(labelWord).replace(/^\*\s*/, ''),
      street,
      city: part('City'),
      region: part('Region'),
      postalCode: part('Postal Code'),
      country: part('Country'),
    }
    const { label: _label, ...place } = address
    if (Object.values(place).every((v) => v === '')) address.street = part('Formatted')
    out.push(address)
  }
  return out
}

/** Legacy "IM N - Service/Value" groups as profiles. */
function googleProfiles(header: string[], get: Get): SocialProfile[] {
  const out: SocialProfile[] = []
  for (const h of header) {
    const m = /^IM (\d+) - Value$/i.exec(clean(h))
    if (m === null) continue
    const service = clean(get(`IM ${m[1]} - Service`)).replace(/^\*\s*/, '')
    for (const handle of splitMulti(get(clean(h)))) out.push({ service, handle })
  }
  return out
}

/** Contacts of a Google Contacts CSV, 2022+ or legacy layout. */
export function parseGoogle(
  rows: Row[],
  headerAt: number,
  legacy: boolean,
  warnings: ImportWarning[],
): ImportedContact[] {
  const header = rows[headerAt]?.cells ?? []
  checkRowCount(rows.length - headerAt - 1)
  const contacts: ImportedContact[] = []
  const labelWord = legacy ? 'Type' : 'Label'
  for (const row of rows.slice(headerAt + 1)) {
    const get = getter(header, row.cells)
    const d: Draft = newDraft()
    if (legacy) {
      d.formattedName = get('Name')
      d.givenNames = [get('Given Name')]
      d.familyName = get('Family Name')
      d.company = get('Organization 1 - Name')
      d.title = get('Organization 1 - Title')
      const dept = clean(get('Organization 1 - Department'))
      if (dept !== '') d.units = [dept]
    } else {
      d.givenNames = [get('First Name'), get('Middle Name')]
      d.familyName = get('Last Name')
      if (clean(get('First Name') + get('Middle Name') + get('Last Name')) === '') {
        d.formattedName = get('File As') || get('Nickname')
      }
      d.company = get('Organization Name')
      d.title = get('Organization Title')
      const dept = clean(get('Organization Department'))
      if (dept !== '') d.units = [dept]
    }
    d.emails = numbered(header, get, 'E-mail', labelWord)
    d.phones = numbered(header, get, 'Phone', labelWord)
    d.links = numbered(header, get, 'Website', labelWord).map((w) => w.value)
    const notes = get('Notes').trim()
    if (notes !== '') d.notes.push(notes)
    d.birthday = get('Birthday')
    d.nicknames.push(...splitMulti(get('Nickname')))
    d.addresses = googleAddresses(header, get, labelWord)
    d.profiles = googleProfiles(header, get)
    for (const g of splitMulti(get(legacy ? 'Group Membership' : 'Labels'))) {
      const name = g.replace(/^\*\s*/, '').trim()
      if (!SYSTEM_GROUPS.has(name.toLowerCase())) d.tags.push(name)
    }
    const contact = finishDraft(d, `line ${row.line}`, { line: row.line }, warnings)
    if (contact !== null) contacts.push(contact)
  }
  return contacts
}

const RELATIONSHIP_BY_TEXT = new Map<string, Relationship>(
  RELATIONSHIPS.flatMap((r) => [
    [r, r],
    [relationshipLabel(r).toLowerCase(), r],
  ]),
)

const NAME_SUFFIX = /^(jr|sr|ii|iii|iv|v|phd|md|esq|dds|mba|cpa|inc|ltd|llc|gmbh|ag|sa|bv)\.?$/i

const NAME_WORDS = /^[\p{L}\p{M}'’.-]+( [\p{L}\p{M}'’.-]+){0,3}$/u

/** "Doe, Jane" as "Jane Doe"; "Jane Doe, PhD", "Acme, Inc." and other cells as given. */
export function lastCommaFirst(cell: string): string {
  const m = /^\s*([^,]+?)\s*,\s*([^,]+?)\s*$/.exec(cell)
  const [last = '', first = ''] = [m?.[1], m?.[2]]
  if (m === null || NAME_SUFFIX.test(first) || !NAME_WORDS.test(last) || !NAME_WORDS.test(first))
    return cell.trim()
  return `${first} ${last}`
}

/** Vouch's CSV cell of addresses: one a line, "label | street | city | region | postal code | country". */
export function readAddressCell(cell: string): PostalAddress[] {
  return cell
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const parts = line.split('|').map((p) => p.trim())
      if (parts.length < 2)
        return { label: '', street: line, city: '', region: '', postalCode: '', country: '' }
      const [label = '', street = '', city = '', region = '', postalCode = '', country = ''] = parts
      return { label, street, city, region, postalCode, country }
    })
}

/** Vouch's CSV cell of profiles: one a line, "service: handle"; a bare URL names its site. */
export function readProfileCell(cell: string): SocialProfile[] {
  return cell
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const sep = line.indexOf(': ')
      if (sep >= 0) return { service: line.slice(0, sep), handle: line.slice(sep + 2) }
      const host = /^[a-z]+:\/\/(?:www\.)?([^/.]+)/i.exec(line)?.[1] ?? ''
      return { service: host, handle: line }
    })
}

const LIST_FIELDS = ['links', 'tags', 'skills', 'nicknames'] as const
type ListField = (typeof LIST_FIELDS)[number]
const isListField = (t: ColumnTarget): t is ListField => LIST_FIELDS.some((f) => f === t)
const ADDRESS_PARTS = ['street', 'city', 'region', 'postalCode', 'country'] as const
type AddressPart = (typeof ADDRESS_PARTS)[number]
const isAddressPart = (t: ColumnTarget): t is AddressPart => ADDRESS_PARTS.some((p) => p === t)

/** Contacts of any CSV through a column mapping (several columns may feed one field). */
export function parseMappedCsv(
  rows: Row[],
  mapping: ColumnMapping,
  warnings: ImportWarning[],
  /** Vouch's own export: cells lose the formula guard and names are taken as written. */
  ownExport = false,
): ImportedContact[] {
  const unguard = ownExport ? unguardCell : (cell: string) => cell
  const header = rows[0]?.cells ?? []
  checkRowCount(rows.length - 1)
  const contacts: ImportedContact[] = []
  for (const row of rows.slice(1)) {
    const where = `line ${row.line}`
    const d = newDraft()
    const names: string[] = []
    const middle: string[] = []
    let given = ''
    const place = emptyAddress()
    header.forEach((column, i) => {
      if (!Object.hasOwn(mapping, column)) return
      const field = mapping[column]
      const value = unguard(row.cells[i] ?? '')
      if (field === undefined || value.trim() === '') return
      if (isListField(field)) {
        const items = value.split(field === 'links' ? /[;\s]+/ : ';').map((v) => v.trim())
        if (field === 'links') d.links.push(...items.filter((v) => v !== ''))
        else if (field === 'tags') d.tags.push(...items)
        else if (field === 'nicknames') d.nicknames.push(...items)
        else d.skills.push(...items)
        return
      }
      if (isAddressPart(field)) {
        if (place[field] === '') place[field] = value.trim()
        return
      }
      switch (field) {
        case 'name':
          names.push(ownExport ? value.trim() : lastCommaFirst(value))
          break
        case 'givenName':
          given = given === '' ? value.trim() : `${given} ${value.trim()}`
          break
        case 'middleName':
          middle.push(value.trim())
          break
        case 'familyName':
          d.familyName = d.familyName === '' ? value.trim() : `${d.familyName} ${value.trim()}`
          break
        case 'nameSuffix':
          d.suffix = value.trim()
          break
        case 'honorific':
          d.prefix = value.trim()
          break
        case 'email':
          d.emails.push({ value, label: '', preferred: d.emails.length === 0 })
          break
        case 'phone':
          d.phones.push({ value, label: '', preferred: d.phones.length === 0 })
          break
        case 'notes':
          d.notes.push(value)
          break
        case 'birthday':
          d.birthday = value
          break
        case 'connectedOn': {
          const iso = /^\d{4}-\d{2}-\d{2}$/.test(value.trim())
            ? value.trim()
            : linkedInIsoDate(value)
          if (iso === '')
            warnings.push({
              where,
              message: `"${value.trim()}" is not a date like 2024-01-15; left unset.`,
            })
          d.connectedOn = iso
          break
        }
        case 'addresses':
          d.addresses.push(...readAddressCell(value))
          break
        case 'profiles':
          d.profiles.push(...readProfileCell(value))
          break
        case 'relationship': {
          const r = RELATIONSHIP_BY_TEXT.get(value.trim().toLowerCase())
          if (r === undefined)
            warnings.push({
              where,
              message: `"${value.trim()}" is not a known relationship; left unset.`,
            })
          else d.relationship = r
          break
        }
        case 'cadenceDays':
        case 'credibility': {
          const n = Number(value.trim())
          const max = field === 'cadenceDays' ? 3650 : 5
          if (Number.isInteger(n) && n >= 1 && n <= max) d[field] = n
          else
            warnings.push({
              where,
              message: `"${value.trim()}" is not a whole number from 1 to ${max}; left unset.`,
            })
          break
        }
        case 'title':
        case 'company':
        case 'field':
        case 'howWeMet':
        case 'workedTogether':
          d[field] = d[field] === '' ? value : `${d[field]} ${value}`
          break
        default:
          break
      }
    })
    d.formattedName = names.join(' ')
    d.givenNames = [given, ...middle]
    d.addresses.push(place)
    const contact = finishDraft(d, where, { line: row.line }, warnings)
    if (contact !== null) contacts.push(contact)
  }
  return contacts
}

/** A cell that is one email address and nothing else. */
export const AN_EMAIL = /^\s*[^\s@<>",;]+@[^\s@<>",;]+\.[^\s@<>",;]+\s*$/

/** Column names for a file without a header row: "Column 1", "Column 2", … */
export const columnName = (i: number) => `Column ${i + 1}`

/**
 * A CSV of unknown layout: contacts through the mapping, else the columns and a sample to map.
 * A first row that holds an email address is data, not a header: the columns are then named
 * "Column 1", "Column 2", … (Thunderbird and scripts write such files).
 */
export function parseGenericCsv(
  input: Row[],
  mapping: ColumnMapping | undefined,
  warnings: ImportWarning[],
): ParseResult {
  const first = input[0]
  let rows = input
  if (first !== undefined && first.cells.some((c) => AN_EMAIL.test(c))) {
    const width = Math.max(...input.slice(0, 20).map((r) => r.cells.length))
    rows = [{ cells: Array.from({ length: width }, (_, i) => columnName(i)), line: 0 }, ...input]
    warnings.push({
      where: `line ${first.line}`,
      message:
        'The first line holds a contact, not column names: the columns are called Column 1, Column 2 and so on.',
    })
  }
  if (mapping === undefined) {
    return {
      format: 'csv',
      contacts: [],
      warnings,
      needsMapping: { columns: rows[0]?.cells ?? [], sample: rows.slice(1, 6).map((r) => r.cells) },
    }
  }
  return { format: 'csv', contacts: parseMappedCsv(rows, mapping, warnings), warnings }
}

const EMAIL_CELL =
  /^\s*(?:"?([^"<>]*?)"?\s*<)?\s*([^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+)\s*>?\s*$/

/**
 * Rows that are a list of email addresses, one a row ("jane@x.org" or "Jane Doe <jane@x.org>"),
 * maybe under one header cell: contacts named from the display name, else from the address
 * (flagged, so the preview asks to check them). Null when the rows are anything else.
 */
export function parseEmailList(rows: Row[], warnings: ImportWarning[]): ImportedContact[] | null {
  const filled = (r: Row) => r.cells.filter((c) => c.trim() !== '')
  if (rows.length === 0 || !rows.every((r) => filled(r).length <= 1)) return null
  const first = filled(rows[0] ?? { cells: [], line: 0 })[0] ?? ''
  const body = EMAIL_CELL.test(first) ? rows : rows.slice(1)
  if (body.length === 0 || !body.every((r) => EMAIL_CELL.test(filled(r)[0] ?? ''))) return null
  checkRowCount(body.length)
  const contacts: ImportedContact[] = []
  for (const row of body) {
    const m = EMAIL_CELL.exec(filled(row)[0] ?? '')
    const d = newDraft()
    d.formattedName = (m?.[1] ?? '').trim()
    d.emails.push({ value: m?.[2] ?? '', label: '', preferred: true })
    const contact = finishDraft(d, `line ${row.line}`, { line: row.line }, warnings)
    if (contact !== null) contacts.push(contact)
  }
  return contacts
}
