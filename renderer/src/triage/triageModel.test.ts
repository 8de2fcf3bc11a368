import { describe, expect, it } from 'vitest'
import { makeContact } from '@testing/builders'
import {
  bulkInputOf,
  current,
  initialTriage,
  nextPage,
  progress,
  triageReducer,
  unsavedCount,
  wantsMore,
  type TriageAction,
  type TriageState,
} from './triageModel'

const person = (id: string) => makeContact({ id, name: `Person ${id}`, triage: 'inbox' })

function run(state: TriageState, ...actions: TriageAction[]): TriageState {
  return actions.reduce(triageReducer, state)
}

/** A session whose first page holds a, b, c, d out of `total` matching. */
function started(total = 4, ids = ['a', 'b', 'c', 'd']): TriageState {
  return run(initialTriage(), {
    type: 'loaded',
    items: ids.map(person),
    total,
    offset: 0,
    // A full page when more match than it holds.
    limit: total > ids.length ? ids.length : 50,
  })
}

const ids = (state: TriageState) => state.queue.map((c) => c.id)

describe('triageReducer: deciding', () => {
  it('advances at once and queues keep and archive for the core in order; skip sends nothing', () => {
    const state = run(
      started(),
      { type: 'decide', decision: 'keep', details: { credibility: 4 } },
      { type: 'decide', decision: 'skip' },
      { type: 'decide', decision: 'archive' },
    )
    expect(current(state)?.id).toBe('d')
    expect(state.outbox.map((o) => [o.kind, o.record.contact.id, o.record.decision])).toEqual([
      ['apply', 'a', 'keep'],
      ['apply', 'c', 'archive'],
    ])
    expect(unsavedCount(state)).toBe(2)
    expect(progress(state)).toEqual({ left: 1, total: 4, done: 0.75 })
  })

  it('does nothing when the queue is empty', () => {
    const empty = started(0, [])
    expect(run(empty, { type: 'decide', decision: 'keep' })).toBe(empty)
    expect(current(empty)).toBeNull()
    expect(progress(empty)).toEqual({ left: 0, total: 0, done: 1 })
  })
})

describe('triageReducer: undo', () => {
  it('takes back a decision not sent yet without sending anything', () => {
    const state = run(started(), { type: 'decide', decision: 'archive' }, { type: 'undo' })
    expect(ids(state)).toEqual(['a', 'b', 'c', 'd'])
    expect(state.outbox).toEqual([])
    expect(progress(state).left).toBe(4)
  })

  it('sends the opposite after a decision already sent', () => {
    const state = run(
      started(),
      { type: 'decide', decision: 'keep', details: { relationship: 'manager' } },
      { type: 'send' },
      { type: 'undo' },
    )
    expect(current(state)?.id).toBe('a')
    expect(state.inFlight?.kind).toBe('apply')
    expect(state.outbox.map((o) => o.kind)).toEqual(['revert'])
    const revert = state.outbox[0]
    if (!revert) throw new Error('no revert queued')
    expect(bulkInputOf(revert)).toEqual({
      ids: ['a'],
      set: { triage: 'inbox', relationship: 'other' },
    })
  })

  it('takes back a skip and undoes in reverse order', () => {
    const state = run(
      started(),
      { type: 'decide', decision: 'skip' },
      { type: 'decide', decision: 'archive' },
      { type: 'undo' },
      { type: 'undo' },
    )
    expect(ids(state)).toEqual(['a', 'b', 'c', 'd'])
    expect(state.history).toEqual([])
    expect(run(state, { type: 'undo' })).toBe(state)
  })
})

