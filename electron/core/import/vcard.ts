/*
 * vCard 2.1 / 3.0 / 4.0 reader.
 *
 * npm parsers tried against ../shared/corpora before writing this one (throwaway script, July 2025):
 * - vcf 2.1.2: decodes bytes to a string before unfolding, so a fold inside a UTF-8 character
 *   (kcontacts/vcard9.vcf) becomes U+FFFD; no QP soft breaks (evolution vcard/12.vcf gives FN "=");
 *   no CHARSET or UTF-16 (v3Utf16Bom.vcf: "Expected BEGIN:VCARD"); rejects LF-only files
 *   ('Unsupported version "ARD"' on LargeFile.vcf); keeps the "\r" of iPhone's CR CR LF lines.
 * - vcard-parser 1.0.0: no quoted-printable, no CHARSET (Windows-1252 becomes U+FFFD), nothing read
 *   from UTF-16, and it merges every card of a file into one object (LargeFile.vcf: one card, 1,000 FNs).
 * - vcard4 4.0.5: vCard 4.0 only ("Unsupported vCard version: 3.0") and insists on CRLF.
 * - ical.js 2.2.1: rejects 2.1 bare parameters ("Missing parameter value in LABEL;CHARSET=…;QUOTED-PRINTABLE"),
 *   fails on QP soft-break lines ("invalid line (no token)"), decodes before unfolding, no CHARSET/UTF-16.
 * None copes with the 2.1 exports of Outlook and old phones, so this module reads bytes itself:
 * split and unfold lines as bytes, join QP soft breaks, then decode each value with its charset.
 */
import {
  asBuffer,
  decodeBytes,
  decodeQuotedPrintable,
  guessCharset,
  isValidUtf8,
  knownCharset,
  normaliseBytes,
} from './decode'
import { birthdayLine, finishDraft, newDraft } from './draft'
import type { Draft } from './draft'
import { IMPORT_LIMITS, ImportRefused } from './types'
import type { ImportedContact, ImportWarning } from './types'
import { RELATIONSHIPS } from '@shared/domain'
import type { Relationship } from '@shared/domain'

/** Properties whose (often huge, binary) values are never kept. */
const DROPPED = new Set(['PHOTO', 'LOGO', 'SOUND', 'KEY', 'X-MS-CARDPICTURE', 'X-MS-OL-DESIGN'])

interface LogicalLine {
  line: number
  /** Bytes before the first ":" outside quotes; null when the line has no ":". */
  header: string | null
  value: Uint8Array
  raw: Uint8Array
}

interface Property {
  line: number
  group: string
  name: string
  params: Map<string, string[]>
  /** TYPE values and 2.1 bare parameters, upper-cased. */
  types: string[]
  value: Uint8Array
}

interface RawCard {
  index: number
  line: number
  props: Property[]
  junk: { line: number; text: string }[]
}

const COLON = 0x3a
const QUOTE = 0x22

function latin1(bytes: Uint8Array): string {
  return asBuffer(bytes).toString('latin1')
}

function colonIndex(bytes: Uint8Array): number {
  let quoted = false
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]
    if (b === QUOTE) quoted = !quoted
    else if (b === COLON && !quoted) return i
  }
  return -1
}

/** Physical lines as byte views, CR/LF/CR CR LF tolerant, with 1-based line numbers. */
function physicalLines(bytes: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = []
  const hasLf = bytes.includes(0x0a)
  const sep = hasLf ? 0x0a : 0x0d
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === sep) {
      let end = i
      while (end > start && bytes[end - 1] === 0x0d) end--
      if (i < bytes.length || end > start) lines.push(bytes.subarray(start, end))
      start = i + 1
    }
  }
  return lines
}

function headerText(bytes: Uint8Array): string {
  return isValidUtf8(bytes) ? asBuffer(bytes).toString('utf8') : latin1(bytes)
}

/**
 * Unfolds at byte level: a line starting with space or tab continues the previous one (so a fold
 * inside a UTF-8 character joins back before decoding); a quoted-printable value ending in "="
 * continues on the next line; a 2.1 BASE64 value runs on unindented lines up to a blank line.
 */
