import { z } from 'zod'
import { calendarDaysBetween, type TouchStatus } from './cadence'
import {
  LIMITS,
  RELATIONSHIPS,
  Relationship,
  Stage,
  Tag,
  relationshipLabel,
  type Contact,
} from './domain'
import { STAGE_IDS, stageIndex } from './stages'

// Board queries: which people a list shows (filter), in what order (sort) and in which lanes
// (group by). Pure rules, shared by the core (which runs them) and the UI (which builds them).

/** A touch falling due within this many calendar days is "due soon" (as on Today). */
export const DUE_SOON_DAYS = 7

/** Where a person stands against their cadence, as one word a filter can pick. */
export const DUE_STATES = ['overdue', 'due', 'due-soon', 'fine', 'never'] as const
export const DueState = z.enum(DUE_STATES)
export type DueState = z.infer<typeof DueState>

/**
 * The due state of a contact from its touch status: `overdue` and `due` as touchStatus says,
 * `due-soon` when the due day is at most DUE_SOON_DAYS away (Today's rule), otherwise `never`
 * when never touched and `fine` when touched. Being due wins over never having been touched:
 * an imported person with a cadence who was never contacted is due, not merely "never".
 */
export function dueStateOf(status: TouchStatus, now: Date): DueState {
  if (status.state === 'overdue') return 'overdue'
  if (status.state === 'due') return 'due'
  if (status.state === 'ok' && status.dueAt !== null) {
    if (calendarDaysBetween(new Date(status.dueAt), now) <= DUE_SOON_DAYS) return 'due-soon'
  }
  return status.daysSinceTouch === null ? 'never' : 'fine'
}

const DateOnly = z.iso.date({ message: 'Use a date like 2024-01-15' })
const SearchText = z.string().max(LIMITS.short, `At most ${LIMITS.short} characters`)

/**
 * Which people a list shows. Every present criterion must hold; inside one list (stages,
 * tags, …) any value may match. Text is accent- and case-insensitive and every word must match.
 */
export const ContactFilter = z.strictObject({
  text: SearchText.optional(),
  stages: z.array(Stage).max(STAGE_IDS.length).optional(),
  tags: z.array(Tag).max(LIMITS.tags).optional(),
  relationships: z.array(Relationship).max(RELATIONSHIPS.length).optional(),
  companies: z.array(z.string().max(LIMITS.short)).max(100).optional(),
  due: z.array(DueState).max(DUE_STATES.length).optional(),
  minCredibility: z.number().int().min(1).max(5).optional(),
  hasOpenRequest: z.boolean().optional(),
  titleContains: SearchText.optional(),
  hasEmail: z.boolean().optional(),
  connectedFrom: DateOnly.optional(),
  connectedTo: DateOnly.optional(),
})
export type ContactFilter = z.infer<typeof ContactFilter>

/**
 * Orders of a list. manual = board order (what dragging sets); recent = newest first;
 * last-touch = most recently touched first; next-due = soonest due first; readiness and
 * credibility = highest first; connected = most recently connected first. Missing values go
 * last; ties fall back to board order, then id.
 */
export const CONTACT_SORTS = [
  'manual',
  'name',
  'last-touch',
  'next-due',
  'readiness',
  'credibility',
  'recent',
  'connected',
] as const
export const ContactSort = z.enum(CONTACT_SORTS)
export type ContactSort = z.infer<typeof ContactSort>

export const GROUP_BYS = ['none', 'relationship', 'tag', 'company'] as const
export const GroupBy = z.enum(GROUP_BYS)
export type GroupBy = z.infer<typeof GroupBy>

/** What a saved view holds: filter, sort and grouping. Parse a SavedView's `query` with it. */
export const BoardQuery = z.object({
  filter: ContactFilter.default({}),
  sort: ContactSort.default('manual'),
  groupBy: GroupBy.default('none'),
})
export type BoardQuery = z.infer<typeof BoardQuery>

