// A second zone, with DST changes on other dates than Europe's.
process.env.TZ = 'America/New_York'

import { format } from 'date-fns'
import { describe, expect, it } from 'vitest'
import { nextTouchDue, touchStatus } from './cadence'
import { onRequestStatusChange, thanksOwed } from './requests'
import { makeContact, makeRequest, makeSettings } from './testing/builders'

const DAY_MS = 24 * 60 * 60 * 1000

describe('in America/New_York', () => {
  it('runs in that zone (EST in winter, EDT in summer)', () => {
    expect(new Date('2024-01-15T12:00:00.000Z').getTimezoneOffset()).toBe(300)
    expect(new Date('2024-07-15T12:00:00.000Z').getTimezoneOffset()).toBe(240)
  })

  it('a 30-day cadence across the Mar 10 2024 change is due at 00:00 EDT on Mar 31', () => {
    // Mar 1 23:30 EST.
    const last = new Date('2024-03-02T04:30:00.000Z')
    const due = nextTouchDue(last, 30)
    expect(due.toISOString()).toBe('2024-03-31T04:00:00.000Z')
    expect(format(due, 'yyyy-MM-dd HH:mm')).toBe('2024-03-31 00:00')
    expect(format(new Date(last.getTime() + 30 * DAY_MS), 'yyyy-MM-dd')).toBe('2024-04-01')
  })

  it('a 14-day cadence across the Nov 3 2024 change is due at 00:00 EST on Nov 10', () => {
    // Oct 27 00:30 EDT.
    const last = new Date('2024-10-27T04:30:00.000Z')
    const due = nextTouchDue(last, 14)
    expect(due.toISOString()).toBe('2024-11-10T05:00:00.000Z')
    expect(format(due, 'yyyy-MM-dd HH:mm')).toBe('2024-11-10 00:00')
    expect(format(new Date(last.getTime() + 14 * DAY_MS), 'yyyy-MM-dd')).toBe('2024-11-09')
  })

  it('turns due exactly at local midnight after the spring change', () => {
    const contact = makeContact({ stage: 'building' })
    const settings = makeSettings()
    const at = (now: string) =>
      touchStatus({
        contact,
        lastTouchAt: '2024-03-02T04:30:00.000Z',
        now: new Date(now),
        settings,
      })
    expect(at('2024-03-31T03:59:59.999Z')).toMatchObject({ state: 'ok', daysSince: 29 })
    expect(at('2024-03-31T04:00:00.000Z')).toMatchObject({ state: 'due', daysSince: 30 })
  })

  it('owes a thank-you by the end of the local day 2 days later, across the Nov 3 change', () => {
    const request = makeRequest({ id: 'r1', contactId: 'c1', status: 'agreed' })
    const change = onRequestStatusChange({
      request,
      contact: makeContact({ id: 'c1', stage: 'asked' }),
      status: 'given',
      // Nov 1 15:00 EDT; Nov 3 ends at 23:59:59.999 EST.
      now: new Date('2024-11-01T19:00:00.000Z'),
      settings: makeSettings({ thankWithinDays: 2 }),
    })
    if (!change.ok) throw new Error(change.message)
    expect(change.request.thankBy).toBe('2024-11-04T04:59:59.999Z')
    expect(thanksOwed([change.request], new Date('2024-11-04T04:59:59.999Z'))).toEqual([
      { request: change.request, overdue: false },
    ])
    expect(thanksOwed([change.request], new Date('2024-11-04T05:00:00.000Z'))).toEqual([
      { request: change.request, overdue: true },
    ])
  })
})

describe('local day arithmetic (in America/New_York)', () => {
  it('agrees with date-fns for instants around DST changes and midnights', async () => {
    const { addDays, differenceInCalendarDays, startOfDay } = await import('date-fns')
    const { calendarDaysBetween, localDateKey } = await import('./cadence')
    const base = Date.parse('2023-10-01T00:00:00.000Z')
    // Every 37 minutes for two years, against a fixed day: covers four DST changes.
    const fixed = new Date('2024-03-10T07:30:00.000Z')
    for (let t = base; t < base + 730 * DAY_MS; t += 37 * 60 * 1000) {
      const at = new Date(t)
      expect(calendarDaysBetween(at, fixed)).toBe(differenceInCalendarDays(at, fixed))
      expect(localDateKey(at)).toBe(format(at, 'yyyy-MM-dd'))
      expect(nextTouchDue(at, 30).getTime()).toBe(startOfDay(addDays(at, 30)).getTime())
    }
  })
})
