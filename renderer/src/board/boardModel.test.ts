import { describe, expect, it } from 'vitest'
import {
  baseIndexAt,
  displayCount,
  dueText,
  listKey,
  moveIndex,
  pagesToLoad,
  rangeBetween,
  step,
  toggled,
  wipState,
  type ListRef,
  type MovingCard,
} from './boardModel'

const identified: ListRef = { stage: 'identified', lane: null }
const building: ListRef = { stage: 'building', lane: null }

/** What a list shows with a card moving, given the core's ids of each list. */
function shown(lists: Record<string, string[]>, list: ListRef, moving: MovingCard | null) {
  const base = lists[listKey(list)] ?? []
  const out: string[] = []
  for (let i = 0; i < displayCount(list, base.length, moving); i++) {
    const at = baseIndexAt(list, i, moving)
    out.push(at === 'moving' ? (moving?.id ?? '?') : (base[at] ?? '?'))
  }
  return out
}

describe('a moving card in windowed lists', () => {
  const lists = { identified: ['a', 'b', 'c', 'd'], building: ['x', 'y'] }

  it('shows the lists as they are when nothing moves', () => {
    expect(shown(lists, identified, null)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('moves a card down its own list', () => {
    const moving = {
      id: 'b',
      origin: { ...identified, index: 1 },
      placement: { ...identified, index: 3 },
    }
    expect(shown(lists, identified, moving)).toEqual(['a', 'c', 'd', 'b'])
  })

  it('moves a card up its own list', () => {
    const moving = {
      id: 'd',
      origin: { ...identified, index: 3 },
      placement: { ...identified, index: 0 },
    }
    expect(shown(lists, identified, moving)).toEqual(['d', 'a', 'b', 'c'])
  })

  it('takes a card out of one list and into another', () => {
    const moving = {
      id: 'c',
      origin: { ...identified, index: 2 },
      placement: { ...building, index: 1 },
    }
    expect(shown(lists, identified, moving)).toEqual(['a', 'b', 'd'])
    expect(shown(lists, building, moving)).toEqual(['x', 'c', 'y'])
  })

  it('keeps a lane apart from the same stage in another lane', () => {
    const laneA = { stage: 'building' as const, lane: 'a' }
    const laneB = { stage: 'building' as const, lane: 'b' }
    expect(listKey(laneA)).not.toBe(listKey(laneB))
    expect(listKey(laneA)).not.toBe(listKey(building))
    const moving = { id: 'q', origin: { ...laneA, index: 0 }, placement: { ...laneA, index: 0 } }
    expect(displayCount(laneB, 5, moving)).toBe(5)
    expect(displayCount(laneA, 5, moving)).toBe(5)
  })
})

describe('step', () => {
  const totals = (list: ListRef) =>
    list.stage === 'identified' ? 4 : list.stage === 'building' ? 2 : 0
  const at = (index: number) => ({
    id: 'b',
    origin: { ...identified, index: 1 },
    placement: { ...identified, index },
  })

  it('goes up and down within the list and stops at its ends', () => {
    expect(step(at(1), 'ArrowUp', totals)).toEqual({ ...identified, index: 0 })
    expect(step(at(0), 'ArrowUp', totals)).toBeNull()
    expect(step(at(2), 'ArrowDown', totals)).toEqual({ ...identified, index: 3 })
    expect(step(at(3), 'ArrowDown', totals)).toBeNull()
  })

  it('goes sideways to the next stage at the same height, or its end, and stops at the edges', () => {
    expect(step(at(3), 'ArrowRight', totals)).toEqual({ ...building, index: 2 })
    expect(step(at(1), 'ArrowRight', totals)).toEqual({ ...building, index: 1 })
    expect(step(at(1), 'ArrowLeft', totals)).toBeNull()
  })

  it('goes as far down a 5,000-card column as there are cards', () => {
    const big = (list: ListRef) => (list.stage === 'identified' ? 5000 : 0)
    let moving: MovingCard = {
      id: 'm',
      origin: { ...identified, index: 2500 },
      placement: { ...identified, index: 2500 },
    }
    for (let i = 0; i < 3000; i++) {
      const next = step(moving, 'ArrowDown', big)
      if (!next) break
      moving = { ...moving, placement: next }
    }
    expect(moving.placement.index).toBe(4999)
  })
})

describe('moveIndex', () => {
  const full = ['a', 'b', 'c', 'd', 'e']

  it('lands before the next visible card', () => {
    expect(moveIndex(full, 'e', 'a', 'c')).toBe(2)
  })

  it('lands after the previous visible card when it is last among the visible', () => {
    expect(moveIndex(full, 'a', 'd', undefined)).toBe(3)
  })

  it('goes to the end with no visible neighbours', () => {
    expect(moveIndex(full, 'a', undefined, undefined)).toBe(4)
  })
})

describe('pagesToLoad', () => {
  it('asks only for the pages not held, within the total', () => {
    expect(pagesToLoad(35, 130, 50, 1000, (p) => p === 1)).toEqual([0, 2])
    expect(pagesToLoad(0, 500, 50, 60, () => false)).toEqual([0, 1])
    expect(pagesToLoad(0, -1, 50, 0, () => false)).toEqual([])
  })
})

describe('selection', () => {
  it('selects the loaded cards between anchor and target in either direction', () => {
    const ids = ['a', 'b', undefined, 'd']
    expect(rangeBetween(3, 0, (i) => ids[i])).toEqual(['a', 'b', 'd'])
  })

  it('toggles a group: adds all unless all are in, then removes them', () => {
    expect([...toggled(new Set(['a']), ['a', 'b'])].sort()).toEqual(['a', 'b'])
    expect([...toggled(new Set(['a', 'b']), ['a', 'b'])]).toEqual([])
  })
})

describe('wipState and dueText', () => {
  it('shows "count / limit" and flags only what is over', () => {
    expect(wipState(3, 3)).toEqual({ text: '3 / 3', over: false })
    expect(wipState(4, 3)).toEqual({ text: '4 / 3', over: true })
    expect(wipState(4, undefined)).toBeNull()
  })

  it('says days until due, today, or days late', () => {
    expect(dueText(12)).toBe('12d')
    expect(dueText(0)).toBe('today')
    expect(dueText(-3)).toBe('3d late')
    expect(dueText(null)).toBe('')
  })
})