describe('triageReducer: the core answers', () => {
  it('puts the person back first and says why when a decision fails', () => {
    const state = run(
      started(),
      { type: 'decide', decision: 'keep' },
      { type: 'decide', decision: 'archive' },
      { type: 'send' },
      { type: 'settled', ok: false, message: 'The disk is full.' },
    )
    expect(ids(state)).toEqual(['a', 'c', 'd'])
    expect(state.error).toBe('Could not save the decision about Person a: The disk is full.')
    expect(state.outbox.map((o) => o.record.contact.id)).toEqual(['b'])
    expect(state.history.map((r) => r.contact.id)).toEqual(['b'])
    expect(run(state, { type: 'decide', decision: 'skip' }).error).toBeNull()
  })

  it('drops the queued undo of a decision that failed', () => {
    const state = run(
      started(),
      { type: 'decide', decision: 'keep' },
      { type: 'send' },
      { type: 'undo' },
      { type: 'settled', ok: false, message: 'No.' },
    )
    expect(ids(state)).toEqual(['a', 'b', 'c', 'd'])
    expect(state.outbox).toEqual([])
    expect(state.inFlight).toBeNull()
  })

  it('removes the person again when their undo fails', () => {
    const state = run(
      started(),
      { type: 'decide', decision: 'archive' },
      { type: 'send' },
      { type: 'settled', ok: true },
      { type: 'undo' },
      { type: 'send' },
      { type: 'settled', ok: false, message: 'No.' },
    )
    expect(ids(state)).toEqual(['b', 'c', 'd'])
    expect(state.history.map((r) => r.decision)).toEqual(['archive'])
    expect(state.error).toMatch(/^Could not undo the decision about Person a/)
  })

  it('drops a person deleted meanwhile instead of showing them again', () => {
    const state = run(
      started(),
      { type: 'decide', decision: 'keep' },
      { type: 'send' },
      { type: 'undo' },
      { type: 'settled', ok: false, message: 'Person a is in the trash.', gone: true },
    )
    expect(ids(state)).toEqual(['b', 'c', 'd'])
    expect(state.outbox).toEqual([])
    expect(state.history).toEqual([])
    expect(state.error).toBe('Person a was deleted meanwhile: Person a is in the trash.')
    expect(progress(state)).toEqual({ left: 3, total: 3, done: 0 })
  })

  it('sends one change at a time', () => {
    const state = run(
      started(),
      { type: 'decide', decision: 'keep' },
      { type: 'decide', decision: 'keep' },
      { type: 'send' },
    )
    expect(run(state, { type: 'send' })).toBe(state)
    const next = run(state, { type: 'settled', ok: true }, { type: 'send' })
    expect(next.inFlight?.record.contact.id).toBe('b')
    expect(unsavedCount(next)).toBe(1)
  })
})

describe('prefetching', () => {
  it('asks for the page after the skipped and queued people, larger by the unsaved ones', () => {
    const state = run(
      started(100),
      { type: 'decide', decision: 'skip' },
      { type: 'decide', decision: 'keep' },
      { type: 'decide', decision: 'archive' },
    )
    expect(wantsMore(state)).toBe(true)
    expect(nextPage(state)).toEqual({ offset: 2, limit: 52 })
  })

  it('drops people it has seen or queued and stops when a page comes back short', () => {
    const state = run(
      started(6),
      { type: 'decide', decision: 'keep' },
      {
        type: 'loaded',
        items: ['a', 'd', 'e', 'f'].map(person),
        total: 5,
        offset: 3,
        limit: 51,
      },
    )
    expect(ids(state)).toEqual(['b', 'c', 'd', 'e', 'f'])
    expect(state.exhausted).toBe(true)
    expect(wantsMore(state)).toBe(false)
    expect(progress(state)).toEqual({ left: 5, total: 6, done: 1 / 6 })
  })

  it('leaves out people another session has not saved yet, and still sees the page was full', () => {
    const state = run(initialTriage(), {
      type: 'loaded',
      items: ['a', 'b', 'c'].map(person),
      total: 10,
      offset: 0,
      limit: 3,
      exclude: new Set(['b']),
    })
    expect(ids(state)).toEqual(['a', 'c'])
    expect(state.exhausted).toBe(false)
  })

  it('keeps fetching while pages come back full', () => {
    const state = started(200, ['a'])
    expect(
      run(state, {
        type: 'loaded',
        items: ['b', 'c'].map(person),
        total: 200,
        offset: 1,
        limit: 2,
      }).exhausted,
    ).toBe(false)
  })
})

describe('bulkInputOf', () => {
  it('keeps with the details set in the same step, archives with nothing else', () => {
    const state = run(
      started(),
      { type: 'decide', decision: 'keep', details: { relationship: 'mentor', credibility: 5 } },
      { type: 'decide', decision: 'archive' },
    )
    const [keep, archive] = state.outbox
    if (!keep || !archive) throw new Error('expected two changes')
    expect(bulkInputOf(keep)).toEqual({
      ids: ['a'],
      set: { triage: 'kept', relationship: 'mentor', credibility: 5 },
    })
    expect(bulkInputOf(archive)).toEqual({ ids: ['b'], set: { triage: 'archived' } })
  })
})
