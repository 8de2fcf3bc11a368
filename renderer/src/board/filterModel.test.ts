import { describe, expect, it } from 'vitest'
import type { SavedView } from '@shared/domain'
import { OTHER_LANE_KEY } from '@shared/boardContract'
import { bulkMessage } from './BulkBar'
import { chipsOf, isFiltered, queryOf, sameQuery, toggleValue, withText } from './filterModel'
import { laneChange } from './lanes'

describe('filter chips', () => {
  it('names each criterion and removes only its own', () => {
    const filter = {
      text: 'ada',
      stages: ['building' as const, 'asked' as const],
      tags: ['ml'],
      due: ['overdue' as const, 'never' as const],
      minCredibility: 4,
      hasOpenRequest: true,
    }
    const chips = chipsOf(filter)
    expect(chips.map((c) => c.label)).toEqual([
      'Stage: Building, Asked',
      'Due: Overdue, Never touched',
      'Tag: ml',
      'Credibility ≥ 4',
      'Has an open request',
    ])
    expect(chips[2]?.without).toEqual({ ...filter, tags: undefined, text: 'ada' })
    expect('tags' in (chips[2]?.without ?? {})).toBe(false)
  })

  it('toggles list values, dropping an emptied list, and keeps blank text out', () => {
    const once = toggleValue({}, 'tags', 'ml')
    expect(once).toEqual({ tags: ['ml'] })
    expect(toggleValue(once, 'tags', 'ml')).toEqual({})
    expect(withText({ tags: ['ml'] }, '   ')).toEqual({ tags: ['ml'] })
    expect(isFiltered({})).toBe(false)
    expect(isFiltered(withText({}, 'jo'))).toBe(true)
  })
})

describe('saved views', () => {
  const view = (query: Record<string, unknown>): SavedView => ({
    id: 'v1',
    name: 'Mine',
    scope: 'board',
    query,
    createdAt: '2025-01-01T00:00:00.000Z',
  })

  it('reads a stored query with defaults, and refuses one that no longer parses', () => {
    expect(queryOf(view({ filter: { tags: ['ml'] } }))).toEqual({
      filter: { tags: ['ml'] },
      sort: 'manual',
      groupBy: 'none',
    })
    expect(queryOf(view({ sort: 'shoe-size' }))).toBeNull()
  })

  it('matches the board’s query whatever the key order or empty lists', () => {
    expect(
      sameQuery(
        { filter: { tags: ['ml'], stages: [] }, sort: 'name', groupBy: 'none' },
        { filter: { tags: ['ml'] }, sort: 'name', groupBy: 'none' },
      ),
    ).toBe(true)
    expect(
      sameQuery(
        { filter: {}, sort: 'name', groupBy: 'none' },
        { filter: {}, sort: 'manual', groupBy: 'none' },
      ),
    ).toBe(false)
  })
})

describe('bulk toasts', () => {
  it('says what happened to how many, in the past tense', () => {
    expect(bulkMessage({ set: { stage: 'building' } }, 240)).toBe('Moved 240 people to Building')
    expect(bulkMessage({ trash: true }, 1)).toBe('Moved 1 person to the trash')
    expect(bulkMessage({ addTags: ['ml'] }, 3)).toBe('Tagged 3 people “ml”')
    expect(bulkMessage({ set: { triage: 'archived' } }, 1200)).toBe('Archived 1,200 people')
  })
})

describe('dropping a card into another lane', () => {
  it('sets the relationship or company of that lane', () => {
    expect(
      laneChange('relationship', { tags: [] }, 'colleague', { key: 'mentor', label: 'Mentor' }),
    ).toEqual({
      relationship: 'mentor',
    })
    expect(laneChange('company', { tags: [] }, 'acme', { key: 'globex', label: 'Globex' })).toEqual(
      {
        company: 'Globex',
      },
    )
  })

  it('swaps the lane’s tag, adds one from "No tag", removes it into "No tag"', () => {
    const card = { tags: ['ML', 'ops'] }
    expect(laneChange('tag', card, 'ml', { key: 'rust', label: 'rust' })).toEqual({
      tags: ['ops', 'rust'],
    })
    expect(laneChange('tag', { tags: [] }, '', { key: 'rust', label: 'rust' })).toEqual({
      tags: ['rust'],
    })
    expect(laneChange('tag', card, 'ml', { key: '', label: 'No tag' })).toEqual({ tags: ['ops'] })
  })

  it('changes nothing within a lane or into the "Other" lane', () => {
    expect(laneChange('tag', { tags: ['ml'] }, 'ml', { key: 'ml', label: 'ml' })).toBeNull()
    expect(
      laneChange('company', { tags: [] }, 'a', { key: OTHER_LANE_KEY, label: 'Other' }),
    ).toBeNull()
  })
})
