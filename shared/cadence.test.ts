// Local calendar maths must be proven in a zone with daylight saving: set it before any Date use.
process.env.TZ = 'Europe/Paris'

import { format } from 'date-fns'
import { describe, expect, it } from 'vitest'
import {
  describeLastTouch,
  effectiveCadence,
  lastTouchAt,
  nextTouchDue,
  resetsClock,
  touchStatus,
} from './cadence'
import { INTERACTION_KINDS } from './domain'
import { makeContact, makeInteraction, makeSettings } from './testing/builders'

const settings = makeSettings()
const DAY_MS = 24 * 60 * 60 * 1000

describe('time zone of this file', () => {
  it('is Europe/Paris (CET in winter, CEST in summer)', () => {
    expect(new Date('2024-01-15T12:00:00.000Z').getTimezoneOffset()).toBe(-60)
    expect(new Date('2024-07-15T12:00:00.000Z').getTimezoneOffset()).toBe(-120)
  })
})

describe('effectiveCadence', () => {
  it("uses the contact's own cadence first", () => {
    expect(effectiveCadence(makeContact({ stage: 'building', cadenceDays: 10 }), settings)).toBe(10)
  })
  it('falls back to the stage default', () => {
    expect(effectiveCadence(makeContact({ stage: 'building' }), settings)).toBe(30)
    expect(effectiveCadence(makeContact({ stage: 'in-touch' }), settings)).toBe(60)
    expect(effectiveCadence(makeContact({ stage: 'thanked' }), settings)).toBe(90)
  })
  it('is null when the stage has no default and the contact none of its own', () => {
    expect(effectiveCadence(makeContact({ stage: 'identified' }), settings)).toBeNull()
  })
})

describe('resetsClock and lastTouchAt', () => {
  it('every kind but note resets the clock', () => {
    const resetting = INTERACTION_KINDS.filter(resetsClock)
    expect(resetting).toHaveLength(INTERACTION_KINDS.length - 1)
    expect(resetsClock('note')).toBe(false)
    expect(resetsClock('thank-you')).toBe(true)
  })
  it('returns the latest clock-resetting touch and ignores notes', () => {
    const touches = [
      makeInteraction({ kind: 'call', at: '2024-03-01T09:00:00.000Z' }),
      makeInteraction({ kind: 'note', at: '2024-03-05T09:00:00.000Z' }),
      makeInteraction({ kind: 'message', at: '2024-03-02T09:00:00.000Z' }),
    ]
    expect(lastTouchAt(touches)).toBe('2024-03-02T09:00:00.000Z')
  })
  it('compares instants, not strings, when offsets differ', () => {
    const touches = [
      makeInteraction({ kind: 'call', at: '2024-03-01T09:00:00.000Z' }),
      // 08:00 UTC: earlier, although it sorts later as a string.
      makeInteraction({ kind: 'call', at: '2024-03-01T10:00:00+02:00' }),
    ]
    expect(lastTouchAt(touches)).toBe('2024-03-01T09:00:00.000Z')
  })
  it('is null without touches or with notes only', () => {
    expect(lastTouchAt([])).toBeNull()
    expect(lastTouchAt([makeInteraction({ kind: 'note' })])).toBeNull()
  })
})

