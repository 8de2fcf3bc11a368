import { describe, expect, it } from 'vitest'
import { lastTouchAt } from '@shared/cadence'
import { INTERACTION_KINDS, type Interaction } from '@shared/domain'
import { makeInteraction, makeUpdate } from '@testing/builders'
import { createRandom } from '@testing/random'
import type { Op } from '../store/ops'
import { applyOps, previousRecords, type StoreState } from '../store/store'
import { emptyStoreState } from '@testing/core/storeState'
import { TouchIndex } from './touchIndex'

/** Apply ops to the state and the index, the way the store does. */
function commit(state: StoreState, index: TouchIndex, ops: Op[]): void {
  const previous = previousRecords(state, ops)
  applyOps(state, ops)
  index.apply(ops, state, previous)
}

/** What the index must say, recomputed from every interaction. */
function expectMatchesBruteForce(index: TouchIndex, state: StoreState, contactIds: string[]): void {
  const all = [...state.interactions.values()]
  for (const contactId of contactIds) {
    const touches = all.filter((t) => t.contactId === contactId)
    const ids = (list: Interaction[]) => list.map((t) => t.id).sort()
    expect(ids(index.touchesOf(contactId))).toEqual(ids(touches))
    const expected = lastTouchAt(touches)
    const got = index.lastTouchOf(contactId)
    // Equal instants may be written with different offsets: compare the times.
    expect(got === null ? null : Date.parse(got)).toBe(
      expected === null ? null : Date.parse(expected),
    )
    expect(index.lastTouchByContact().has(contactId)).toBe(touches.length > 0)
    const heard = touches.filter((t) => t.kind === 'update-sent' && t.updateId !== null)
    const newest = [...state.updates.values()]
      .filter((u) => heard.some((t) => t.updateId === u.id))
      .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))[0]
    expect(index.lastUpdateHeard(contactId, state.updates)?.id ?? null).toBe(newest?.id ?? null)
  }
}

describe('TouchIndex', () => {
  it('follows puts, moves between contacts and deletes, and agrees with a rebuild', () => {
    const random = createRandom(7)
    const state = emptyStoreState()
    const contactIds = Array.from({ length: 12 }, (_, i) => `contact-${i}`)
    const updates = Array.from({ length: 4 }, (_, i) =>
      makeUpdate({ id: `update-${i}`, at: `2025-0${i + 1}-01T09:00:00.000Z` }),
    )
    for (const u of updates) state.updates.set(u.id, u)
    const index = new TouchIndex()
    index.rebuild(state)
    const ids = Array.from({ length: 60 }, (_, i) => `touch-${i}`)
    // Instants in UTC and with offsets, of different precisions, so both comparisons are used.
    const instant = () => {
      const day = 1 + random.int(3)
      const hour = 9 + random.int(3)
      const pad = (n: number) => String(n).padStart(2, '0')
      switch (random.int(4)) {
        case 0:
          return `2025-03-${pad(day)}T${pad(hour)}:00:00.000Z`
        case 1:
          return `2025-03-${pad(day)}T${pad(hour)}:00:00Z`
        case 2:
          return `2025-03-${pad(day)}T${pad(hour)}:00:00.500Z`
        default:
          return `2025-03-${pad(day)}T${pad(hour)}:30:00+05:30`
      }
    }
    const randomTouch = (id: string) =>
      makeInteraction({
        id,
        contactId: contactIds[random.int(contactIds.length)] ?? 'contact-0',
        kind: INTERACTION_KINDS[random.int(INTERACTION_KINDS.length)] ?? 'note',
        at: instant(),
        updateId: random.int(2) === 0 ? (updates[random.int(updates.length)]?.id ?? null) : null,
      })
    for (let step = 0; step < 1500; step++) {
      const ops: Op[] = []
      // Up to three ops per commit, sometimes on the same touch twice.
      for (let n = 1 + random.int(3); n > 0; n--) {
        const id = ids[random.int(ids.length)] ?? 'touch-0'
        if (random.int(4) === 0) ops.push({ op: 'delete', coll: 'interactions', id })
        else ops.push({ op: 'put', coll: 'interactions', value: randomTouch(id) })
      }
      commit(state, index, ops)
      if (step % 25 === 0) expectMatchesBruteForce(index, state, contactIds)
    }
    expectMatchesBruteForce(index, state, contactIds)
    const rebuilt = new TouchIndex()
    rebuilt.rebuild(state)
    expectMatchesBruteForce(rebuilt, state, contactIds)
    for (const contactId of contactIds)
      expect(rebuilt.lastTouchOf(contactId)).toBe(index.lastTouchOf(contactId))
  })

  it('hands out a copy of the touches, so a caller sorting them changes nothing', () => {
    const state = emptyStoreState()
    const index = new TouchIndex()
    index.rebuild(state)
    const a = makeInteraction({ id: 'a', contactId: 'c', at: '2025-01-02T00:00:00.000Z' })
    const b = makeInteraction({ id: 'b', contactId: 'c', at: '2025-01-01T00:00:00.000Z' })
    commit(state, index, [
      { op: 'put', coll: 'interactions', value: a },
      { op: 'put', coll: 'interactions', value: b },
    ])
    index.touchesOf('c').length = 0
    expect(index.touchesOf('c').map((t) => t.id)).toEqual(['a', 'b'])
  })
})

describe('TouchIndex.rebuild', () => {
  it('finds the last touch whatever the precision or offset of its instant', () => {
    const state = emptyStoreState()
    const touches = [
      ['a', '2025-01-01T10:00:00Z'],
      ['b', '2025-01-01T10:00:00.500Z'],
      ['c', '2025-01-01T15:30:00.600+05:30'], // 10:00:00.600 UTC: the latest
      ['d', '2025-01-01T10:00:00.550Z'],
      ['e', '2025-01-01T09:59:59Z'],
    ] as const
    for (const [id, at] of touches)
      state.interactions.set(id, makeInteraction({ id, contactId: 'c', at }))
    const index = new TouchIndex()
    index.rebuild(state)
    expect(index.lastTouchOf('c')).toBe('2025-01-01T15:30:00.600+05:30')
    state.interactions.delete('c')
    index.rebuild(state)
    expect(index.lastTouchOf('c')).toBe('2025-01-01T10:00:00.550Z')
  })
})