function logicalLines(bytes: Uint8Array): LogicalLine[] {
  const out: LogicalLine[] = []
  let parts: Uint8Array[] = []
  let start = 0
  let qpSoft = false
  let bareBase64 = false
  let dropping = false
  let isQp = false

  const flush = () => {
    if (parts.length === 0) return
    const raw =
      parts.length === 1 ? (parts[0] ?? new Uint8Array()) : new Uint8Array(Buffer.concat(parts))
    // The colon is found after unfolding: Evolution folds inside the parameters ("TYPE=VOICE,M\r\n\tSG").
    const headerEnd = colonIndex(raw)
    const header = headerEnd < 0 ? null : headerText(raw.subarray(0, headerEnd))
    out.push({ line: start, header, value: headerEnd < 0 ? raw : raw.subarray(headerEnd + 1), raw })
    parts = []
  }
  const endsWithEquals = (b: Uint8Array) => b.length > 0 && b[b.length - 1] === 0x3d

  const lines = physicalLines(bytes)
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? new Uint8Array()
    const n = i + 1
    if (parts.length > 0 && qpSoft) {
      const last = parts[parts.length - 1] ?? new Uint8Array()
      parts[parts.length - 1] = last.subarray(0, last.length - 1)
      parts.push(line)
      qpSoft = endsWithEquals(line)
      continue
    }
    const first = line[0]
    if (parts.length > 0 && (first === 0x20 || first === 0x09)) {
      if (!dropping) {
        parts.push(line.subarray(1))
        qpSoft = isQp && endsWithEquals(line)
      }
      continue
    }
    if (parts.length > 0 && bareBase64) {
      if (line.length > 0 && colonIndex(line) < 0) continue
      bareBase64 = false
      if (line.length === 0) continue
    }
    flush()
    if (line.length === 0) continue
    start = n
    const colon = colonIndex(line)
    const header = latin1(colon < 0 ? line : line.subarray(0, colon)).toUpperCase()
    const name = header.split(';')[0]?.split('.').pop()?.trim() ?? ''
    isQp = /[;:]\s*(ENCODING\s*=\s*)?QUOTED-PRINTABLE\b/.test(header)
    dropping = DROPPED.has(name)
    // Only values we drop may run on unindented lines: base64 never contains ":", properties do.
    bareBase64 = dropping && /;\s*(ENCODING\s*=\s*)?(BASE64|B)\b/.test(header)
    parts.push(dropping && colon >= 0 ? line.subarray(0, colon + 1) : line)
    qpSoft = isQp && endsWithEquals(line)
  }
  flush()
  return out
}

