import { describe, expect, it } from 'vitest'
import type { TouchStatus } from './cadence'
import type { Contact } from './domain'
import {
  BoardQuery,
  ContactFilter,
  compareContacts,
  dueStateOf,
  laneKeysOf,
  lanesOf,
  matchesFilter,
  normalizeContact,
  normalizeSearch,
  sameSearchText,
  searchTextOf,
  type ContactFacts,
  type ContactSort,
  type Sortable,
} from './query'
import { makeContact } from './testing/builders'

const facts = (overrides: Partial<ContactFacts> = {}): ContactFacts => ({
  dueState: 'fine',
  hasOpenRequest: false,
  readiness: 0,
  lastTouchAt: null,
  dueAt: null,
  ...overrides,
})

const matches = (contact: Contact, filter: ContactFilter, f = facts()) =>
  matchesFilter(contact, ContactFilter.parse(filter), f)

describe('normalizeSearch and searchTextOf', () => {
  it('strips accents, lowers case and collapses spaces', () => {
    expect(normalizeSearch('  José   ÁLVAREZ-Núñez ')).toBe('jose alvarez-nunez')
    expect(normalizeSearch('Zoë Ærø Straße')).toBe('zoe ærø straße')
  })

  it('covers name, nicknames, title, company, tags, relationship, field, skills, email and notes', () => {
    const contact = makeContact({
      name: 'Ana',
      nicknames: ['Nan'],
      title: 'Staff Engineer',
      company: 'Globex',
      tags: ['Rust'],
      relationship: 'former-manager',
      field: 'Robotics',
      skills: ['Leadership'],
      email: 'ana@example.com',
      notes: 'Met at PyCon',
    })
    const text = searchTextOf(contact)
    for (const word of [
      'ana',
      'nan',
      'staff',
      'globex',
      'rust',
      'former manager',
      'robotics',
      'leadership',
      'ana@example.com',
      'pycon',
    ]) {
      expect(text).toContain(word)
    }
  })
})

describe('normalizeContact', () => {
  it('with a previous version, reuses unchanged fields and equals a fresh normalization', () => {
    const before = makeContact({ name: 'Zoë', notes: 'Éclair '.repeat(100), tags: ['Rust'] })
    const first = normalizeContact(before)
    const after = { ...before, tags: ['Rust', 'Café'], title: 'Doyenne' }
    const reused = normalizeContact(after, { contact: before, normalized: first })
    expect(reused).toEqual(normalizeContact(after))
    expect(reused.text).toContain('cafe')
    expect(reused.title).toBe('doyenne')
    // The notes were not normalized again: the very same string is reused.
    expect(reused.parts.at(-1)).toBe(first.parts.at(-1))
    expect(sameSearchText(before, { ...before, stage: 'asked', credibility: 5 })).toBe(true)
    expect(sameSearchText(before, after)).toBe(false)
  })
})

