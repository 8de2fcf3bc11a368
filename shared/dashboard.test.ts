// Weeks are local calendar weeks: prove them in a zone with daylight saving, before any Date use.
process.env.TZ = 'Europe/Paris'

import { describe, expect, it } from 'vitest'
import {
  WeekCalendar,
  WeeklyTally,
  contactEvents,
  median,
  overdueSpans,
  referenceTotals,
  stageTimeline,
  weeklyReviewDue,
  weeklySeries,
  type WeekPoint,
} from './dashboard'
import type { Contact, Interaction } from './domain'
import { makeContact, makeInteraction, makeRequest, makeSettings } from '@testing/builders'

const settings = makeSettings()
const NOW = new Date('2026-04-08T10:00:00.000Z') // Wednesday, CEST

function series(
  contacts: Contact[],
  touches: Interaction[] = [],
  from = '2026-03-16T00:00:00.000Z',
  now = NOW,
): WeekPoint[] {
  return weeklySeries({ contacts, touches, settings, from: new Date(from), to: now, now })
}

const week = (points: WeekPoint[], start: string) => {
  const point = points.find((p) => p.start === start)
  if (!point) throw new Error(`no week ${start} in ${points.map((p) => p.start).join(', ')}`)
  return point
}

describe('weeks', () => {
  it('run Monday to Sunday on the local calendar, across both daylight-saving changes', () => {
    const calendar = new WeekCalendar()
    const start = (iso: string) =>
      new Date(calendar.weekOf(Date.parse(iso))).toLocaleDateString('sv')
    // Sunday 29 March 23:30 CEST, the day clocks went forward, and Monday 00:30 CEST.
    expect(start('2026-03-29T21:30:00.000Z')).toBe('2026-03-23')
    expect(start('2026-03-29T22:30:00.000Z')).toBe('2026-03-30')
    // Sunday 25 October 23:30 CET, the day clocks went back, and Monday 00:10 CET.
    expect(start('2026-10-25T22:30:00.000Z')).toBe('2026-10-19')
    expect(start('2026-10-25T23:10:00.000Z')).toBe('2026-10-26')
    // The week holding the spring change is 167 hours long, the autumn one 169.
    const spring = calendar.weekOf(Date.parse('2026-03-25T12:00:00.000Z'))
    expect((calendar.next(spring) - spring) / 3_600_000).toBe(167)
    const autumn = calendar.weekOf(Date.parse('2026-10-21T12:00:00.000Z'))
    expect((calendar.next(autumn) - autumn) / 3_600_000).toBe(169)
  })

  it('counts touches in the local week they fall in, either side of the DST change', () => {
    const ada = makeContact({ createdAt: '2026-03-01T09:00:00.000Z' })
    const points = series(
      [ada],
      [
        makeInteraction({ contactId: ada.id, kind: 'call', at: '2026-03-29T21:30:00.000Z' }),
        makeInteraction({ contactId: ada.id, kind: 'message', at: '2026-03-29T22:30:00.000Z' }),
      ],
    )
    expect(week(points, '2026-03-23').touches.call).toBe(1)
    expect(week(points, '2026-03-23').touches.message).toBe(0)
    expect(week(points, '2026-03-30').touches.message).toBe(1)
  })

  it('lists every week of the range, empty ones with zero flows and levels carried over', () => {
    const ada = makeContact({
      stage: 'building',
      createdAt: '2026-01-05T09:00:00.000Z',
      stageHistory: [{ stage: 'building', at: '2026-01-05T09:00:00.000Z' }],
    })
    const points = series([ada], [], '2025-04-08T10:00:00.000Z')
    expect(points).toHaveLength(53)
    expect(points[0]?.start).toBe('2025-04-07')
    expect(points.at(-1)?.start).toBe('2026-04-06')
    expect(week(points, '2025-12-29').stages.building).toBe(0)
    expect(week(points, '2026-01-05')).toMatchObject({ added: 1, moves: 0 })
    for (const p of points.filter((p) => p.start >= '2026-01-05')) {
      expect(p.stages.building).toBe(1)
      expect(Object.values(p.touches).every((n) => n === 0)).toBe(true)
    }
  })
})

