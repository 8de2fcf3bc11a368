process.env.TZ = 'UTC'

import { describe, expect, it } from 'vitest'
import { computeToday, followUpReason } from './today'
import { makeContact, makeRequest, makeSettings } from '@testing/builders'

const settings = makeSettings()
const now = new Date('2024-06-15T12:00:00.000Z')

// Building: 30 days; in-touch: 60 days; identified: no cadence.
const contacts = [
  makeContact({ id: 'ada', name: 'Ada', stage: 'building' }),
  makeContact({ id: 'bob', name: 'Bob', stage: 'building' }),
  makeContact({ id: 'cy', name: 'Cy', stage: 'in-touch' }),
  makeContact({ id: 'dee', name: 'Dee', stage: 'building' }),
  makeContact({ id: 'eve', name: 'Eve', stage: 'building' }),
  makeContact({
    id: 'fay',
    name: 'Fay',
    stage: 'building',
    snoozedUntil: '2024-07-01T00:00:00.000Z',
  }),
  makeContact({ id: 'gus', name: 'Gus', stage: 'building', trashedAt: '2024-06-01T00:00:00.000Z' }),
  makeContact({ id: 'hal', name: 'Hal', stage: 'identified' }),
  makeContact({ id: 'ivy', name: 'Ivy', stage: 'building', createdAt: '2024-05-20T09:00:00.000Z' }),
]
const lastTouchByContact = new Map<string, string | null>([
  ['ada', '2024-05-01T10:00:00.000Z'], // 45 days: overdue by 15
  ['bob', '2024-05-16T10:00:00.000Z'], // 30 days: due today
  ['cy', '2024-03-27T10:00:00.000Z'], // 80 days of 60: overdue by 20
  ['dee', '2024-05-20T10:00:00.000Z'], // due Jun 19: in 4 days
  ['eve', '2024-06-10T10:00:00.000Z'], // due Jul 10
  ['fay', '2024-01-01T10:00:00.000Z'],
  ['gus', '2024-01-01T10:00:00.000Z'],
  ['hal', '2024-01-01T10:00:00.000Z'],
  ['ivy', null], // never touched; created May 20, so due Jun 19
])
const given = (id: string, contactId: string, thankBy: string) =>
  makeRequest({ id, contactId, status: 'given', givenAt: '2024-06-10T10:00:00.000Z', thankBy })
const requests = [
  given('r-ada', 'ada', '2024-06-14T23:59:59.999Z'),
  given('r-bob', 'bob', '2024-06-16T23:59:59.999Z'),
  given('r-fay', 'fay', '2024-06-14T23:59:59.999Z'),
  makeRequest({ id: 'r-dee', contactId: 'dee', askedAt: '2024-06-01T10:00:00.000Z' }),
  makeRequest({
    id: 'r-eve',
    contactId: 'eve',
    status: 'agreed',
    dueBy: '2024-06-17',
    askedAt: '2024-06-14T10:00:00.000Z',
  }),
  makeRequest({
    id: 'r-cy',
    contactId: 'cy',
    dueBy: '2024-06-10',
    askedAt: '2024-06-09T10:00:00.000Z',
  }),
  makeRequest({
    id: 'r-ivy',
    contactId: 'ivy',
    dueBy: '2024-07-30',
    askedAt: '2024-06-10T10:00:00.000Z',
  }),
  makeRequest({
    id: 'r-hal',
    contactId: 'hal',
    status: 'agreed',
    askedAt: '2024-05-01T10:00:00.000Z',
  }),
  makeRequest({ id: 'r-gus', contactId: 'gus', askedAt: '2024-01-01T10:00:00.000Z' }),
]