describe('matchesFilter', () => {
  const ana = makeContact({
    name: 'Ana Sánchez',
    title: 'Principal Engineer',
    company: 'Globex',
    tags: ['Rust', 'Mentor'],
    relationship: 'colleague',
    stage: 'building',
    credibility: 4,
    email: 'ana@example.com',
    connectedOn: '2021-06-15',
    notes: 'Loves café',
  })

  it('matches text accent- and case-insensitively, every word (AND), in any field', () => {
    expect(matches(ana, { text: 'sanchez' })).toBe(true)
    expect(matches(ana, { text: 'SÁNCHEZ globex' })).toBe(true)
    expect(matches(ana, { text: 'cafe' })).toBe(true)
    expect(matches(ana, { text: 'ana initech' })).toBe(false)
    expect(matches(ana, { text: '   ' })).toBe(true)
  })

  it('does not match a word across two fields', () => {
    // name ends in "sánchez", title starts with "principal": no "sanchez principal" run.
    expect(matches(ana, { text: 'sanchezprincipal' })).toBe(false)
  })

  it('applies each list criterion as any-of, and every criterion at once', () => {
    expect(matches(ana, { stages: ['building', 'asked'] })).toBe(true)
    expect(matches(ana, { stages: ['asked'] })).toBe(false)
    expect(matches(ana, { tags: ['rust'] })).toBe(true)
    expect(matches(ana, { tags: ['go', 'MENTOR'] })).toBe(true)
    expect(matches(ana, { tags: ['go'] })).toBe(false)
    expect(matches(ana, { relationships: ['colleague', 'client'] })).toBe(true)
    expect(matches(ana, { relationships: ['client'] })).toBe(false)
    expect(matches(ana, { companies: [' globex '] })).toBe(true)
    expect(matches(ana, { companies: ['Initech'] })).toBe(false)
    expect(matches(ana, { stages: ['building'], tags: ['rust'], companies: ['initech'] })).toBe(
      false,
    )
  })

  it('checks credibility, title, email and connection dates', () => {
    expect(matches(ana, { minCredibility: 4 })).toBe(true)
    expect(matches(ana, { minCredibility: 5 })).toBe(false)
    expect(matches(makeContact({ credibility: null }), { minCredibility: 1 })).toBe(false)
    expect(matches(ana, { titleContains: 'engineer' })).toBe(true)
    expect(matches(ana, { titleContains: 'globex' })).toBe(false)
    expect(matches(ana, { hasEmail: true })).toBe(true)
    expect(matches(ana, { hasEmail: false })).toBe(false)
    expect(matches(makeContact({ email: ' ' }), { hasEmail: false })).toBe(true)
    expect(matches(ana, { connectedFrom: '2021-06-15', connectedTo: '2021-06-15' })).toBe(true)
    expect(matches(ana, { connectedFrom: '2021-06-16' })).toBe(false)
    expect(matches(ana, { connectedTo: '2021-06-14' })).toBe(false)
    expect(matches(makeContact({ connectedOn: '' }), { connectedTo: '2030-01-01' })).toBe(false)
  })

  it('checks due state and open requests from the facts', () => {
    expect(matches(ana, { due: ['overdue', 'due'] }, facts({ dueState: 'due' }))).toBe(true)
    expect(matches(ana, { due: ['never'] }, facts({ dueState: 'due' }))).toBe(false)
    expect(matches(ana, { hasOpenRequest: true }, facts({ hasOpenRequest: true }))).toBe(true)
    expect(matches(ana, { hasOpenRequest: false }, facts({ hasOpenRequest: true }))).toBe(false)
  })

  it('refuses an unknown criterion and caps text', () => {
    expect(ContactFilter.safeParse({ colour: 'red' }).success).toBe(false)
    expect(ContactFilter.safeParse({ text: 'x'.repeat(201) }).success).toBe(false)
    expect(ContactFilter.safeParse({ connectedFrom: '2021-13-01' }).success).toBe(false)
  })
})

describe('dueStateOf', () => {
  const now = new Date('2024-03-10T12:00:00')
  const status = (overrides: Partial<TouchStatus>): TouchStatus => ({
    state: 'ok',
    daysSince: 1,
    daysSinceTouch: 1,
    dueOn: null,
    dueAt: null,
    cadenceDays: 30,
    snoozed: false,
    ...overrides,
  })
  it('names overdue, due, due soon (within 7 days), fine and never touched', () => {
    expect(dueStateOf(status({ state: 'overdue' }), now)).toBe('overdue')
    expect(dueStateOf(status({ state: 'due', daysSinceTouch: null }), now)).toBe('due')
    const soon = new Date('2024-03-17T00:00:00').toISOString()
    const later = new Date('2024-03-18T00:00:00').toISOString()
    expect(dueStateOf(status({ dueAt: soon }), now)).toBe('due-soon')
    expect(dueStateOf(status({ dueAt: later }), now)).toBe('fine')
    expect(dueStateOf(status({ state: 'none', daysSinceTouch: null }), now)).toBe('never')
    expect(dueStateOf(status({ dueAt: later, daysSinceTouch: null }), now)).toBe('never')
  })
})

