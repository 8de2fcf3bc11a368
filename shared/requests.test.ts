process.env.TZ = 'Europe/Paris'

import { describe, expect, it } from 'vitest'
import type { RequestStatus } from './domain'
import {
  canMoveRequest,
  onRequestCreated,
  onRequestStatusChange,
  onThankYouLogged,
  thanksOwed,
} from './requests'
import type { StageId } from './stages'
import { makeContact, makeRequest, makeSettings } from '@testing/builders'

const settings = makeSettings({ thankWithinDays: 2 })
// Jun 10 16:00 CEST.
const now = new Date('2024-06-10T14:00:00.000Z')

describe('onRequestCreated', () => {
  it.each<[StageId, StageId | null]>([
    ['identified', 'asked'],
    ['building', 'asked'],
    ['in-touch', 'asked'],
    ['asked', null],
    ['gave-reference', null],
    ['thanked', null],
  ])('from %s moves to %s', (stage, expected) => {
    expect(onRequestCreated(makeContact({ stage }))).toEqual({ stage: expected })
  })
})

describe('onRequestStatusChange', () => {
  const contact = makeContact({ id: 'c1', stage: 'asked' })
  const asked = makeRequest({ id: 'r1', contactId: 'c1', askedAt: '2024-06-01T08:00:00.000Z' })
  /** The change of the asked request to given, now, for c1; override any part. */
  const statusChange = (over: Partial<Parameters<typeof onRequestStatusChange>[0]> = {}) =>
    onRequestStatusChange({ request: asked, contact, status: 'given', now, settings, ...over })

  it('given: stamps givenAt and thankBy, moves to gave-reference and logs a touch', () => {
    const change = statusChange()
    expect(change).toEqual({
      ok: true,
      request: {
        ...asked,
        status: 'given',
        givenAt: '2024-06-10T14:00:00.000Z',
        // End of Jun 12 in Paris (CEST).
        thankBy: '2024-06-12T21:59:59.999Z',
        updatedAt: '2024-06-10T14:00:00.000Z',
      },
      contactStage: 'gave-reference',
      logInteraction: { kind: 'reference-given', at: '2024-06-10T14:00:00.000Z', requestId: 'r1' },
    })
  })

  it('given from agreed, with an outcome at the same time', () => {
    const agreed = makeRequest({ ...asked, status: 'agreed' })
    const change = statusChange({ request: agreed, outcome: 'got-the-job' })
    expect(change).toMatchObject({
      ok: true,
      request: { status: 'given', outcome: 'got-the-job' },
      contactStage: 'gave-reference',
    })
  })

  it('given for a contact already thanked (for an earlier reference) moves back to gave-reference', () => {
    const thanked = makeContact({ id: 'c1', stage: 'thanked' })
    const change = statusChange({ contact: thanked })
    expect(change).toMatchObject({ ok: true, contactStage: 'gave-reference' })
  })

  it('given for a contact already in gave-reference does not move it', () => {
    const gave = makeContact({ id: 'c1', stage: 'gave-reference' })
    const change = statusChange({ contact: gave })
    expect(change).toMatchObject({ ok: true, contactStage: null })
    if (change.ok) expect(change.logInteraction).not.toBeNull()
  })

  it('given with thankWithinDays 0 is owed by the end of today', () => {
    const change = statusChange({ settings: makeSettings({ thankWithinDays: 0 }) })
    expect(change).toMatchObject({ ok: true, request: { thankBy: '2024-06-10T21:59:59.999Z' } })
  })

  it('given across the spring DST change: Mar 29 20:00 CET + 2 days ends at 23:59:59.999 CEST', () => {
    const change = statusChange({ now: new Date('2024-03-29T19:00:00.000Z') })
    expect(change).toMatchObject({ ok: true, request: { thankBy: '2024-03-31T21:59:59.999Z' } })
  })

  it.each<[RequestStatus, RequestStatus]>([
    ['asked', 'agreed'],
    ['asked', 'declined'],
    ['asked', 'withdrawn'],
    ['agreed', 'declined'],
    ['agreed', 'withdrawn'],
  ])('%s → %s is recorded without moving the contact or logging a touch', (from, to) => {
    const change = statusChange({ request: { ...asked, status: from }, status: to })
    expect(change).toEqual({
      ok: true,
      request: { ...asked, status: to, updatedAt: '2024-06-10T14:00:00.000Z' },
      contactStage: null,
      logInteraction: null,
    })
  })

  it.each<[RequestStatus, RequestStatus, string]>([
    ['given', 'asked', 'A request marked given cannot become asked. Its status is final'],
    ['given', 'agreed', 'A request marked given cannot become agreed.'],
    ['declined', 'given', 'A request marked declined cannot become given.'],
    ['withdrawn', 'agreed', 'A request marked withdrawn cannot become agreed.'],
    [
      'agreed',
      'asked',
      'A request marked agreed cannot become asked. It can only become given, declined, withdrawn.',
    ],
  ])('refuses %s → %s', (from, to, message) => {
    const change = statusChange({ request: { ...asked, status: from }, status: to })
    expect(change.ok).toBe(false)
    if (!change.ok) expect(change.message).toContain(message)
  })

  it('refuses given twice', () => {
    const first = statusChange()
    if (!first.ok) throw new Error(first.message)
    const second = statusChange({
      request: first.request,
      now: new Date('2024-06-11T09:00:00.000Z'),
    })
    expect(second).toEqual({ ok: false, message: 'This request is already marked given.' })
  })

  it('refuses a request that belongs to another contact', () => {
    const other = makeContact({ id: 'c2', stage: 'asked' })
    const change = statusChange({ contact: other })
    expect(change).toEqual({ ok: false, message: 'This request belongs to a different contact.' })
  })

  it('records an outcome at any time without a status change', () => {
    const given = makeRequest({
      id: 'r9',
      contactId: 'c1',
      status: 'given',
      givenAt: '2024-05-01T10:00:00.000Z',
      thankBy: '2024-05-03T21:59:59.999Z',
      thankedAt: '2024-05-02T10:00:00.000Z',
    })
    // No status at all: only the outcome changes.
    const change = statusChange({ request: given, status: undefined, outcome: 'did-not-get-it' })
    expect(change).toEqual({
      ok: true,
      request: { ...given, outcome: 'did-not-get-it', updatedAt: '2024-06-10T14:00:00.000Z' },
      contactStage: null,
      logInteraction: null,
    })
    // Passing the current status along with the outcome means the same thing.
    const same = statusChange({ request: given, outcome: 'got-the-job' })
    expect(same).toMatchObject({
      ok: true,
      request: { status: 'given', outcome: 'got-the-job' },
      logInteraction: null,
    })
  })

  it('canMoveRequest mirrors the rules', () => {
    expect(canMoveRequest('asked', 'given')).toBe(true)
    expect(canMoveRequest('agreed', 'asked')).toBe(false)
    expect(canMoveRequest('given', 'given')).toBe(false)
  })
})