describe('people per stage', () => {
  it('follows moves back and forth, within a week and across weeks', () => {
    const ada = makeContact({
      stage: 'building',
      createdAt: '2026-03-16T09:00:00.000Z',
      updatedAt: '2026-03-31T09:00:00.000Z',
      stageHistory: [
        { stage: 'identified', at: '2026-03-16T09:00:00.000Z' },
        { stage: 'building', at: '2026-03-17T09:00:00.000Z' },
        { stage: 'identified', at: '2026-03-18T09:00:00.000Z' },
        { stage: 'building', at: '2026-03-24T09:00:00.000Z' },
        { stage: 'asked', at: '2026-03-25T09:00:00.000Z' },
        { stage: 'building', at: '2026-03-31T09:00:00.000Z' },
      ],
    })
    const points = series([ada])
    expect(week(points, '2026-03-16')).toMatchObject({ added: 1, moves: 2 })
    expect(week(points, '2026-03-16').stages).toMatchObject({ identified: 1, building: 0 })
    expect(week(points, '2026-03-23').stages).toMatchObject({ identified: 0, asked: 1 })
    expect(week(points, '2026-03-23').moves).toBe(2)
    expect(week(points, '2026-03-30').stages).toMatchObject({ asked: 0, building: 1 })
    // One person is in exactly one stage in every week after they were added.
    for (const p of points) expect(Object.values(p.stages).reduce((a, b) => a + b, 0)).toBe(1)
  })

  it('leaves out people in the trash or not kept on the board, in every week', () => {
    const kept = makeContact({ createdAt: '2026-03-02T09:00:00.000Z' })
    const trashed = makeContact({
      createdAt: '2026-03-02T09:00:00.000Z',
      trashedAt: '2026-04-01T09:00:00.000Z',
    })
    const inbox = makeContact({ createdAt: '2026-03-02T09:00:00.000Z', triage: 'inbox' })
    const archived = makeContact({ createdAt: '2026-03-02T09:00:00.000Z', triage: 'archived' })
    const touches = [trashed, inbox, archived].map((c) =>
      makeInteraction({ contactId: c.id, at: '2026-03-18T09:00:00.000Z' }),
    )
    const points = series([kept, trashed, inbox, archived], touches)
    for (const p of points) {
      expect(p.stages.building).toBe(1)
      expect(p.touches.message).toBe(0)
    }
  })

  it('derives a timeline from partial history: none, a capped start, or no current stage at the end', () => {
    const base = {
      createdAt: '2026-01-01T09:00:00.000Z',
      updatedAt: '2026-02-01T09:00:00.000Z',
    }
    expect(stageTimeline({ ...base, stage: 'asked', stageHistory: [] })).toEqual([
      { at: Date.parse(base.createdAt), stage: 'asked' },
    ])
    expect(
      stageTimeline({
        ...base,
        stage: 'thanked',
        stageHistory: [{ stage: 'gave-reference', at: '2026-01-20T09:00:00.000Z' }],
      }),
    ).toEqual([
      { at: Date.parse(base.createdAt), stage: 'gave-reference' },
      { at: Date.parse(base.updatedAt), stage: 'thanked' },
    ])
  })
})

describe('overdue people', () => {
  it('are overdue from 1.5 × cadence after the last touch until the next touch', () => {
    // Building: 30-day cadence, so overdue 45 local days after the clock started.
    const ada = makeContact({ stage: 'building', createdAt: '2026-01-10T09:00:00.000Z' })
    const timeline = stageTimeline(ada)
    const touch = makeInteraction({ contactId: ada.id, at: '2026-03-10T09:00:00.000Z' })
    const spans = overdueSpans(ada, timeline, [touch], settings)
    expect(spans).toEqual([
      [new Date(2026, 1, 24).getTime(), Date.parse('2026-03-10T09:00:00.000Z')],
      [new Date(2026, 3, 24).getTime(), Infinity],
    ])
    const points = series([ada], [touch], '2026-02-16T00:00:00.000Z')
    expect(week(points, '2026-02-16').overdue).toBe(0)
    expect(week(points, '2026-02-23').overdue).toBe(1)
    expect(week(points, '2026-03-09').overdue).toBe(0)
  })

  it('count the current week up to now, not what falls overdue later in it', () => {
    const ada = makeContact({ stage: 'building', createdAt: '2026-02-25T09:00:00.000Z' })
    // Overdue from local midnight of Saturday 11 April; now is Wednesday 8 April.
    expect(week(series([ada]), '2026-04-06').overdue).toBe(0)
    const saturday = new Date('2026-04-11T12:00:00.000Z')
    expect(
      week(series([ada], [], '2026-03-16T00:00:00.000Z', saturday), '2026-04-06').overdue,
    ).toBe(1)
  })

  it('never counts notes as touches, nor people without a cadence', () => {
    const ada = makeContact({ stage: 'identified', createdAt: '2025-06-01T09:00:00.000Z' })
    const grace = makeContact({ stage: 'in-touch', createdAt: '2025-06-01T09:00:00.000Z' })
    const note = makeInteraction({
      contactId: grace.id,
      kind: 'note',
      at: '2026-04-07T09:00:00.000Z',
    })
    const now = week(series([ada, grace], [note]), '2026-04-06')
    expect(now.overdue).toBe(1)
    expect(now.touches.note).toBe(1)
  })
})

