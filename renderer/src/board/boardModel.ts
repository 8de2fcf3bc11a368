import type { Contact } from '@shared/domain'
import { STAGE_IDS, type StageId } from '@shared/stages'
import { emptyColumns, type Columns } from '../store/contacts'

/** Lower-case and strip accents, so "jose" finds "José". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

/** The text a contact is searched by: name, company and tags. */
export function searchKeyOf(contact: Contact): string {
  return normalise([contact.name, contact.company, ...contact.tags].join('\n'))
}

/**
 * Keys per contact object: contacts are immutable and the store keeps unchanged ones, so after
 * an edit or on re-opening the board only new objects are normalised, not all 20,000.
 */
const searchKeys = new WeakMap<Contact, string>()

/** Search keys by contact id, built once per list. */
export function buildSearchIndex(byId: ReadonlyMap<string, Contact>): ReadonlyMap<string, string> {
  const index = new Map<string, string>()
  for (const [id, contact] of byId) {
    let key = searchKeys.get(contact)
    if (key === undefined) {
      key = searchKeyOf(contact)
      searchKeys.set(contact, key)
    }
    index.set(id, key)
  }
  return index
}

/** Columns holding only the contacts whose key contains every word of the query. */
export function filterColumns(
  columns: Columns,
  index: ReadonlyMap<string, string>,
  query: string,
): Columns {
  const words = normalise(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return columns
  const filtered = emptyColumns()
  for (const stage of STAGE_IDS) {
    filtered[stage] = columns[stage].filter((id) => {
      const key = index.get(id)
      return key !== undefined && words.every((word) => key.includes(word))
    })
  }
  return filtered
}

/** The stage whose column holds an id. */
export function stageOf(columns: Columns, id: string): StageId | undefined {
  return STAGE_IDS.find((stage) => columns[stage].includes(id))
}

/**
 * The index to send with contact.move: the position in the full target column (without the moved card)
 * that matches where the card sits among the visible (possibly filtered) cards.
 */
export function moveIndex(
  fullColumn: readonly string[],
  visibleColumn: readonly string[],
  id: string,
): number {
  const full = fullColumn.filter((x) => x !== id)
  const position = visibleColumn.indexOf(id)
  const next = visibleColumn[position + 1]
  if (next !== undefined) {
    const at = full.indexOf(next)
    if (at >= 0) return at
  }
  const previous = position > 0 ? visibleColumn[position - 1] : undefined
  if (previous !== undefined) {
    const at = full.indexOf(previous)
    if (at >= 0) return at + 1
  }
  return full.length
}

/** Where a lifted card sits: its column and its position among the visible cards. */
export interface Placement {
  stage: StageId
  index: number
}

/** Put an id at a placement in a copy of the (visible) columns. */
export function place(columns: Columns, id: string, placement: Placement): Columns {
  const next = emptyColumns()
  for (const stage of STAGE_IDS) next[stage] = columns[stage].filter((x) => x !== id)
  const target = next[placement.stage]
  target.splice(Math.max(0, Math.min(placement.index, target.length)), 0, id)
  return next
}

/** The placement after one arrow key, or null when the card cannot go further that way. */
export function step(
  columns: Columns,
  id: string,
  from: Placement,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight',
): Placement | null {
  const stageAt = STAGE_IDS.indexOf(from.stage)
  if (key === 'ArrowUp') return from.index > 0 ? { stage: from.stage, index: from.index - 1 } : null
  if (key === 'ArrowDown') {
    const others = columns[from.stage].filter((x) => x !== id).length
    return from.index < others ? { stage: from.stage, index: from.index + 1 } : null
  }
  const nextStage = STAGE_IDS[key === 'ArrowLeft' ? stageAt - 1 : stageAt + 1]
  if (nextStage === undefined) return null
  const others = columns[nextStage].filter((x) => x !== id).length
  return { stage: nextStage, index: Math.min(from.index, others) }
}
