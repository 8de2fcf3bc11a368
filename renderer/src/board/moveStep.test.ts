import { describe, expect, it } from 'vitest'
import type { StageId } from '@shared/stages'
import {
  focusStep,
  listKey,
  step,
  type ListRef,
  type MovingCard,
  type Placement,
} from './boardModel'

// A board grouped by relationship: three lanes, each with its own cell per stage.
const counts: Record<string, number> = {
  [listKey({ stage: 'building', lane: 'manager' })]: 3,
  [listKey({ stage: 'building', lane: 'colleague' })]: 300,
  [listKey({ stage: 'building', lane: 'friend' })]: 2,
  [listKey({ stage: 'in-touch', lane: 'colleague' })]: 5,
  [listKey({ stage: 'in-touch', lane: 'manager' })]: 1,
}
const totals = (list: ListRef) => counts[listKey(list)] ?? 0
const LANES = ['manager', 'colleague', 'friend']

const place = (stage: StageId, lane: string, index: number): Placement => ({ stage, lane, index })

/** A card lifted at `origin`, now at `placement`. */
const lifted = (origin: Placement, placement: Placement = origin): MovingCard => ({
  id: 'm',
  origin,
  placement,
})

/** Where a card lifted at `origin` ends after the keys, or null if a key had nowhere to go. */
function press(
  origin: Placement,
  keys: readonly ('ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight')[],
  lanes = LANES,
) {
  let moving = lifted(origin)
  for (const key of keys) {
    const next = step(moving, key, totals, lanes)
    if (!next) return null
    moving = { ...moving, placement: next }
  }
  return moving.placement
}

describe('step across lanes (a lifted card)', () => {
  it('goes up from the top of a cell to the end of the same stage in the lane above', () => {
    // Manager's Building cell has 3 cards, none of them the moving one: it lands 4th of 4.
    expect(press(place('building', 'colleague', 1), ['ArrowUp', 'ArrowUp'])).toEqual(
      place('building', 'manager', 3),
    )
  })

  it('goes down from the bottom of a cell to the start of the lane below', () => {
    // The moving card is one of colleague's 300: the last position among the others is 299.
    expect(press(place('building', 'colleague', 298), ['ArrowDown'])).toEqual(
      place('building', 'colleague', 299),
    )
    expect(press(place('building', 'colleague', 298), ['ArrowDown', 'ArrowDown'])).toEqual(
      place('building', 'friend', 0),
    )
  })

  it('comes back to its own lane at the count without itself', () => {
    // Up into manager, then down twice through manager's end back into colleague's start.
    expect(press(place('building', 'colleague', 0), ['ArrowUp', 'ArrowDown'])).toEqual(
      place('building', 'colleague', 0),
    )
    const back = press(place('building', 'manager', 2), ['ArrowDown', 'ArrowUp'])
    // Manager without the moving card holds 2, so its end is position 2.
    expect(back).toEqual(place('building', 'manager', 2))
  })

  it('stops at the first and last open lanes', () => {
    expect(press(place('building', 'manager', 0), ['ArrowUp'])).toBeNull()
    expect(press(place('building', 'friend', 1), ['ArrowDown', 'ArrowDown'])).toBeNull()
  })

  it('skips collapsed lanes: only open lanes are passed', () => {
    expect(press(place('building', 'friend', 0), ['ArrowUp'], ['manager', 'friend'])).toEqual(
      place('building', 'manager', 3),
    )
  })

  it('enters an empty cell at position 0', () => {
    expect(press(place('in-touch', 'colleague', 4), ['ArrowDown'])).toEqual(
      place('in-touch', 'friend', 0),
    )
  })

  it('moves across lanes and columns together, keeping the lane sideways', () => {
    expect(
      press(place('building', 'colleague', 150), [
        ...Array.from({ length: 150 }, () => 'ArrowUp' as const),
        'ArrowUp',
        'ArrowRight',
        'ArrowRight',
      ]),
    ).toEqual(place('asked', 'manager', 0))
  })

  it('stays in its list when the board is not grouped', () => {
    const column = { stage: 'building' as const, lane: null }
    expect(step(lifted({ ...column, index: 0 }), 'ArrowUp', () => 10, LANES)).toBeNull()
  })

  it('does not move between lanes it cannot find', () => {
    expect(press(place('building', 'gone', 0), ['ArrowUp'])).toBeNull()
  })
})

describe('focusStep (arrow keys with nothing lifted)', () => {
  it('moves within a cell', () => {
    expect(focusStep(place('building', 'colleague', 7), 'ArrowUp', totals, LANES)).toEqual(
      place('building', 'colleague', 6),
    )
    expect(focusStep(place('building', 'colleague', 7), 'ArrowDown', totals, LANES)).toEqual(
      place('building', 'colleague', 8),
    )
  })

  it('crosses to the last card above and the first card below', () => {
    expect(focusStep(place('building', 'colleague', 0), 'ArrowUp', totals, LANES)).toEqual(
      place('building', 'manager', 2),
    )
    expect(focusStep(place('building', 'colleague', 299), 'ArrowDown', totals, LANES)).toEqual(
      place('building', 'friend', 0),
    )
  })

  it('skips lanes whose cell is empty and stops when there is no card that way', () => {
    expect(focusStep(place('in-touch', 'manager', 0), 'ArrowDown', totals, LANES)).toEqual(
      place('in-touch', 'colleague', 0),
    )
    expect(focusStep(place('in-touch', 'colleague', 4), 'ArrowDown', totals, LANES)).toBeNull()
    expect(focusStep(place('building', 'manager', 0), 'ArrowUp', totals, LANES)).toBeNull()
  })

  it('goes sideways in the same lane, to the same position or the last card', () => {
    expect(focusStep(place('building', 'colleague', 200), 'ArrowRight', totals, LANES)).toEqual(
      place('in-touch', 'colleague', 4),
    )
    expect(focusStep(place('building', 'friend', 0), 'ArrowRight', totals, LANES)).toBeNull()
    expect(focusStep(place('identified', 'manager', 0), 'ArrowLeft', totals, LANES)).toBeNull()
  })

  it('does not leave a list on an ungrouped board', () => {
    const column = { stage: 'building' as const, lane: null }
    expect(focusStep({ ...column, index: 0 }, 'ArrowUp', () => 3)).toBeNull()
    expect(focusStep({ ...column, index: 2 }, 'ArrowDown', () => 3)).toBeNull()
  })
})
