import { describe, expect, it } from 'vitest'
import { dueSentence } from './dueSentence'

const NOW = new Date(2026, 10, 26, 10, 0)
const base = { state: 'ok' as const, cadenceDays: 30, snoozed: false, daysSinceTouch: 25 }

describe('dueSentence', () => {
  it('counts calendar days to the due day', () => {
    expect(dueSentence({ ...base, dueOn: '2026-12-01' }, NOW)).toBe('Due in 5 days · every 30 days')
    expect(dueSentence({ ...base, dueOn: '2026-11-27' }, NOW)).toBe('Due tomorrow · every 30 days')
    expect(dueSentence({ ...base, state: 'due', dueOn: '2026-11-26' }, NOW)).toBe(
      'Due today · every 30 days',
    )
  })

  it('says how late an overdue touch is', () => {
    expect(dueSentence({ ...base, state: 'overdue', dueOn: '2026-11-25' }, NOW)).toBe(
      'Overdue by 1 day · every 30 days',
    )
    expect(
      dueSentence({ ...base, state: 'overdue', dueOn: '2026-11-04', cadenceDays: 7 }, NOW),
    ).toBe('Overdue by 22 days · every week')
  })

  it('names a snooze and the absence of a cadence', () => {
    expect(dueSentence({ ...base, snoozed: true, dueOn: '2026-12-03' }, NOW)).toBe(
      'Snoozed until 3 Dec · every 30 days',
    )
    expect(dueSentence({ ...base, state: 'none', cadenceDays: null, dueOn: null }, NOW)).toBe(
      'No keep-in-touch reminder',
    )
  })
})
