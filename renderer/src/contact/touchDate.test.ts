import { describe, expect, it } from 'vitest'
import { dateInputValue, touchInstant } from './touchDate'

const NOW = new Date(2026, 10, 26, 15, 42)

describe('touch dates', () => {
  it('defaults to today, which the core stamps with the current time', () => {
    expect(dateInputValue(NOW)).toBe('2026-11-26')
    expect(touchInstant('2026-11-26', NOW)).toEqual({ ok: true, at: null })
  })

  it('allows any past day, at noon of that day', () => {
    expect(touchInstant('2026-11-16', NOW)).toEqual({
      ok: true,
      at: new Date(2026, 10, 16, 12, 0).toISOString(),
    })
    expect(touchInstant('1999-01-01', NOW)).toEqual({
      ok: true,
      at: new Date(1999, 0, 1, 12, 0).toISOString(),
    })
  })

  it('refuses the future and an empty or malformed date in plain words', () => {
    expect(touchInstant('2026-11-27', NOW)).toEqual({
      ok: false,
      message: 'A touch cannot be in the future. Pick today or an earlier day.',
    })
    expect(touchInstant('', NOW)).toEqual({ ok: false, message: 'Pick the day of the touch.' })
    expect(touchInstant('2026-13-40', NOW)).toEqual({
      ok: false,
      message: 'Pick the day of the touch.',
    })
  })
})