describe('nextTouchDue', () => {
  it('Jan 31 + 30 days in a leap year is local midnight on Mar 1', () => {
    const due = nextTouchDue(new Date('2024-01-31T10:00:00.000Z'), 30)
    expect(due.toISOString()).toBe('2024-02-29T23:00:00.000Z')
    expect(format(due, 'yyyy-MM-dd HH:mm')).toBe('2024-03-01 00:00')
  })
  it('Jan 31 + 30 days in a common year is Mar 2', () => {
    const due = nextTouchDue(new Date('2023-01-31T10:00:00.000Z'), 30)
    expect(format(due, 'yyyy-MM-dd HH:mm')).toBe('2023-03-02 00:00')
  })
  it('Feb 28 + 1 day in a leap year is Feb 29; Feb 29 + 365 days is Feb 28 next year', () => {
    expect(format(nextTouchDue(new Date('2024-02-28T12:00:00.000Z'), 1), 'yyyy-MM-dd')).toBe(
      '2024-02-29',
    )
    expect(format(nextTouchDue(new Date('2024-02-29T12:00:00.000Z'), 365), 'yyyy-MM-dd')).toBe(
      '2025-02-28',
    )
  })
  it('across the spring DST change (Mar 31 2024) is due at local midnight of the right day', () => {
    // Mar 20 23:30 CET; 14 calendar days later is Apr 3, which starts at 00:00 CEST (22:00 UTC).
    const last = new Date('2024-03-20T22:30:00.000Z')
    const due = nextTouchDue(last, 14)
    expect(due.toISOString()).toBe('2024-04-02T22:00:00.000Z')
    expect(format(due, 'yyyy-MM-dd HH:mm')).toBe('2024-04-03 00:00')
    // Adding 14 × 24 h would land an hour later, on the wrong local day.
    expect(format(new Date(last.getTime() + 14 * DAY_MS), 'yyyy-MM-dd HH:mm')).toBe(
      '2024-04-04 00:30',
    )
  })
  it('across the autumn DST change (Oct 27 2024) is due at local midnight of the right day', () => {
    // Oct 20 00:30 CEST; 14 calendar days later is Nov 3, which starts at 00:00 CET (23:00 UTC).
    const last = new Date('2024-10-19T22:30:00.000Z')
    const due = nextTouchDue(last, 14)
    expect(due.toISOString()).toBe('2024-11-02T23:00:00.000Z')
    expect(format(due, 'yyyy-MM-dd HH:mm')).toBe('2024-11-03 00:00')
    expect(format(new Date(last.getTime() + 14 * DAY_MS), 'yyyy-MM-dd HH:mm')).toBe(
      '2024-11-02 23:30',
    )
  })
})

