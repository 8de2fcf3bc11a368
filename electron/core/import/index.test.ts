import { describe, expect, it } from 'vitest'
import { makeContact } from '@testing/builders'
import type { Contact } from '@shared/domain'
import { CSV_COLUMNS, findDuplicates, ImportRefused, parseContactsFile, toCsv, toVCard } from '.'
import type { ImportedContact } from '.'

const tricky: Contact[] = [
  makeContact({
    name: 'Zoë O’Brien-Müller, PhD; “Zee” 🦄',
    title: 'Head of R&D, EMEA; acting',
    company: 'Acme; Widgets, Inc.',
    field: 'Robotics\\AI',
    email: 'zoe@example.com',
    phone: '+44 20 7946 0958',
    links: ['https://www.linkedin.com/in/zoe-o-brien', 'https://example.com/a?b=1&c=2'],
    howWeMet: 'Conference in Zürich; she spoke on "safety", then coffee',
    notes: `Line one\nLine two with \\ backslash, comma; semicolon\n\n日本語 and 👩🏽‍💻 emoji\n${'long '.repeat(3000).trim()}`,
    tags: ['Mentor', 'Ex-Acme', 'ünïcode'],
    relationship: 'former-manager',
    skills: ['TypeScript', 'People leadership'],
    workedTogether: '2019–2022',
    cadenceDays: 45,
    credibility: 4,
  }),
  makeContact({ name: 'Plain Person' }),
]

const strip = ({ source: _source, ...rest }: ImportedContact) => rest
const editable = (c: Contact) => {
  const out: Record<string, unknown> = {}
  for (const k of CSV_COLUMNS) {
    const v = c[k]
    const empty =
      v === '' ||
      v === null ||
      (Array.isArray(v) && v.length === 0) ||
      (k === 'relationship' && v === 'other')
    if (!empty) out[k] = v
  }
  return out
}

describe('round trips', () => {
  it('toVCard → parseContactsFile gives back the same fields', () => {
    const text = toVCard(tricky)
    expect(text.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true)
    const r = parseContactsFile(Buffer.from(text, 'utf8'), 'export.vcf')
    expect(r.format).toBe('vcard')
    expect(r.warnings).toEqual([])
    expect(r.contacts.map(strip)).toEqual([
      { ...editable(tricky[0] as Contact) },
      { name: 'Plain Person', relationship: 'other' },
    ])
  })

  it('toCsv → generic CSV with the identity mapping gives back the same fields', () => {
    const text = toCsv(tricky)
    const first = parseContactsFile(Buffer.from(text, 'utf8'), 'export.csv')
    expect(first.needsMapping?.columns).toEqual([...CSV_COLUMNS])
    const identity = Object.fromEntries(CSV_COLUMNS.map((c) => [c, c]))
    const r = parseContactsFile(Buffer.from(text, 'utf8'), 'export.csv', { mapping: identity })
    expect(r.warnings).toEqual([])
    expect(r.contacts.map(strip)).toEqual([
      { ...editable(tricky[0] as Contact) },
      { name: 'Plain Person', relationship: 'other' },
    ])
  })
})

describe('vouch-json', () => {
  it('reads the contacts of a Vouch export; invalid ones become warnings', () => {
    const data = {
      schemaVersion: 3,
      contacts: [tricky[1], { name: '' }, { name: 'X', tags: ['a'] }],
    }
    const r = parseContactsFile(Buffer.from(JSON.stringify(data)), 'vouch.json')
    expect(r.format).toBe('vouch-json')
    expect(r.contacts.map((c) => c.name)).toEqual(['Plain Person', 'X'])
    expect(r.contacts[1]?.tags).toEqual(['a'])
    expect(r.warnings.map((w) => w.where)).toEqual(['contact 2'])
  })
})