describe('onThankYouLogged', () => {
  const contact = makeContact({ id: 'c1', stage: 'gave-reference' })
  const given = (id: string, contactId = 'c1') =>
    makeRequest({
      id,
      contactId,
      status: 'given',
      givenAt: '2024-06-01T10:00:00.000Z',
      thankBy: '2024-06-03T21:59:59.999Z',
    })
  const at = '2024-06-02T18:00:00.000Z'

  it('thanks every given, unthanked request of the contact and moves it to thanked', () => {
    const requests = [
      given('r1'),
      given('r2'),
      given('r3', 'c2'),
      makeRequest({ id: 'r4', contactId: 'c1', status: 'asked' }),
      { ...given('r5'), thankedAt: '2024-06-01T12:00:00.000Z' },
    ]
    expect(onThankYouLogged({ contact, requests, at })).toEqual({
      thankedRequestIds: ['r1', 'r2'],
      contactStage: 'thanked',
    })
  })

  it('changes nothing when no given request awaits thanks', () => {
    const requests = [
      makeRequest({ id: 'r4', contactId: 'c1', status: 'agreed' }),
      given('r3', 'c2'),
    ]
    expect(onThankYouLogged({ contact, requests, at })).toEqual({
      thankedRequestIds: [],
      contactStage: null,
    })
  })

  it('with a named request thanks only that one, and stays put while another is owed', () => {
    const requests = [given('r1'), given('r2')]
    expect(onThankYouLogged({ contact, requests, at, requestId: 'r2' })).toEqual({
      thankedRequestIds: ['r2'],
      contactStage: null,
    })
    expect(onThankYouLogged({ contact, requests: [given('r2')], at, requestId: 'r2' })).toEqual({
      thankedRequestIds: ['r2'],
      contactStage: 'thanked',
    })
  })

  it('does not move a contact already in thanked', () => {
    const thanked = makeContact({ id: 'c1', stage: 'thanked' })
    expect(onThankYouLogged({ contact: thanked, requests: [given('r1')], at })).toEqual({
      thankedRequestIds: ['r1'],
      contactStage: null,
    })
  })
})

describe('thanksOwed', () => {
  const given = (id: string, thankBy: string | null) =>
    makeRequest({
      id,
      contactId: 'c1',
      status: 'given',
      givenAt: '2024-06-01T10:00:00.000Z',
      thankBy,
    })

  it('lists given, unthanked requests by deadline with overdue flags', () => {
    const requests = [
      given('late-second', '2024-06-12T21:59:59.999Z'),
      given('no-deadline', null),
      given('late-first', '2024-06-08T21:59:59.999Z'),
      { ...given('thanked', '2024-06-01T21:59:59.999Z'), thankedAt: '2024-06-01T12:00:00.000Z' },
      makeRequest({ id: 'asked', status: 'asked' }),
    ]
    const owed = thanksOwed(requests, now)
    expect(owed.map((o) => [o.request.id, o.overdue])).toEqual([
      ['late-first', true],
      ['late-second', false],
      ['no-deadline', false],
    ])
  })

  it('is overdue only strictly after thankBy', () => {
    const request = given('r1', '2024-06-12T21:59:59.999Z')
    expect(thanksOwed([request], new Date('2024-06-12T21:59:59.999Z'))[0]?.overdue).toBe(false)
    expect(thanksOwed([request], new Date('2024-06-12T22:00:00.000Z'))[0]?.overdue).toBe(true)
  })
})