describe('touchStatus', () => {
  // Building: 30-day cadence. Last touch Mar 1 11:00 CET, so due Mar 31 00:00 CET (DST starts at 02:00).
  const contact = makeContact({ stage: 'building' })
  const last = '2024-03-01T10:00:00.000Z'
  const at = (now: string) =>
    touchStatus({ contact, lastTouchAt: last, now: new Date(now), settings })

  it('is ok the evening before the due day', () => {
    expect(at('2024-03-30T22:59:59.999Z')).toEqual({
      state: 'ok',
      daysSince: 29,
      daysSinceTouch: 29,
      dueOn: '2024-03-31',
      dueAt: '2024-03-30T23:00:00.000Z',
      cadenceDays: 30,
      snoozed: false,
    })
  })
  it('is due from local midnight of the due day', () => {
    expect(at('2024-03-30T23:00:00.000Z')).toMatchObject({ state: 'due', daysSince: 30 })
  })
  it('stays due until 1.5 × cadence, then is overdue (45 days: Apr 15 00:00 CEST)', () => {
    expect(at('2024-04-14T21:59:59.999Z')).toMatchObject({ state: 'due', daysSince: 44 })
    expect(at('2024-04-14T22:00:00.000Z')).toMatchObject({ state: 'overdue', daysSince: 45 })
  })
  it('counts from creation when never touched', () => {
    const fresh = makeContact({ stage: 'building', createdAt: '2024-01-01T09:00:00.000Z' })
    const status = touchStatus({
      contact: fresh,
      lastTouchAt: null,
      now: new Date('2024-02-15T12:00:00.000Z'),
      settings,
    })
    expect(status).toMatchObject({
      state: 'overdue',
      daysSince: 45,
      daysSinceTouch: null,
      dueOn: '2024-01-31',
    })
  })
  it('is none without a cadence', () => {
    const status = touchStatus({
      contact: makeContact({ stage: 'identified' }),
      lastTouchAt: last,
      now: new Date('2024-06-01T12:00:00.000Z'),
      settings,
    })
    expect(status).toMatchObject({ state: 'none', dueOn: null, dueAt: null, cadenceDays: null })
    expect(status.daysSince).toBe(92)
  })
  it('is none for a trashed contact', () => {
    const trashed = makeContact({ stage: 'building', trashedAt: '2024-03-02T10:00:00.000Z' })
    const status = touchStatus({
      contact: trashed,
      lastTouchAt: last,
      now: new Date('2024-06-01T12:00:00.000Z'),
      settings,
    })
    expect(status).toMatchObject({ state: 'none', dueOn: null, dueAt: null })
  })
  it('reports a snoozed contact as ok, due at the end of the snooze', () => {
    const snoozed = makeContact({ stage: 'building', snoozedUntil: '2024-05-01T07:00:00.000Z' })
    const status = touchStatus({
      contact: snoozed,
      lastTouchAt: last,
      now: new Date('2024-04-20T10:00:00.000Z'),
      settings,
    })
    expect(status).toEqual({
      state: 'ok',
      daysSince: 50,
      daysSinceTouch: 50,
      dueOn: '2024-05-01',
      dueAt: '2024-05-01T07:00:00.000Z',
      cadenceDays: 30,
      snoozed: true,
    })
  })
  it('keeps the later cadence due date when the snooze ends first', () => {
    const snoozed = makeContact({ stage: 'building', snoozedUntil: '2024-03-10T07:00:00.000Z' })
    const status = touchStatus({
      contact: snoozed,
      lastTouchAt: last,
      now: new Date('2024-03-05T10:00:00.000Z'),
      settings,
    })
    expect(status).toMatchObject({ state: 'ok', snoozed: true, dueAt: '2024-03-30T23:00:00.000Z' })
  })
  it('ignores a snooze that has ended', () => {
    const woke = makeContact({ stage: 'building', snoozedUntil: '2024-04-01T07:00:00.000Z' })
    const status = touchStatus({
      contact: woke,
      lastTouchAt: last,
      now: new Date('2024-04-20T10:00:00.000Z'),
      settings,
    })
    expect(status).toMatchObject({ state: 'overdue', snoozed: false, dueOn: '2024-03-31' })
  })
})

describe('describeLastTouch', () => {
  it.each([
    [null, 'never touched'],
    [0, 'last touch today'],
    [1, 'last touch yesterday'],
    [12, 'last touch 12 days ago'],
    [-1, 'last touch today'],
  ])('%s → %s', (days, text) => {
    expect(describeLastTouch(days)).toBe(text)
  })
})

describe('local day arithmetic', () => {
  it('agrees with date-fns in this zone, including years before 100', async () => {
    const { addDays, differenceInCalendarDays, format, startOfDay } = await import('date-fns')
    const { calendarDaysBetween, localDateKey, nextTouchDue: due } = await import('./cadence')
    const fixed = new Date('2024-03-31T01:30:00.000Z')
    const instants = [
      '0050-06-01T12:00:00.000Z',
      '1999-12-31T23:59:59.999Z',
      '2024-03-31T00:59:00.000Z',
      '2024-10-27T01:00:00.000Z',
      '2026-11-01T12:00:00.000Z',
    ].map((s) => new Date(s))
    for (
      let t = Date.parse('2024-01-01T00:00:00Z');
      t < Date.parse('2025-01-01T00:00:00Z');
      t += 3_600_000 * 7
    )
      instants.push(new Date(t))
    for (const at of instants) {
      expect(calendarDaysBetween(at, fixed)).toBe(differenceInCalendarDays(at, fixed))
      expect(localDateKey(at)).toBe(format(at, 'yyyy-MM-dd'))
      expect(due(at, 45).getTime()).toBe(startOfDay(addDays(at, 45)).getTime())
    }
  })
})