describe('thank-you timeliness', () => {
  const counts = () => true
  const year = {
    from: Date.parse('2026-01-01T00:00:00+01:00'),
    to: Date.parse('2027-01-01T00:00:00+01:00'),
  }

  it('shares thanked by the deadline, counts the late and unthanked past it, and the median days', () => {
    const given = (givenAt: string, thankedAt: string | null, thankBy: string | null = null) =>
      makeRequest({
        status: 'given',
        askedAt: '2026-02-01T09:00:00.000Z',
        givenAt,
        thankedAt,
        thankBy,
      })
    const totals = referenceTotals({
      requests: [
        given('2026-03-02T09:00:00.000Z', '2026-03-02T18:00:00.000Z'), // same day: on time, 0 days
        given('2026-03-02T09:00:00.000Z', '2026-03-04T20:00:00.000Z'), // 2 days, by end of day 2: on time
        given('2026-03-02T09:00:00.000Z', '2026-03-09T09:00:00.000Z'), // 7 days: late
        given('2026-03-02T09:00:00.000Z', null), // never thanked, past the deadline: late
        given('2026-04-07T09:00:00.000Z', null), // deadline ahead: pending
        given('2026-03-02T09:00:00.000Z', '2026-03-06T09:00:00.000Z', '2026-03-10T09:00:00.000Z'), // own deadline
        given('2025-12-01T09:00:00.000Z', '2026-01-02T09:00:00.000Z'), // given last year
        makeRequest({ askedAt: '2026-03-01T09:00:00.000Z' }),
      ],
      counts,
      ...year,
      now: NOW,
      settings: { thankWithinDays: 2 },
    })
    expect(totals).toMatchObject({ asked: 8, given: 6, thanked: 5 })
    expect(totals.timeliness).toEqual({
      counted: 5,
      onTime: 3,
      late: 2,
      pending: 1,
      shareOnTime: 0.6,
      medianDays: 3,
    })
  })

  it('has no share or median before anything counts', () => {
    const totals = referenceTotals({ requests: [], counts, ...year, now: NOW, settings })
    expect(totals.timeliness).toMatchObject({ counted: 0, shareOnTime: null, medianDays: null })
    expect(median([4, 1, 3])).toBe(3)
  })
})

describe('WeeklyTally', () => {
  it('replaces one owner’s events alone, also several in the same week', () => {
    const tally = new WeeklyTally()
    const monday = new Date(2026, 2, 30).getTime()
    const ada = makeContact({
      createdAt: '2026-03-30T08:00:00.000Z',
      stage: 'asked',
      stageHistory: [
        { stage: 'building', at: '2026-03-30T08:00:00.000Z' },
        { stage: 'in-touch', at: '2026-03-31T08:00:00.000Z' },
        { stage: 'asked', at: '2026-04-01T08:00:00.000Z' },
      ],
    })
    const grace = makeContact({ createdAt: '2026-03-30T08:00:00.000Z' })
    tally.set(grace.id, contactEvents(grace, [], settings))
    const alone = tally.series(monday, monday, NOW.getTime())[0]?.row
    tally.set(ada.id, contactEvents(ada, [], settings))
    tally.set(ada.id, contactEvents({ ...ada, stage: 'building', stageHistory: [] }, [], settings))
    tally.remove(ada.id)
    expect(tally.series(monday, monday, NOW.getTime())[0]?.row).toEqual(alone)
  })
})

describe('weeklyReviewDue', () => {
  const review = { enabled: true, day: 5, time: '16:00', lastDoneAt: null }
  it('waits for the day and time of this week, and for a review not done since Monday', () => {
    expect(weeklyReviewDue(new Date(2026, 3, 10, 15, 59), review)).toBe(false)
    expect(weeklyReviewDue(new Date(2026, 3, 10, 16, 0), review)).toBe(true)
    expect(weeklyReviewDue(new Date(2026, 3, 12, 20, 0), review)).toBe(true)
    const doneMonday = { ...review, lastDoneAt: new Date(2026, 3, 6, 9).toISOString() }
    expect(weeklyReviewDue(new Date(2026, 3, 10, 17), doneMonday)).toBe(false)
    const doneLastWeek = { ...review, lastDoneAt: new Date(2026, 3, 3, 17).toISOString() }
    expect(weeklyReviewDue(new Date(2026, 3, 10, 17), doneLastWeek)).toBe(true)
    expect(weeklyReviewDue(new Date(2026, 3, 10, 17), { ...review, enabled: false })).toBe(false)
    // Sunday is the last day of the week that began on Monday.
    expect(weeklyReviewDue(new Date(2026, 3, 11, 23), { ...review, day: 0, time: '10:00' })).toBe(
      false,
    )
    expect(weeklyReviewDue(new Date(2026, 3, 12, 10), { ...review, day: 0, time: '10:00' })).toBe(
      true,
    )
  })
})
