process.env.TZ = 'America/New_York'

import { describe, expect, it } from 'vitest'
import {
  atLocalTime,
  firstInstantOutside,
  isInLocalSpan,
  localDayKey,
  minutesOfDay,
  toMinuteSpan,
} from './localTime'

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi)
const quiet = toMinuteSpan({ start: '21:00', end: '08:00' })

describe('localTime', () => {
  it('parses HH:mm and rejects anything else', () => {
    expect(minutesOfDay('09:30')).toBe(570)
    expect(() => minutesOfDay('24:00')).toThrow(RangeError)
    expect(() => minutesOfDay('9:30')).toThrow(RangeError)
  })

  it('resolves a wall time on a normal day, a skipped one and a repeated one', () => {
    expect(atLocalTime(local(2025, 5, 6, 17), 9 * 60)).toEqual(local(2025, 5, 6, 9))
    // 9 March 2025: 02:00 EST jumps to 03:00 EDT, i.e. 07:00Z.
    expect(atLocalTime(local(2025, 3, 9), 2 * 60 + 30).toISOString()).toBe(
      '2025-03-09T07:00:00.000Z',
    )
    // 2 November 2025: 01:30 happens twice; the first is 05:30Z (EDT).
    expect(atLocalTime(local(2025, 11, 2), 90).toISOString()).toBe('2025-11-02T05:30:00.000Z')
    expect(localDayKey(local(2025, 11, 2, 23, 59))).toBe('2025-11-02')
  })

  it('tells quiet hours that span midnight, and none when start equals end', () => {
    expect(isInLocalSpan(local(2025, 5, 6, 21), quiet)).toBe(true)
    expect(isInLocalSpan(local(2025, 5, 6, 7, 59), quiet)).toBe(true)
    expect(isInLocalSpan(local(2025, 5, 6, 8), quiet)).toBe(false)
    expect(isInLocalSpan(local(2025, 5, 6, 20, 59), quiet)).toBe(false)
    expect(
      isInLocalSpan(local(2025, 5, 6, 3), toMinuteSpan({ start: '03:00', end: '03:00' })),
    ).toBe(false)
    expect(
      isInLocalSpan(local(2025, 5, 6, 13), toMinuteSpan({ start: '12:00', end: '14:00' })),
    ).toBe(true)
  })

  it('finds the end of quiet hours, across midnight and DST', () => {
    expect(firstInstantOutside(local(2025, 5, 6, 22), quiet)).toEqual(local(2025, 5, 7, 8))
    expect(firstInstantOutside(local(2025, 5, 7, 3), quiet)).toEqual(local(2025, 5, 7, 8))
    expect(firstInstantOutside(local(2025, 5, 7, 12), quiet)).toEqual(local(2025, 5, 7, 12))
    expect(firstInstantOutside(local(2025, 3, 8, 22), quiet).toISOString()).toBe(
      '2025-03-09T12:00:00.000Z',
    )
    expect(firstInstantOutside(local(2025, 11, 1, 22), quiet).toISOString()).toBe(
      '2025-11-02T13:00:00.000Z',
    )
    // Quiet hours ending in the hour skipped by spring-forward end at the jump.
    const gap = toMinuteSpan({ start: '01:00', end: '02:30' })
    expect(firstInstantOutside(local(2025, 3, 9, 1, 15), gap).toISOString()).toBe(
      '2025-03-09T07:00:00.000Z',
    )
  })
})