/** What the core knows about a contact beyond the record, for filters and sorts. */
export interface ContactFacts {
  dueState: DueState
  hasOpenRequest: boolean
  /** Readiness score, 0–100. */
  readiness: number
  lastTouchAt: string | null
  dueAt: string | null
}

/** True when a sort needs ContactFacts (so the core can skip computing them otherwise). */
export function sortNeedsFacts(sort: ContactSort): boolean {
  return sort === 'last-touch' || sort === 'next-due' || sort === 'readiness'
}

/** Lower-case, accents stripped (NFD, combining marks removed), whitespace collapsed. */
export function normalizeSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/** The words of a search, normalized; empty when there is nothing to search for. */
export function searchWords(text: string | undefined): string[] {
  if (text === undefined) return []
  const normalized = normalizeSearch(text)
  return normalized === '' ? [] : normalized.split(' ')
}

/** The fields a text search reads, in the order searchTextOf joins them. */
const SEARCH_FIELDS = [
  'name',
  'nicknames',
  'title',
  'company',
  'tags',
  'relationship',
  'field',
  'skills',
  'email',
  'notes',
] as const
type SearchField = (typeof SEARCH_FIELDS)[number]
const TITLE = SEARCH_FIELDS.indexOf('title')
const COMPANY = SEARCH_FIELDS.indexOf('company')

function fieldText(contact: Contact, field: SearchField): string {
  switch (field) {
    case 'relationship':
      return normalizeSearch(relationshipLabel(contact.relationship))
    case 'nicknames':
    case 'tags':
    case 'skills':
      return contact[field].map(normalizeSearch).join('\n')
    case 'name':
    case 'title':
    case 'company':
    case 'field':
    case 'email':
    case 'notes':
      return normalizeSearch(contact[field])
  }
}

function sameField(a: Contact, b: Contact, field: SearchField): boolean {
  const x = a[field]
  const y = b[field]
  if (typeof x === 'string' || typeof y === 'string') return x === y
  return x === y || (x.length === y.length && x.every((v, i) => v === y[i]))
}

/** True when two versions of a contact search alike (every field searchTextOf reads is equal). */
export function sameSearchText(a: Contact, b: Contact): boolean {
  return SEARCH_FIELDS.every((field) => sameField(a, b, field))
}

/**
 * Everything a text search looks at, normalized: name, nicknames, title, company, tags,
 * relationship label, field, skills, email and notes. Fields are joined by a newline so a word
 * never matches across two of them.
 */
export function searchTextOf(contact: Contact): string {
  return normalizeContact(contact).text
}

/** A contact's text, normalized once (see normalizeSearch), for filters and lanes. */
export interface NormalizedContact {
  /** Everything a text search looks at (searchTextOf). */
  text: string
  title: string
  company: string
  tags: string[]
  /** Each search field normalized, in SEARCH_FIELDS order: reused for fields that did not change. */
  parts: string[]
}

/**
 * Normalize what filters and lanes compare; the core caches it per contact. With `previous`
 * (an earlier version of the same contact and its result), fields that did not change are
 * reused rather than normalized again: adding a tag does not re-read 20,000 characters of notes.
 */
export function normalizeContact(
  contact: Contact,
  previous?: { contact: Contact; normalized: NormalizedContact },
): NormalizedContact {
  const parts = SEARCH_FIELDS.map((field, i) => {
    const reused =
      previous && sameField(previous.contact, contact, field)
        ? previous.normalized.parts[i]
        : undefined
    return reused ?? fieldText(contact, field)
  })
  const tags =
    previous && sameField(previous.contact, contact, 'tags')
      ? previous.normalized.tags
      : contact.tags.map(normalizeSearch)
  return {
    text: parts.join('\n'),
    title: parts[TITLE] ?? '',
    company: parts[COMPANY] ?? '',
    tags,
    parts,
  }
}

/**
 * True when every contact matching `next` also matches `previous` (all else equal): each
 * earlier word is inside some new word, as when a search is typed one character at a time.
 * A search can then look only at the previous matches.
 */
