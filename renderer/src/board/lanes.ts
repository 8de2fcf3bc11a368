import { Relationship, type Contact } from '@shared/domain'
import { normalizeSearch, type GroupBy, type Lane } from '@shared/query'
import { OTHER_LANE_KEY } from '@shared/boardContract'

/** The fields to change when a card is dropped from one lane into another. */
export type LaneChange = Partial<Pick<Contact, 'relationship' | 'company' | 'tags'>>

/**
 * What moving a card from lane `from` to lane `to` changes: its relationship, its company, or
 * one tag swapped for another (the "No tag" lane, keyed '', adds or removes one). Null when
 * the lane does not change or cannot be set (the "Other" lane gathers many values).
 */
export function laneChange(
  groupBy: GroupBy,
  contact: Pick<Contact, 'tags'>,
  from: string | null,
  to: Lane | null,
): LaneChange | null {
  if (from === null || to === null || from === to.key || to.key === OTHER_LANE_KEY) return null
  if (groupBy === 'relationship') {
    const parsed = Relationship.safeParse(to.key)
    return parsed.success ? { relationship: parsed.data } : null
  }
  if (groupBy === 'company') return { company: to.key === '' ? '' : to.label }
  if (groupBy === 'tag') {
    const kept = contact.tags.filter((t) => {
      const key = normalizeSearch(t)
      return key !== from && key !== to.key
    })
    return { tags: to.key === '' ? kept : [...kept, to.label] }
  }
  return null
}
