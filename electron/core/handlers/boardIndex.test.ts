import { Slicer } from '../slices/slicer'
import { describe, expect, it } from 'vitest'
import type { Contact } from '@shared/domain'
import { normalizeContact } from '@shared/query'
import { STAGE_IDS } from '@shared/stages'
import { makeContact } from '@testing/builders'
import { applyOps } from '../store/store'
import { emptyStoreState } from '@testing/core/storeState'
import type { Op } from '../store/ops'
import { BoardIndex, byColumnOrder } from './boardIndex'

describe('BoardIndex', () => {
  it('stays equal to a full sort through 3,000 random puts, moves, trashes and deletes', () => {
    let seed = 7
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const state = emptyStoreState()
    const index = new BoardIndex()
    index.rebuild(state)
    const ids: string[] = []
    for (let step = 0; step < 3000; step++) {
      const roll = random()
      let ops: Op[]
      const existing = ids[Math.floor(random() * ids.length)]
      const current = existing ? state.contacts.get(existing) : undefined
      if (roll < 0.4 || !current) {
        const c = makeContact({
          id: `c${step}`,
          name: `n${step}`,
          stage: STAGE_IDS[Math.floor(random() * 6)],
          order: Math.floor(random() * 50),
        })
        ids.push(c.id)
        ops = [{ op: 'put', coll: 'contacts', value: c }]
      } else if (roll < 0.8) {
        const moved: Contact = {
          ...current,
          stage: STAGE_IDS[Math.floor(random() * 6)] ?? 'identified',
          order: random() * 50,
        }
        ops = [{ op: 'put', coll: 'contacts', value: moved }]
      } else if (roll < 0.9) {
        ops = [
          {
            op: 'put',
            coll: 'contacts',
            value: { ...current, trashedAt: current.trashedAt ? null : '2026-01-01T00:00:00.000Z' },
          },
        ]
      } else {
        ops = [{ op: 'delete', coll: 'contacts', id: current.id }]
      }
      const previous = new Map<string, unknown>()
      for (const op of ops) {
        const id =
          op.op === 'put' && op.coll === 'contacts' ? op.value.id : op.op === 'delete' ? op.id : ''
        previous.set(`contacts:${id}`, state.contacts.get(id))
      }
      applyOps(state, ops)
      index.apply(ops, state, previous)
    }
    for (const stage of STAGE_IDS) {
      const expected = [...state.contacts.values()]
        .filter((c) => c.stage === stage && c.trashedAt === null)
        .sort(byColumnOrder)
      expect(index.column(stage).map((c) => c.id)).toEqual(expected.map((c) => c.id))
    }
    expect(index.all().length).toBeGreaterThan(100)
  })

  it('keeps one index per triage state equal to a full sort through bulk changes of 100', async () => {
    let seed = 11
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    const state = emptyStoreState()
    for (let i = 0; i < 600; i++) {
      const c = makeContact({ id: `c${i}`, stage: pick(STAGE_IDS), order: i % 37 })
      state.contacts.set(c.id, c)
    }
    const indexes = (['kept', 'inbox', 'archived'] as const).map((t) => new BoardIndex(t))
    for (const index of indexes) index.rebuild(state)
    for (let step = 0; step < 60; step++) {
      const size = random() < 0.5 ? 100 : 3
      const ops: Op[] = []
      for (let k = 0; k < size; k++) {
        const current = state.contacts.get(`c${Math.floor(random() * 600)}`)
        if (!current) continue
        const roll = random()
        if (roll < 0.1) ops.push({ op: 'delete', coll: 'contacts', id: current.id })
        else
          ops.push({
            op: 'put',
            coll: 'contacts',
            value: {
              ...current,
              stage: pick(STAGE_IDS),
              order: random() * 40,
              triage: pick(['kept', 'inbox', 'archived'] as const),
              name: `Name ${step} ${k}`,
              trashedAt: roll < 0.2 ? '2026-01-01T00:00:00.000Z' : null,
            },
          })
      }
      const previous = new Map<string, unknown>()
      for (const op of ops) {
        const id =
          op.op === 'put' && op.coll === 'contacts' ? op.value.id : op.op === 'delete' ? op.id : ''
        if (!previous.has(`contacts:${id}`)) previous.set(`contacts:${id}`, state.contacts.get(id))
      }
      applyOps(state, ops)
      for (const index of indexes) {
        index.apply(ops, state, previous)
        const expected = [...state.contacts.values()]
          .filter((c) => c.trashedAt === null && c.triage === index.triage)
          .sort(
            (a, b) =>
              STAGE_IDS.indexOf(a.stage) - STAGE_IDS.indexOf(b.stage) || byColumnOrder(a, b),
          )
        expect(index.all().map((c) => c.id)).toEqual(expected.map((c) => c.id))
        expect(index.size).toBe(expected.length)
        if (step % 10 === 9) {
          // The cached search text stays slot for slot with its card.
          await index.scan(
            undefined,
            (contact, text) => {
              expect(text).toEqual(normalizeContact(contact))
            },
            new Slicer({ minSliceMs: 0 }),
            100,
          )
        }
      }
    }
  })
})
