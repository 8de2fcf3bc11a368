import { describe, expect, it } from 'vitest'
import { emptyColumns } from '../store/contacts'
import { filterColumns, moveIndex, normalise, place, step } from './boardModel'

const columns = { ...emptyColumns(), identified: ['a', 'b', 'c'], building: ['d'] }

describe('normalise', () => {
  it('ignores case and accents', () => {
    expect(normalise('José ÅNGSTRÖM')).toBe('jose angstrom')
  })
})

describe('filterColumns', () => {
  it('keeps ids whose key holds every word, and returns the same columns for an empty query', () => {
    const index = new Map([
      ['a', 'ada lovelace\nanalytical'],
      ['b', 'grace hopper\nnavy'],
      ['c', 'jose marti'],
      ['d', 'ada yonath\nweizmann'],
    ])
    expect(filterColumns(columns, index, '  ')).toBe(columns)
    const filtered = filterColumns(columns, index, 'ADA')
    expect(filtered.identified).toEqual(['a'])
    expect(filtered.building).toEqual(['d'])
    expect(filterColumns(columns, index, 'ada weiz').identified).toEqual([])
  })
})

describe('moveIndex', () => {
  it('is the visible position when nothing is filtered', () => {
    expect(moveIndex(['a', 'b', 'c'], ['b', 'a', 'c'], 'a')).toBe(1)
    expect(moveIndex(['a', 'b', 'c'], ['b', 'c', 'a'], 'a')).toBe(2)
    expect(moveIndex(['x'], ['a', 'x'], 'a')).toBe(0)
  })

  it('lands before the next visible card in the full column when filtered', () => {
    // Full column p q r s; only q and s are visible; the card goes between them.
    expect(moveIndex(['p', 'q', 'r', 's'], ['q', 'm', 's'], 'm')).toBe(3)
    // Last among visible: after the previous visible card.
    expect(moveIndex(['p', 'q', 'r', 's'], ['q', 'm'], 'm')).toBe(2)
    // Alone among visible: the end of the column.
    expect(moveIndex(['p', 'q'], ['m'], 'm')).toBe(2)
  })
})

describe('step and place', () => {
  it('moves within a column and clamps the index in the next column', () => {
    const start = { stage: 'identified' as const, index: 2 }
    expect(step(columns, 'c', start, 'ArrowDown')).toBeNull()
    expect(step(columns, 'c', start, 'ArrowUp')).toEqual({ stage: 'identified', index: 1 })
    expect(step(columns, 'c', start, 'ArrowRight')).toEqual({ stage: 'building', index: 1 })
    expect(step(columns, 'c', start, 'ArrowLeft')).toBeNull()
    const moved = place(columns, 'c', { stage: 'building', index: 0 })
    expect(moved.identified).toEqual(['a', 'b'])
    expect(moved.building).toEqual(['c', 'd'])
  })
})