export function narrows(previous: readonly string[], next: readonly string[]): boolean {
  return previous.every((word) => next.some((w) => w.includes(word)))
}

/** True when every word occurs in the normalized search text. */
export function matchesWords(searchText: string, words: readonly string[]): boolean {
  for (const word of words) if (!searchText.includes(word)) return false
  return true
}

/**
 * A filter compiled once per query: normalized words and sets, so matching 50,000 contacts
 * does not normalize the filter 50,000 times. Facts and the normalized contact are looked up
 * only when a criterion needs them.
 */
export interface CompiledFilter {
  /** True when no criterion is present: everyone matches. */
  empty: boolean
  /** True when a criterion needs ContactFacts. */
  needsFacts: boolean
  /** The normalized words of the text criterion (what narrowing a search compares). */
  words: readonly string[]
  test: (contact: Contact, lookup: FilterLookup) => boolean
}

/** Where a compiled filter gets what it needs beyond the record; asked only when needed. */
export interface FilterLookup {
  facts: (contact: Contact) => ContactFacts
  normalized: (contact: Contact) => NormalizedContact
}

/** Compile a filter into a predicate; see matchesFilter. */
export function compileFilter(filter: ContactFilter = {}): CompiledFilter {
  const words = searchWords(filter.text)
  const stages = filter.stages?.length ? new Set(filter.stages) : null
  const tags = filter.tags?.length ? new Set(filter.tags.map(normalizeSearch)) : null
  const relationships = filter.relationships?.length ? new Set(filter.relationships) : null
  const companies = filter.companies?.length ? new Set(filter.companies.map(normalizeSearch)) : null
  const due = filter.due?.length ? new Set(filter.due) : null
  const title = filter.titleContains === undefined ? '' : normalizeSearch(filter.titleContains)
  const { minCredibility, hasOpenRequest, hasEmail, connectedFrom, connectedTo } = filter
  const needsText = words.length > 0 || tags !== null || companies !== null || title !== ''
  const needsFacts = due !== null || hasOpenRequest !== undefined
  const empty =
    !needsText &&
    !needsFacts &&
    !stages &&
    !relationships &&
    minCredibility === undefined &&
    hasEmail === undefined &&
    connectedFrom === undefined &&
    connectedTo === undefined
  return {
    empty,
    needsFacts,
    words,
    test(contact, lookup) {
      if (stages && !stages.has(contact.stage)) return false
      if (relationships && !relationships.has(contact.relationship)) return false
      if (minCredibility !== undefined) {
        if (contact.credibility === null || contact.credibility < minCredibility) return false
      }
      if (hasEmail !== undefined && (contact.email.trim() !== '') !== hasEmail) return false
      if (connectedFrom !== undefined || connectedTo !== undefined) {
        if (contact.connectedOn === '') return false
        if (connectedFrom !== undefined && contact.connectedOn < connectedFrom) return false
        if (connectedTo !== undefined && contact.connectedOn > connectedTo) return false
      }
      if (needsText) {
        const n = lookup.normalized(contact)
        if (words.length > 0 && !matchesWords(n.text, words)) return false
        if (tags && !n.tags.some((t) => tags.has(t))) return false
        if (companies && !companies.has(n.company)) return false
        if (title !== '' && !n.title.includes(title)) return false
      }
      if (needsFacts) {
        const f = lookup.facts(contact)
        if (due && !due.has(f.dueState)) return false
        if (hasOpenRequest !== undefined && f.hasOpenRequest !== hasOpenRequest) return false
      }
      return true
    },
  }
}

/** True when a contact meets every criterion present in the filter. */
export function matchesFilter(
  contact: Contact,
  filter: ContactFilter,
  facts: ContactFacts,
): boolean {
  return compileFilter(filter).test(contact, {
    facts: () => facts,
    normalized: normalizeContact,
  })
}