function splitParams(text: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (const ch of text) {
    if (ch === '"') quoted = !quoted
    if (ch === ';' && !quoted) {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}

const BARE_ENCODINGS = new Set(['QUOTED-PRINTABLE', 'BASE64', 'B', '8BIT', '7BIT'])

function toProperty(l: LogicalLine & { header: string }): Property {
  const [nameWithGroup = '', ...rawParams] = splitParams(l.header)
  const dot = nameWithGroup.lastIndexOf('.')
  const group = dot >= 0 ? nameWithGroup.slice(0, dot).trim().toLowerCase() : ''
  const name = nameWithGroup
    .slice(dot + 1)
    .trim()
    .toUpperCase()
  const params = new Map<string, string[]>()
  const types: string[] = []
  for (const p of rawParams) {
    const eq = p.indexOf('=')
    if (eq < 0) {
      const bare = p.trim().toUpperCase()
      if (bare === '') continue
      if (BARE_ENCODINGS.has(bare)) params.set('ENCODING', [bare])
      else types.push(bare)
      continue
    }
    const key = p.slice(0, eq).trim().toUpperCase()
    const values = splitParamValues(p.slice(eq + 1))
    // RFC 6350 quotes TYPE lists ("work,voice"): split them as well.
    if (key === 'TYPE')
      types.push(...values.flatMap((v) => v.split(',')).map((v) => v.trim().toUpperCase()))
    params.set(key, [...(params.get(key) ?? []), ...values])
  }
  return { line: l.line, group, name, params, types, value: l.value }
}

function splitParamValues(text: string): string[] {
  const out: string[] = []
  let cur = ''
  let quoted = false
  for (const ch of text) {
    if (ch === '"') {
      quoted = !quoted
      continue
    }
    if (ch === ',' && !quoted) {
      out.push(cur.trim())
      cur = ''
    } else cur += ch
  }
  out.push(cur.trim())
  return out.filter((v) => v !== '')
}

/** Splits on an unescaped separator and resolves \n \N \\ \, \; \: in each part. */
export function splitEscaped(value: string, sep: ';' | ',' | null): string[] {
  const out: string[] = []
  let cur = ''
  for (let i = 0; i < value.length; i++) {
    const ch = value[i]
    if (ch === '\\' && i + 1 < value.length) {
      const next = value[i + 1] ?? ''
      i++
      if (next === 'n' || next === 'N') cur += '\n'
      // Gmail writes \" and others escape more than RFC 6350 asks: keep the character, drop the backslash.
      else if (!/[A-Za-z0-9]/.test(next)) cur += next
      else cur += `\\${next}`
      continue
    }
    if (sep !== null && ch === sep) {
      out.push(cur)
      cur = ''
    } else cur += ch
  }
  out.push(cur)
  return out
}

/** Splits a file into raw cards, with warnings for stray, broken and unterminated cards. */
function readCards(bytes: Uint8Array, warnings: ImportWarning[]): RawCard[] {
  const cards: RawCard[] = []
  const open: RawCard[] = []
  let count = 0
  let stray = 0
  let firstStray = 0
  for (const l of logicalLines(bytes)) {
    const current = open[open.length - 1]
    if (l.header === null) {
      if (current !== undefined) current.junk.push({ line: l.line, text: headerText(l.raw) })
      else if (headerText(l.raw).trim() !== '') {
        if (stray++ === 0) firstStray = l.line
      }
      continue
    }
    const prop = toProperty({ ...l, header: l.header })
    const word =
      prop.name === 'BEGIN' || prop.name === 'END' ? latin1(prop.value).trim().toUpperCase() : ''
    if (prop.name === 'BEGIN' && word === 'VCARD') {
      if (++count > IMPORT_LIMITS.records) {
        throw new ImportRefused(
          `This file holds more than ${IMPORT_LIMITS.records.toLocaleString('en')} contacts; split it into smaller files.`,
        )
      }
      open.push({ index: count, line: l.line, props: [], junk: [] })
    } else if (prop.name === 'END' && word === 'VCARD') {
      const done = open.pop()
      if (done === undefined)
        warnings.push({
          where: `line ${l.line}`,
          message: 'END:VCARD without a BEGIN:VCARD was ignored.',
        })
      else cards.push(done)
    } else if (current !== undefined) current.props.push(prop)
    else if (stray++ === 0) firstStray = l.line
  }
  if (stray > 0) {
    warnings.push({
      where: `line ${firstStray}`,
      message: `${stray} line${stray === 1 ? '' : 's'} outside any BEGIN:VCARD … END:VCARD ${stray === 1 ? 'was' : 'were'} ignored.`,
    })
  }
  for (const card of open) {
    warnings.push({
      where: cardWhere(card),
      message:
        'The file ends before this card’s END:VCARD (it may be cut short); the card was skipped.',
    })
  }
  return cards.sort((a, b) => a.index - b.index)
}

function cardWhere(card: { index: number; line: number }): string {
  return `card ${card.index} (line ${card.line})`
}

function cleanLabel(label: string): string {
  // Apple writes its built-in labels as _$!<HomePage>!$_.
  const apple = /^_\$!<(.*)>!\$_$/.exec(label.trim())
  return (apple?.[1] ?? label).trim()
}

const NOISE_TYPES = new Set([
  'INTERNET',
  'PREF',
  'VOICE',
  'X400',
  'MSG',
  'TEXT',
  'ENCODING',
  'CHARSET',
])

function typeLabel(p: Property, groupLabels: Map<string, string>): string {
  const grouped = p.group === '' ? undefined : groupLabels.get(p.group)
  if (grouped !== undefined && grouped !== '') return grouped
  return p.types
    .filter((t) => !NOISE_TYPES.has(t) && !t.startsWith('X-'))
    .map((t) => t.toLowerCase())
    .join(', ')
}

function isPreferred(p: Property): boolean {
  return p.types.includes('PREF') || p.params.get('PREF')?.[0] === '1'
}

const RELATIONSHIP_SET: ReadonlySet<string> = new Set(RELATIONSHIPS)
function isRelationship(v: string): v is Relationship {
  return RELATIONSHIP_SET.has(v)
}

/** Reads a card's properties into a draft; decoding per CHARSET, else UTF-8, else the card's charset. */
function draftFromCard(card: RawCard, fileIsUtf16: boolean, warn: (m: string) => void): Draft {
  const d = newDraft()
  let cardCharset: string | null = null
  const unknown = new Set<string>()
  for (const p of card.props) {
    const declared = p.params.get('CHARSET')?.[0]
    if (declared === undefined) continue
    const known = knownCharset(declared)
    if (known === null) unknown.add(declared)
    else if (cardCharset === null && !/^(utf-?8|us-ascii|ascii)$/.test(known)) cardCharset = known
  }
  if (unknown.size > 0 && !fileIsUtf16) {
    warn(
      `Unknown character set ${[...unknown].map((u) => `"${u}"`).join(', ')}; text was read as UTF-8 or Windows-1252.`,
    )
  }

  const text = (p: Property): string => {
    const encoding = p.params.get('ENCODING')?.[0]?.toUpperCase()
    const bytes = encoding === 'QUOTED-PRINTABLE' ? decodeQuotedPrintable(p.value) : p.value
    let charset = 'utf-8'
    if (!fileIsUtf16) {
      const declared = knownCharset(p.params.get('CHARSET')?.[0] ?? '')
      if (declared !== null) charset = declared
      else {
        charset = guessCharset(bytes)
        if (charset !== 'utf-8' && cardCharset !== null) charset = cardCharset
      }
    }
    return decodeBytes(bytes, charset).replace(/\r\n?/g, '\n')
  }

  const groupLabels = new Map<string, string>()
  for (const p of card.props) {
    if (p.name === 'X-ABLABEL' && p.group !== '')
      groupLabels.set(p.group, cleanLabel(splitEscaped(text(p), null)[0] ?? ''))
  }

  let orgSeen = false
  let titleSeen = false
  for (const p of card.props) {
    if (DROPPED.has(p.name)) continue
    switch (p.name) {
      case 'FN':
        if (d.formattedName === '') d.formattedName = splitEscaped(text(p), null)[0] ?? ''
        break
      case 'N': {
        if (d.familyName !== '' || d.givenNames.length > 0) break
        const [family = '', given = ''] = splitEscaped(text(p), ';')
        d.familyName = family.replace(/,/g, ' ')
        d.givenNames = [given.replace(/,/g, ' ')]
        break
      }
      case 'ORG': {
        const [company = '', ...units] = splitEscaped(text(p), ';')
        if (!orgSeen) {
          d.company = company
          d.units = units
        } else {
          const other = [company, ...units].filter((s) => s.trim() !== '').join(', ')
          if (other !== '') d.extraNotes.push(`Other organisation: ${other}`)
        }
        orgSeen = true
        break
      }
      case 'TITLE': {
        const t = splitEscaped(text(p), null)[0] ?? ''
        if (!titleSeen) d.title = t
        else if (t.trim() !== '') d.extraNotes.push(`Other title: ${t.trim()}`)
        titleSeen = true
        break
      }
      case 'ROLE': {
        const r = (splitEscaped(text(p), null)[0] ?? '').trim()
        if (r !== '') d.extraNotes.push(`Role: ${r}`)
        break
      }
      case 'EMAIL':
        d.emails.push({
          value: splitEscaped(text(p), null)[0] ?? '',
          label: typeLabel(p, groupLabels),
          preferred: isPreferred(p),
        })
        break
      case 'TEL':
        d.phones.push({
          value: (splitEscaped(text(p), null)[0] ?? '').replace(/^tel:/i, ''),
          label: typeLabel(p, groupLabels),
          preferred: isPreferred(p),
        })
        break
      case 'URL':
      case 'X-SOCIALPROFILE':
        d.links.push(splitEscaped(text(p), null)[0] ?? '')
        break
      case 'NOTE':
        d.notes.push(splitEscaped(text(p), null)[0] ?? '')
        break
      case 'BDAY': {
        const line = birthdayLine(splitEscaped(text(p), null)[0] ?? '')
        if (line !== null) d.extraNotes.push(line)
        break
      }
      case 'CATEGORIES':
        d.tags.push(...splitEscaped(text(p), ','))
        break
      case 'X-VOUCH-HOW-WE-MET':
        d.howWeMet = splitEscaped(text(p), null)[0] ?? ''
        break
      case 'X-VOUCH-FIELD':
        d.field = splitEscaped(text(p), null)[0] ?? ''
        break
      case 'X-VOUCH-WORKED-TOGETHER':
        d.workedTogether = splitEscaped(text(p), null)[0] ?? ''
        break
      case 'X-VOUCH-SKILLS':
        d.skills.push(...splitEscaped(text(p), ','))
        break
      case 'X-VOUCH-RELATIONSHIP': {
        const r = text(p).trim()
        if (isRelationship(r)) d.relationship = r
        break
      }
      case 'X-VOUCH-CADENCE-DAYS':
        d.cadenceDays = boundedInt(text(p), 1, 3650)
        break
      case 'X-VOUCH-CREDIBILITY':
        d.credibility = boundedInt(text(p), 1, 5)
        break
      default:
        break
    }
  }
  return d
}

function boundedInt(raw: string, min: number, max: number): number | undefined {
  const n = Number(raw.trim())
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined
}

/** Contacts of a vCard file (any number of 2.1/3.0/4.0 cards); problems go to warnings. */
export function parseVCard(input: Uint8Array, warnings: ImportWarning[]): ImportedContact[] {
  const { bytes, wasUtf16 } = normaliseBytes(input)
  const contacts: ImportedContact[] = []
  for (const card of readCards(bytes, warnings)) {
    const where = cardWhere(card)
    const warn = (message: string) => warnings.push({ where, message })
    for (const j of card.junk.slice(0, 3)) {
      warnings.push({
        where: `${where}, line ${j.line}`,
        message: `A line that is not a vCard property was ignored: "${j.text.trim().slice(0, 60)}".`,
      })
    }
    if (card.junk.length > 3) warn(`${card.junk.length - 3} more unreadable lines were ignored.`)
    const draft = draftFromCard(card, wasUtf16, warn)
    const contact = finishDraft(draft, where, { line: card.line, card: card.index }, warnings)
    if (contact !== null) contacts.push(contact)
  }
  return contacts
}
