import { describe, expect, it } from 'vitest'
import type { Contact, Interaction } from '@shared/domain'
import { makeContact, makeInteraction } from '@testing/builders'
import { STAGE_IDS } from '@shared/stages'
import { computeToday } from '@shared/today'
import type { Op } from '../store/ops'
import { applyOps, previousRecords } from '../store/store'
import { emptyStoreState } from '@testing/core/storeState'
import { TodayIndex } from './todayIndex'
import { TouchIndex } from './touchIndex'
import { createRandom } from '@testing/random'

const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const START = new Date('2025-03-10T12:00:00.000Z')

describe('TodayIndex', () => {
  it('agrees with computeToday after every change, across snooze ends and day changes', () => {
    const rnd = createRandom(11).next
    const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T
    const state = emptyStoreState()
    const touches = new TouchIndex()
    const index = new TodayIndex(touches)
    const apply = (ops: Op[]) => {
      const previous = previousRecords(state, ops)
      applyOps(state, ops)
      touches.apply(ops, state, previous)
      index.apply(ops, state, previous)
    }
    const contacts: Contact[] = Array.from({ length: 200 }, (_, i) =>
      makeContact({
        id: `c${i}`,
        name: `Person ${i % 50}`,
        stage: pick(STAGE_IDS),
        createdAt: new Date(START.getTime() - Math.floor(rnd() * 200) * DAY).toISOString(),
        triage: pick(['kept', 'kept', 'kept', 'inbox', 'archived'] as const),
      }),
    )
    for (const c of contacts) state.contacts.set(c.id, c)
    touches.rebuild(state)
    index.rebuild(state)

    let now = START
    let touchCount = 0
    const check = () => {
      const expected = computeToday({
        contacts: [...state.contacts.values()],
        lastTouchByContact: touches.lastTouchByContact(),
        requests: [],
        now,
        settings: state.settings,
      })
      const got = index.sections(now)
      expect(got.overdue).toEqual(expected.overdue)
      expect(got.dueSoon).toEqual(expected.dueSoon)
    }
    check()
    for (let step = 0; step < 300; step++) {
      const contact = state.contacts.get(`c${Math.floor(rnd() * 200)}`)
      if (!contact) continue
      const roll = rnd()
      if (roll < 0.3) {
        const touch: Interaction = makeInteraction({
          id: `t${touchCount++}`,
          contactId: contact.id,
          kind: pick(['call', 'note', 'message'] as const),
          at: new Date(now.getTime() - Math.floor(rnd() * 60) * DAY).toISOString(),
        })
        apply([{ op: 'put', coll: 'interactions', value: touch }])
      } else if (roll < 0.4 && touchCount > 0) {
        apply([{ op: 'delete', coll: 'interactions', id: `t${Math.floor(rnd() * touchCount)}` }])
      } else if (roll < 0.55) {
        apply([{ op: 'put', coll: 'contacts', value: { ...contact, stage: pick(STAGE_IDS) } }])
      } else if (roll < 0.65) {
        const until = new Date(now.getTime() + Math.floor(rnd() * 72) * HOUR).toISOString()
        apply([{ op: 'put', coll: 'contacts', value: { ...contact, snoozedUntil: until } }])
      } else if (roll < 0.75) {
        const triage = pick(['kept', 'inbox', 'archived'] as const)
        apply([{ op: 'put', coll: 'contacts', value: { ...contact, triage } }])
      } else if (roll < 0.8) {
        const trashedAt = contact.trashedAt === null ? now.toISOString() : null
        apply([{ op: 'put', coll: 'contacts', value: { ...contact, trashedAt } }])
      } else if (roll < 0.81) {
        // A bulk: 100 people move at once (folded in by one merge, not 100 splices).
        const ops: Op[] = []
        for (let k = 0; k < 100; k++) {
          const someone = state.contacts.get(`c${Math.floor(rnd() * 200)}`)
          if (someone)
            ops.push({ op: 'put', coll: 'contacts', value: { ...someone, stage: pick(STAGE_IDS) } })
        }
        apply(ops)
      } else if (roll < 0.83) {
        const cadence = 5 + Math.floor(rnd() * 60)
        const settings = {
          ...state.settings,
          cadenceByStage: { ...state.settings.cadenceByStage, identified: cadence },
        }
        apply([{ op: 'settings', value: settings }])
      } else {
        now = new Date(now.getTime() + Math.floor(rnd() * 30) * HOUR)
        // Sometimes the day's lists are built ahead in slices, as the core does in the background.
        if (rnd() < 0.5) index.warm(now, 37)
      }
      check()
    }
  })
})