/** A contact with its facts, as the comparators see it. */
export interface Sortable {
  contact: Contact
  facts: ContactFacts
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true })

/** Board order: column, order within it, creation, then id. */
export function byBoardOrder(a: Contact, b: Contact): number {
  return (
    stageIndex(a.stage) - stageIndex(b.stage) ||
    a.order - b.order ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** Compare two optional values, missing ones last; `desc` puts larger first. */
function optional(a: number | string | null, b: number | string | null, desc: boolean): number {
  if (a === null && b === null) return 0
  if (a === null) return 1
  if (b === null) return -1
  if (a === b) return 0
  return a < b !== desc ? -1 : 1
}

/** A comparator for a sort; ties fall back to board order (which ends with the id). */
export function compareContacts(sort: ContactSort): (a: Sortable, b: Sortable) => number {
  const primary = ((): ((a: Sortable, b: Sortable) => number) => {
    switch (sort) {
      case 'manual':
        return () => 0
      case 'name':
        return (a, b) => collator.compare(a.contact.name, b.contact.name)
      case 'last-touch':
        return (a, b) => optional(timeOf(a.facts.lastTouchAt), timeOf(b.facts.lastTouchAt), true)
      case 'next-due':
        return (a, b) => optional(timeOf(a.facts.dueAt), timeOf(b.facts.dueAt), false)
      case 'readiness':
        return (a, b) => b.facts.readiness - a.facts.readiness
      case 'credibility':
        return (a, b) => optional(a.contact.credibility, b.contact.credibility, true)
      case 'recent':
        return (a, b) =>
          optional(Date.parse(a.contact.createdAt), Date.parse(b.contact.createdAt), true)
      case 'connected':
        return (a, b) =>
          optional(a.contact.connectedOn || null, b.contact.connectedOn || null, true)
    }
  })()
  return (a, b) => primary(a, b) || byBoardOrder(a.contact, b.contact)
}

function timeOf(instant: string | null): number | null {
  return instant === null ? null : Date.parse(instant)
}

/** One lane of a grouped board: its key (what contact.query's `lane` takes) and its label. */
export interface Lane {
  key: string
  label: string
}

/** Labels of the lanes for people without a value. */
export const NO_LANE_LABEL: Record<Exclude<GroupBy, 'none'>, string> = {
  relationship: 'No relationship',
  tag: 'No tag',
  company: 'No company',
}

/**
 * The lanes a contact is in: one per relationship or company, one per tag (a contact with two
 * tags is in two lanes); none of them → the '' lane. Tags and companies are keyed normalized,
 * so "Acme" and "acme " share a lane. groupBy none → the one '' lane.
 */
export function lanesOf(
  contact: Contact,
  groupBy: GroupBy,
  normalized: Pick<NormalizedContact, 'company' | 'tags'> = normalizeContact(contact),
): Lane[] {
  switch (groupBy) {
    case 'none':
      return [{ key: '', label: '' }]
    case 'relationship':
      return [{ key: contact.relationship, label: relationshipLabel(contact.relationship) }]
    case 'company': {
      const key = normalized.company
      return [{ key, label: key === '' ? NO_LANE_LABEL.company : contact.company.trim() }]
    }
    case 'tag': {
      const lanes = new Map<string, Lane>()
      contact.tags.forEach((tag, i) => {
        const key = normalized.tags[i] ?? normalizeSearch(tag)
        if (key !== '' && !lanes.has(key)) lanes.set(key, { key, label: tag.trim() })
      })
      return lanes.size > 0 ? [...lanes.values()] : [{ key: '', label: NO_LANE_LABEL.tag }]
    }
  }
}

/** The lane keys of a contact (see lanesOf). */
export function laneKeysOf(
  contact: Contact,
  groupBy: GroupBy,
  normalized?: Pick<NormalizedContact, 'company' | 'tags'>,
): string[] {
  return lanesOf(contact, groupBy, normalized).map((lane) => lane.key)
}