describe('compareContacts', () => {
  const sortIds = (items: Sortable[], sort: ContactSort) =>
    [...items].sort(compareContacts(sort)).map((s) => s.contact.id)
  const item = (contact: Partial<Contact>, f: Partial<ContactFacts> = {}): Sortable => ({
    contact: makeContact(contact),
    facts: facts(f),
  })
  // Board order of the fixtures: b1 (building, 0), b2 (building, 1), a1 (asked, 0).
  const b1 = { id: 'b1', stage: 'building' as const, order: 0 }
  const b2 = { id: 'b2', stage: 'building' as const, order: 1 }
  const a1 = { id: 'a1', stage: 'asked' as const, order: 0 }

  it('manual is board order: column, then order, then id', () => {
    const items = [item(a1), item(b2), item(b1), item({ ...b1, id: 'b0' })]
    expect(sortIds(items, 'manual')).toEqual(['b0', 'b1', 'b2', 'a1'])
  })

  it('name sorts accent-insensitively, ties by board order', () => {
    const items = [
      item({ ...a1, name: 'Émile' }),
      item({ ...b2, name: 'zed' }),
      item({ ...b1, name: 'Zed' }),
    ]
    expect(sortIds(items, 'name')).toEqual(['a1', 'b1', 'b2'])
  })

  it('last-touch puts the latest first and the never touched last', () => {
    const items = [
      item(b1, { lastTouchAt: null }),
      item(b2, { lastTouchAt: '2024-01-01T00:00:00.000Z' }),
      item(a1, { lastTouchAt: '2024-02-01T00:00:00.000Z' }),
    ]
    expect(sortIds(items, 'last-touch')).toEqual(['a1', 'b2', 'b1'])
  })

  it('next-due puts the soonest first and those without a due date last', () => {
    const items = [
      item(b1, { dueAt: null }),
      item(b2, { dueAt: '2024-05-01T00:00:00.000Z' }),
      item(a1, { dueAt: '2024-04-01T00:00:00.000Z' }),
    ]
    expect(sortIds(items, 'next-due')).toEqual(['a1', 'b2', 'b1'])
  })

  it('readiness and credibility put the highest first, ties by board order', () => {
    const byReadiness = [item(a1, { readiness: 80 }), item(b2, { readiness: 80 }), item(b1)]
    expect(sortIds(byReadiness, 'readiness')).toEqual(['b2', 'a1', 'b1'])
    const byCredibility = [
      item({ ...a1, credibility: 5 }),
      item({ ...b2, credibility: null }),
      item({ ...b1, credibility: 3 }),
    ]
    expect(sortIds(byCredibility, 'credibility')).toEqual(['a1', 'b1', 'b2'])
  })

  it('recent is newest first; connected is latest connection first, unknown last', () => {
    const byCreation = [
      item({ ...b1, createdAt: '2024-01-01T00:00:00.000Z' }),
      item({ ...b2, createdAt: '2024-03-01T00:00:00.000Z' }),
      item({ ...a1, createdAt: '2024-03-01T00:00:00.000Z' }),
    ]
    expect(sortIds(byCreation, 'recent')).toEqual(['b2', 'a1', 'b1'])
    const byConnection = [
      item({ ...b1, connectedOn: '' }),
      item({ ...b2, connectedOn: '2020-01-01' }),
      item({ ...a1, connectedOn: '2022-01-01' }),
    ]
    expect(sortIds(byConnection, 'connected')).toEqual(['a1', 'b2', 'b1'])
  })
})

describe('lanesOf', () => {
  it('puts a contact with two tags in two lanes and one without in the "" lane', () => {
    const tagged = makeContact({ tags: ['Rust', 'rust ', 'Go'] })
    expect(lanesOf(tagged, 'tag')).toEqual([
      { key: 'rust', label: 'Rust' },
      { key: 'go', label: 'Go' },
    ])
    expect(laneKeysOf(makeContact({ tags: [] }), 'tag')).toEqual([''])
  })

  it('keys companies normalized and relationships by id', () => {
    expect(lanesOf(makeContact({ company: ' Société Générale ' }), 'company')).toEqual([
      { key: 'societe generale', label: 'Société Générale' },
    ])
    expect(lanesOf(makeContact({ company: '' }), 'company')).toEqual([
      { key: '', label: 'No company' },
    ])
    expect(lanesOf(makeContact({ relationship: 'mentor' }), 'relationship')).toEqual([
      { key: 'mentor', label: 'Mentor' },
    ])
    expect(laneKeysOf(makeContact(), 'none')).toEqual([''])
  })
})

describe('BoardQuery', () => {
  it('fills defaults and refuses unknown sorts', () => {
    expect(BoardQuery.parse({})).toEqual({ filter: {}, sort: 'manual', groupBy: 'none' })
    expect(BoardQuery.safeParse({ sort: 'random' }).success).toBe(false)
  })
})