describe('limits and refusals', () => {
  it('refuses a file over 50 MB', () => {
    expect(() => parseContactsFile(new Uint8Array(50 * 1024 * 1024 + 1), 'huge.vcf')).toThrow(
      /files over 50 MB are not imported/,
    )
  })

  it('refuses more than 100,000 cards and more than 100,000 rows', () => {
    const cards = 'BEGIN:VCARD\nFN:a\nEND:VCARD\n'.repeat(100_001)
    expect(() => parseContactsFile(Buffer.from(cards), 'many.vcf')).toThrow(
      /more than 100,000 contacts/,
    )
    const rows = `First Name,Last Name,Company,Position,Connected On\n${'a,b,c,d,01 Jan 2020\n'.repeat(100_001)}`
    expect(() => parseContactsFile(Buffer.from(rows), 'many.csv')).toThrow(/more than 100,000 rows/)
  })

  it('refuses empty and unrecognised files with a sentence', () => {
    expect(() => parseContactsFile(new Uint8Array([0xef, 0xbb, 0xbf]), 'Empty.vcf')).toThrow(
      ImportRefused,
    )
    expect(() => parseContactsFile(Buffer.from('just some words\n'), 'notes.txt')).toThrow(
      /neither a vCard nor a CSV/,
    )
  })
})

describe('findDuplicates', () => {
  const existing = [
    makeContact({ id: 'e1', name: 'Ada Lovelace', email: 'Ada@Example.com' }),
    makeContact({ id: 'e2', name: 'Grace Hopper', links: ['https://www.linkedin.com/in/grace/'] }),
    makeContact({ id: 'e3', name: 'Alan Turing', phone: '+44 (0)20 7946 0958' }),
    makeContact({ id: 'e4', name: 'José Álvarez', company: 'Acme' }),
  ]
  const imported: ImportedContact[] = [
    { name: 'A. Lovelace', email: ' ada@example.COM ', source: { line: 1 } },
    { name: 'G. Hopper', links: ['http://linkedin.com/in/Grace?trk=abc'], source: { line: 2 } },
    { name: 'A. Turing', phone: '020 7946 0958', source: { line: 3 } },
    { name: 'jose  alvarez', company: 'ACME', source: { line: 4 } },
    { name: 'New Person', email: 'new@example.com', source: { line: 5 } },
    { name: 'New Person again', email: 'NEW@example.com', source: { line: 6 } },
    { name: 'Jose Alvarez', company: 'Other Co', source: { line: 7 } },
  ]

  it('matches by email, LinkedIn URL, phone, then name and company; flags rows repeated in the file', () => {
    expect(findDuplicates(imported, existing)).toEqual([
      { index: 0, existingId: 'e1', reason: 'email' },
      { index: 1, existingId: 'e2', reason: 'linkedin' },
      { index: 2, existingId: 'e3', reason: 'phone' },
      { index: 3, existingId: 'e4', reason: 'name-company' },
      { index: 5, existingId: null, duplicateOfIndex: 4, reason: 'email' },
    ])
  })

  it('short phone numbers and empty values never match', () => {
    const rows: ImportedContact[] = [
      { name: 'A', phone: '112', email: '', source: { line: 1 } },
      { name: 'B', phone: '112', email: '', source: { line: 2 } },
    ]
    expect(findDuplicates(rows, [])).toEqual([])
  })

  it('handles 5,000 rows against 5,000 contacts (indexes, not pairwise)', () => {
    const many = Array.from({ length: 5_000 }, (_, i) =>
      makeContact({ id: `c${i}`, name: `P ${i}`, email: `p${i}@x.example` }),
    )
    const rows = Array.from({ length: 5_000 }, (_, i) => ({
      name: `Q ${i}`,
      email: `P${i * 2}@x.example`,
      source: { line: i + 2 },
    }))
    const dups = findDuplicates(rows, many)
    expect(dups.length).toBe(2_500)
    expect(dups[1]).toEqual({ index: 1, existingId: 'c2', reason: 'email' })
  })
})
