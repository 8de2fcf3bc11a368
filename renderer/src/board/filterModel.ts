import { relationshipLabel, type SavedView } from '@shared/domain'
import {
  BoardQuery,
  type ContactFilter,
  type ContactSort,
  type DueState,
  type GroupBy,
} from '@shared/query'
import { stageLabel } from '@shared/stages'

/** The sorts a column offers, in menu order. */
export const SORTS: readonly { id: ContactSort; label: string }[] = [
  { id: 'manual', label: 'Board order' },
  { id: 'name', label: 'Name' },
  { id: 'last-touch', label: 'Last touch' },
  { id: 'next-due', label: 'Next due' },
  { id: 'readiness', label: 'Readiness' },
  { id: 'credibility', label: 'Credibility' },
  { id: 'recent', label: 'Recently added' },
]

/** The groupings, in menu order. */
export const GROUPS: readonly { id: GroupBy; label: string }[] = [
  { id: 'none', label: 'No lanes' },
  { id: 'relationship', label: 'Relationship' },
  { id: 'tag', label: 'Tag' },
  { id: 'company', label: 'Company' },
]

/** Due states in the order a user thinks of them. */
export const DUE_STATES: readonly { id: DueState; label: string }[] = [
  { id: 'overdue', label: 'Overdue' },
  { id: 'due', label: 'Due' },
  { id: 'due-soon', label: 'Due soon' },
  { id: 'fine', label: 'Fine' },
  { id: 'never', label: 'Never touched' },
]

const dueLabel = (id: DueState) => DUE_STATES.find((d) => d.id === id)?.label ?? id

/** One removable chip: what it says, and the filter without it. */
export interface FilterChip {
  key: string
  label: string
  without: ContactFilter
}

/** A copy of the filter without one criterion; an emptied list removes the criterion. */
function omit(filter: ContactFilter, key: keyof ContactFilter): ContactFilter {
  const next: ContactFilter = { ...filter }
  delete next[key]
  return next
}

/** The chips of a filter (not its search text, which has its own box). */
export function chipsOf(filter: ContactFilter): FilterChip[] {
  const chips: FilterChip[] = []
  const list = (key: keyof ContactFilter, name: string, values: readonly string[] | undefined) => {
    if (values && values.length > 0)
      chips.push({ key, label: `${name}: ${values.join(', ')}`, without: omit(filter, key) })
  }
  list('stages', 'Stage', filter.stages?.map(stageLabel))
  list('due', 'Due', filter.due?.map(dueLabel))
  list('tags', 'Tag', filter.tags)
  list('relationships', 'Relationship', filter.relationships?.map(relationshipLabel))
  list('companies', 'Company', filter.companies)
  if (filter.minCredibility !== undefined)
    chips.push({
      key: 'minCredibility',
      label: `Credibility ≥ ${filter.minCredibility}`,
      without: omit(filter, 'minCredibility'),
    })
  if (filter.hasOpenRequest !== undefined)
    chips.push({
      key: 'hasOpenRequest',
      label: filter.hasOpenRequest ? 'Has an open request' : 'No open request',
      without: omit(filter, 'hasOpenRequest'),
    })
  return chips
}

/** Add or remove one value of a list criterion; an empty list leaves the filter. */
export function toggleValue<K extends 'stages' | 'tags' | 'relationships' | 'companies' | 'due'>(
  filter: ContactFilter,
  key: K,
  value: NonNullable<ContactFilter[K]>[number],
): ContactFilter {
  const current: readonly unknown[] = filter[key] ?? []
  const values = current.includes(value) ? current.filter((v) => v !== value) : [...current, value]
  if (values.length === 0) return omit(filter, key)
  return { ...filter, [key]: values }
}

/** The filter with new search text; blank text leaves the filter. */
export function withText(filter: ContactFilter, text: string): ContactFilter {
  return text.trim() === '' ? omit(filter, 'text') : { ...filter, text }
}

/** Whether any criterion is set. */
export function isFiltered(filter: ContactFilter): boolean {
  return chipsOf(filter).length > 0 || (filter.text ?? '').trim() !== ''
}

/** A saved view's query, or null when what is stored no longer parses. */
export function queryOf(view: SavedView): BoardQuery | null {
  const parsed = BoardQuery.safeParse(view.query)
  return parsed.success ? parsed.data : null
}

/** Whether two queries show the same board. */
export function sameQuery(a: BoardQuery, b: BoardQuery): boolean {
  return JSON.stringify(normalised(a)) === JSON.stringify(normalised(b))
}

function normalised(query: BoardQuery): unknown {
  const filter = Object.fromEntries(
    Object.entries(query.filter)
      .filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0))
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  )
  return { filter, sort: query.sort, groupBy: query.groupBy }
}
