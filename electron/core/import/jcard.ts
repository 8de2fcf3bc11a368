/*
 * jCard (RFC 7095, vCard as JSON) and xCard (RFC 6351, vCard as XML). Both carry vCard 4.0
 * properties one for one, so each is written back as vCard 4.0 text (RFC 7095 §3 and RFC 6351
 * §5 describe that conversion) and read by parseVCard: the same mapping as any .vcf file.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom'
import { ImportRefused } from './types'

const XCARD_NS = 'urn:ietf:params:xml:ns:vcard-4.0'

/** A vCard 4.0 text value with \ , ; and newlines escaped (RFC 6350 §3.4). */
function escape(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/\r\n?|\n/g, '\\n')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
}

/** A parameter value, quoted when it holds ; : or , (RFC 6350 §3.3). */
function param(value: string): string {
  const v = value.replace(/["\r\n]/g, ' ')
  return /[;:,]/.test(v) ? `"${v}"` : v
}

function contentLine(
  group: string,
  name: string,
  params: [string, string[]][],
  value: string,
): string {
  const p = params
    .filter(([, values]) => values.length > 0)
    .map(([k, values]) => `;${k.toUpperCase()}=${values.map(param).join(',')}`)
    .join('')
  return `${group === '' ? '' : `${group}.`}${name.toUpperCase()}${p}:${value}`
}

/** The 1-based line of each match of `re` in text, in order. */
function linesOf(text: string, re: RegExp): number[] {
  const out: number[] = []
  let line = 1
  let last = 0
  for (const m of text.matchAll(re)) {
    for (let i = last; i < m.index; i++) if (text.charCodeAt(i) === 10) line++
    last = m.index
    out.push(line)
  }
  return out
}

const isName = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9-]+$/.test(v)
/** Array.isArray, narrowing to unknown[] rather than any[]: each element is still checked. */
const isList = (v: unknown): v is unknown[] => Array.isArray(v)

function jValue(v: unknown): string {
  if (Array.isArray(v)) return v.map(jValue).join(',')
  if (typeof v === 'string') return escape(v)
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  return ''
}

function jCard(card: unknown): string[] | null {
  if (!isList(card) || card[0] !== 'vcard' || !isList(card[1])) return null
  const lines = ['BEGIN:VCARD']
  for (const prop of card[1]) {
    if (!isList(prop) || !isName(prop[0])) continue
    const [name, rawParams, , ...values] = prop
    if (name.toLowerCase() === 'begin' || name.toLowerCase() === 'end') continue
    const params: [string, string[]][] = []
    let group = ''
    if (typeof rawParams === 'object' && rawParams !== null && !Array.isArray(rawParams)) {
      for (const [k, v] of Object.entries(rawParams)) {
        if (!isName(k)) continue
        const list = (Array.isArray(v) ? v : [v]).filter((x) => typeof x === 'string')
        if (k.toLowerCase() === 'group') group = list[0] ?? ''
        else params.push([k, list])
      }
    }
    // A structured value (N, ADR, ORG) is an array of components, each maybe a list.
    const value =
      values.length === 1 && Array.isArray(values[0])
        ? values[0].map(jValue).join(';')
        : values.map(jValue).join(',')
    lines.push(contentLine(isName(group) ? group : '', name, params, value))
  }
  lines.push('END:VCARD')
  return lines
}

/**
 * A jCard file (one card, or an array of cards) as vCard 4.0 text, with the line each card
 * starts on in the JSON; null when the data is no jCard.
 */
export function jCardToVCard(
  data: unknown,
  json: string,
): { text: string; lines: number[] } | null {
  const cards = Array.isArray(data) && data[0] === 'vcard' ? [data] : data
  if (!Array.isArray(cards) || cards.length === 0) return null
  const out: string[] = []
  for (const card of cards) {
    const lines = jCard(card)
    if (lines === null) return null
    out.push(...lines)
  }
  return { text: `${out.join('\r\n')}\r\n`, lines: linesOf(json, /\[\s*"vcard"/g) }
}

const isElement = (n: Node): n is Element => n.nodeType === n.ELEMENT_NODE

const children = (e: Element): Element[] => {
  const out: Element[] = []
  for (let n = e.firstChild; n !== null; n = n.nextSibling) if (isElement(n)) out.push(n)
  return out
}

const inNs = (e: Element) => e.namespaceURI === XCARD_NS

/** The text of each value element of a property, structured components joined with ";". */
function xValue(prop: Element): string {
  const values = children(prop).filter((c) => inNs(c) && c.localName !== 'parameters')
  const structured = new Map<string, string[]>()
  const order: string[] = []
  for (const v of values) {
    const name = v.localName ?? ''
    if (!structured.has(name)) {
      structured.set(name, [])
      order.push(name)
    }
    structured.get(name)?.push(v.textContent ?? '')
  }
  const name = (prop.localName ?? '').toLowerCase()
  const components: Record<string, string[]> = {
    n: ['surname', 'given', 'additional', 'prefix', 'suffix'],
    adr: ['pobox', 'ext', 'street', 'locality', 'region', 'code', 'country'],
    gender: ['sex', 'identity'],
  }
  const parts = components[name]
  if (parts !== undefined)
    return parts.map((p) => (structured.get(p) ?? []).map(escape).join(',')).join(';')
  // ORG's <text> elements are its components; other properties list several values with ",".
  const sep = name === 'org' ? ';' : ','
  return order.flatMap((k) => (structured.get(k) ?? []).map(escape)).join(sep)
}

function xParams(prop: Element): [string, string[]][] {
  const holder = children(prop).find((c) => inNs(c) && c.localName === 'parameters')
  if (holder === undefined) return []
  return children(holder)
    .filter((p) => inNs(p) && isName(p.localName))
    .map((p) => [p.localName ?? '', children(p).map((v) => v.textContent ?? '')])
}

function xProperties(parent: Element, group: string, lines: string[]): void {
  for (const prop of children(parent)) {
    if (!inNs(prop) || !isName(prop.localName)) continue
    if (prop.localName === 'group') {
      const name = prop.getAttribute('name') ?? ''
      xProperties(prop, isName(name) ? name : '', lines)
      continue
    }
    lines.push(contentLine(group, prop.localName, xParams(prop), xValue(prop)))
  }
}

/** An xCard document as vCard 4.0 text, with the line each card starts on; null when it is no xCard. */
export function xCardToVCard(xml: string): { text: string; lines: number[] } | null {
  // xCard has no use for a DTD; refusing one rules out entity expansion of any kind.
  if (/<!DOCTYPE/i.test(xml))
    throw new ImportRefused('This XML file declares a DTD; Vouch does not read such files.')
  let doc
  try {
    doc = new DOMParser({
      onError: (level, message) => {
        if (level !== 'warning') throw new Error(message)
      },
    }).parseFromString(xml, 'text/xml')
  } catch {
    return null
  }
  const root = doc.documentElement
  if (root === null || !inNs(root)) return null
  const cards =
    root.localName === 'vcard'
      ? [root]
      : children(root).filter((c) => inNs(c) && c.localName === 'vcard')
  if (root.localName !== 'vcard' && root.localName !== 'vcards') return null
  const out: string[] = []
  for (const card of cards) {
    out.push('BEGIN:VCARD', 'VERSION:4.0')
    const props: string[] = []
    xProperties(card, '', props)
    out.push(...props.filter((p) => !/^VERSION[;:]/.test(p)), 'END:VCARD')
  }
  return {
    text: out.length === 0 ? '' : `${out.join('\r\n')}\r\n`,
    lines: cards.map((c) => c.lineNumber ?? 1),
  }
}