describe('computeToday', () => {
  const today = computeToday({ contacts, lastTouchByContact, requests, now, settings })

  it('lists due and overdue contacts, most overdue relative to the cadence first', () => {
    expect(today.overdue).toEqual([
      {
        contactId: 'ada',
        name: 'Ada',
        stage: 'building',
        state: 'overdue',
        daysSince: 45,
        daysSinceTouch: 45,
        cadenceDays: 30,
        daysOverdue: 15,
        dueOn: '2024-05-31',
      },
      {
        contactId: 'cy',
        name: 'Cy',
        stage: 'in-touch',
        state: 'due',
        daysSince: 80,
        daysSinceTouch: 80,
        cadenceDays: 60,
        daysOverdue: 20,
        dueOn: '2024-05-26',
      },
      {
        contactId: 'bob',
        name: 'Bob',
        stage: 'building',
        state: 'due',
        daysSince: 30,
        daysSinceTouch: 30,
        cadenceDays: 30,
        daysOverdue: 0,
        dueOn: '2024-06-15',
      },
    ])
  })

  it('lists contacts due within 7 days, soonest first, including never-touched ones', () => {
    expect(today.dueSoon).toEqual([
      {
        contactId: 'dee',
        name: 'Dee',
        stage: 'building',
        daysSince: 26,
        daysSinceTouch: 26,
        cadenceDays: 30,
        daysUntilDue: 4,
        dueOn: '2024-06-19',
      },
      {
        contactId: 'ivy',
        name: 'Ivy',
        stage: 'building',
        daysSince: 26,
        daysSinceTouch: null,
        cadenceDays: 30,
        daysUntilDue: 4,
        dueOn: '2024-06-19',
      },
    ])
  })

  it('honours a shorter look-ahead', () => {
    const soon = computeToday({
      contacts,
      lastTouchByContact,
      requests,
      now,
      settings,
      dueSoonDays: 3,
    })
    expect(soon.dueSoon).toEqual([])
  })

  it('lists thanks owed with the contact and the days left', () => {
    expect(today.thanksOwed).toEqual([
      {
        requestId: 'r-ada',
        contactId: 'ada',
        name: 'Ada',
        role: 'Staff Engineer',
        company: 'Globex',
        thankBy: '2024-06-14T23:59:59.999Z',
        overdue: true,
        daysLeft: -1,
      },
      {
        requestId: 'r-bob',
        contactId: 'bob',
        name: 'Bob',
        role: 'Staff Engineer',
        company: 'Globex',
        thankBy: '2024-06-16T23:59:59.999Z',
        overdue: false,
        daysLeft: 1,
      },
    ])
  })

  it('lists requests to follow up: past due, due within 2 days, unanswered for 7 days', () => {
    expect(
      today.requestFollowUps.map((f) => [f.requestId, f.reason, f.daysUntilDue, f.daysSinceAsked]),
    ).toEqual([
      ['r-cy', 'past-due', -5, 6],
      ['r-eve', 'due-soon', 2, 1],
      ['r-dee', 'no-answer', null, 14],
    ])
    expect(today.requestFollowUps[0]).toMatchObject({
      contactId: 'cy',
      name: 'Cy',
      status: 'asked',
      dueBy: '2024-06-10',
    })
  })

  it('leaves out trashed, snoozed and cadence-less contacts everywhere', () => {
    const ids = [
      ...today.overdue.map((i) => i.contactId),
      ...today.dueSoon.map((i) => i.contactId),
      ...today.thanksOwed.map((i) => i.contactId),
      ...today.requestFollowUps.map((i) => i.contactId),
    ]
    expect(ids).not.toContain('fay')
    expect(ids).not.toContain('gus')
    expect(ids).not.toContain('hal')
  })
})

describe('followUpReason', () => {
  const request = (overrides: Parameters<typeof makeRequest>[0]) =>
    makeRequest({ askedAt: '2024-06-14T10:00:00.000Z', ...overrides })
  it('is past-due, due-soon or no-answer, and null otherwise', () => {
    expect(followUpReason(request({ dueBy: '2024-06-14' }), now)).toBe('past-due')
    expect(followUpReason(request({ dueBy: '2024-06-15' }), now)).toBe('due-soon')
    expect(followUpReason(request({ dueBy: '2024-06-18' }), now)).toBeNull()
    expect(followUpReason(request({ askedAt: '2024-06-08T23:00:00.000Z' }), now)).toBe('no-answer')
    expect(followUpReason(request({ askedAt: '2024-06-09T00:00:00.000Z' }), now)).toBeNull()
    expect(
      followUpReason(request({ status: 'agreed', askedAt: '2024-01-01T00:00:00.000Z' }), now),
    ).toBeNull()
    expect(followUpReason(request({ status: 'given', dueBy: '2024-06-01' }), now)).toBeNull()
  })
})
