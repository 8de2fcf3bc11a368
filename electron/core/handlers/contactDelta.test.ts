import { describe, expect, it } from 'vitest'
import type { Contact } from '@shared/domain'
import { makeContact } from '@testing/builders'
import type { Op } from '../store/ops'
import { CONTACT_DELTA_LIMIT, contactDelta } from './context'

function contact(id: string): Contact {
  return makeContact({ id, name: id, stage: 'identified' })
}

describe('contactDelta', () => {
  it('lists the last put of each contact and the deleted ids, ignoring other collections', () => {
    const ops: Op[] = [
      { op: 'put', coll: 'contacts', value: contact('a') },
      { op: 'put', coll: 'contacts', value: { ...contact('a'), order: 2 } },
      { op: 'delete', coll: 'contacts', id: 'b' },
      { op: 'delete', coll: 'interactions', id: 'i1' },
    ]
    expect(contactDelta(ops)).toEqual({ put: [{ ...contact('a'), order: 2 }], deleted: ['b'] })
  })

  it('gives up on big changes, so the UI re-fetches instead', () => {
    const ops: Op[] = Array.from({ length: CONTACT_DELTA_LIMIT + 1 }, (_, i) => ({
      op: 'put',
      coll: 'contacts',
      value: contact(`c${i}`),
    }))
    expect(contactDelta(ops)).toBeUndefined()
  })
})
