import Papa from 'papaparse'
import { RELATIONSHIPS, relationshipLabel } from '@shared/domain'
import type { ContactFields, Relationship } from '@shared/domain'
import { birthdayLine, finishDraft, newDraft } from './draft'
import type { Draft, Labelled } from './draft'
import { IMPORT_LIMITS, ImportRefused } from './types'
import type { ColumnMapping, ImportedContact, ImportWarning, ParseResult } from './types'

/** A CSV row with the 1-based line it starts on. */
interface Row {
  cells: string[]
  line: number
}

/** Parses CSV text with papaparse (delimiter guessed), keeping each row's starting line. */
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
    delimitersToGuess: [',', ';', '\t', '|'],
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

const MONTH_ABBR = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
]

/** "04 Mar 2021" or "4-Mar-21" as "4 Mar 2021"; anything else as given. */
export function linkedInDate(raw: string): string {
  const v = clean(raw)
  const m = /^(\d{1,2})[\s-]+([A-Za-z]{3})[a-z]*[\s-]+(\d{2}|\d{4})$/.exec(v)
  if (m === null) return v
  const month = MONTH_ABBR.find((a) => a.toLowerCase() === (m[2] ?? '').toLowerCase())
  if (month === undefined) return v
  const year = (m[3] ?? '').length === 2 ? `20${m[3]}` : (m[3] ?? '')
  return `${Number(m[1])} ${month} ${year}`
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
    const birthday = birthdayLine(get('Birthday'))
    if (birthday !== null) d.extraNotes.push(birthday)
    for (const g of splitMulti(get(legacy ? 'Group Membership' : 'Labels'))) {
      const name = g.replace(/^\*\s*/, '').trim()
      if (!SYSTEM_GROUPS.has(name.toLowerCase())) d.tags.push(name)
    }
    const contact = finishDraft(d, `line ${row.line}`, { line: row.line }, warnings)
    if (contact !== null) contacts.push(contact)
  }
  return contacts
}

/** A column mapping guessed from header names; the UI shows it for the user to confirm. */
export function suggestMapping(columns: string[]): ColumnMapping {
  const mapping: ColumnMapping = Object.create(null)
  const rules: [RegExp, keyof ContactFields][] = [
    [/^(display name|full name|name)$/i, 'name'],
    [/^(primary )?e-?mail( address)?( 1)?( - value)?$/i, 'email'],
    [/^(mobile|work|home)? ?(phone|mobile)( number)?$/i, 'phone'],
    [/^(company|organi[sz]ation( name)?)$/i, 'company'],
    [/^((job )?title|position)$/i, 'title'],
    [/^(notes?|comments?)$/i, 'notes'],
    [/^(web ?page|website|url|links?)( \d)?$/i, 'links'],
    [/^(tags?|labels?|categories)$/i, 'tags'],
  ]
  const used = new Set<string>()
  for (const column of columns) {
    const name = clean(column)
    const rule = rules.find(
      ([re, field]) => re.test(name) && (!used.has(field) || field === 'links'),
    )
    if (rule === undefined) continue
    mapping[column] = rule[1]
    used.add(rule[1])
  }
  return mapping
}

const RELATIONSHIP_BY_TEXT = new Map<string, Relationship>(
  RELATIONSHIPS.flatMap((r) => [
    [r, r],
    [relationshipLabel(r).toLowerCase(), r],
  ]),
)

const LIST_FIELDS = new Set<keyof ContactFields>(['links', 'tags', 'skills'])

/** Contacts of any CSV through a column mapping (several columns may feed one field). */
export function parseMappedCsv(
  rows: Row[],
  mapping: ColumnMapping,
  warnings: ImportWarning[],
): ImportedContact[] {
  const header = rows[0]?.cells ?? []
  checkRowCount(rows.length - 1)
  const contacts: ImportedContact[] = []
  for (const row of rows.slice(1)) {
    const where = `line ${row.line}`
    const d = newDraft()
    const names: string[] = []
    header.forEach((column, i) => {
      if (!Object.hasOwn(mapping, column)) return
      const field = mapping[column]
      const value = row.cells[i] ?? ''
      if (field === undefined || value.trim() === '') return
      if (LIST_FIELDS.has(field)) {
        const items = value.split(field === 'links' ? /[;\s]+/ : ';').map((v) => v.trim())
        if (field === 'links') d.links.push(...items.filter((v) => v !== ''))
        else if (field === 'tags') d.tags.push(...items)
        else d.skills.push(...items)
        return
      }
      switch (field) {
        case 'name':
          names.push(value.trim())
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
    const contact = finishDraft(d, where, { line: row.line }, warnings)
    if (contact !== null) contacts.push(contact)
  }
  return contacts
}

/** A CSV of unknown layout: contacts through the mapping, else the columns and a sample to map. */
export function parseGenericCsv(
  rows: Row[],
  mapping: ColumnMapping | undefined,
  warnings: ImportWarning[],
): ParseResult {
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
