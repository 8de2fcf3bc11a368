import { describe, expect, it } from 'vitest'
import type { Contact } from '@shared/domain'
import { normalizeContact } from '@shared/query'
import { makeContact } from '@testing/builders'
import { emptyStoreState } from '@testing/core/storeState'
import { createRandom } from '@testing/random'
import type { Op } from '../store/ops'
import { applyOps } from '../store/store'
import { NormalizedIndex } from './normalizedIndex'

function setUp(count: number) {
  const state = emptyStoreState()
  for (let i = 0; i < count; i++) {
    const contact = makeContact({ id: `c${i}`, name: `Zoë Ångström ${i}`, company: 'Fieldstone' })
    state.contacts.set(contact.id, contact)
  }
  const index = new NormalizedIndex()
  index.rebuild(state)
  const apply = (ops: Op[]) => {
    applyOps(state, ops)
    index.apply(ops, state)
  }
  const put = (contact: Contact) => apply([{ op: 'put', coll: 'contacts', value: contact }])
  return { state, index, apply, put }
}

/** Calls of warm(budget) until it reports done. */
function slicesToWarm(index: NormalizedIndex, budget: number): number {
  let slices = 1
  while (!index.warm(budget)) slices++
  return slices
}

describe('NormalizedIndex.warm', () => {
  it('walks every contact once after a rebuild, in slices of the budget', () => {
    const { index } = setUp(2500)
    // 1000 + 1000 + 500 visits, the last slice seeing the end.
    expect(slicesToWarm(index, 1000)).toBe(3)
  })

  it('then visits nobody while nothing changes: a reminder tick costs nothing', () => {
    const { index } = setUp(2500)
    slicesToWarm(index, 1000)
    // A budget of 0 is enough only when there is nothing to visit.
    expect(index.warm(0)).toBe(true)
    expect(index.warm(0)).toBe(true)
  })

  it('visits only the contacts put since, and forgets one deleted meanwhile', () => {
    const { state, index, apply, put } = setUp(2500)
    slicesToWarm(index, 1000)
    for (const id of ['c1', 'c2', 'c3']) {
      const contact = state.contacts.get(id)
      if (contact) put({ ...contact, name: `${contact.name} Renamed` })
    }
    apply([{ op: 'delete', coll: 'contacts', id: 'c2' }])
    // Two left to look at: a budget of 1 is one short, and the next slice finishes.
    expect(index.warm(1)).toBe(false)
    expect(index.warm(1)).toBe(true)
    expect(index.warm(0)).toBe(true)
  })

  it('walks everyone again after the store is replaced', () => {
    const { state, index } = setUp(1500)
    slicesToWarm(index, 1000)
    index.rebuild(state)
    expect(index.warm(0)).toBe(false)
    expect(slicesToWarm(index, 1000)).toBe(2)
  })

  it('serves every contact’s normalized text as stored, through random edits, deletes and warms', () => {
    const random = createRandom(20261130)
    const { state, index, apply, put } = setUp(300)
    let next = 300
    for (let step = 0; step < 2000; step++) {
      const ids = [...state.contacts.keys()]
      const roll = random.next()
      const id = random.pick(ids)
      const contact = state.contacts.get(id)
      if (roll < 0.5 && contact) {
        // Text edits, and puts that change no text (a move) which keep the entry.
        put(
          random.next() < 0.5
            ? { ...contact, name: `Émile ${random.int(1000)}`, tags: [`t${random.int(5)}`] }
            : { ...contact, order: contact.order + 1 },
        )
      } else if (roll < 0.6) {
        apply([{ op: 'delete', coll: 'contacts', id }])
      } else if (roll < 0.7) {
        put(makeContact({ id: `c${next}`, name: `Nuño ${next}` }))
        next++
      } else {
        index.warm(random.int(40))
      }
      if (step % 100 === 0) {
        for (const c of state.contacts.values()) expect(index.of(c)).toEqual(normalizeContact(c))
      }
    }
    slicesToWarm(index, 50)
    for (const c of state.contacts.values()) expect(index.of(c)).toEqual(normalizeContact(c))
  })
})
