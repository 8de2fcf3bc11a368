import { format, isValid, parse, startOfDay } from 'date-fns'

/** The value of a date input for `now`'s local calendar day (yyyy-MM-dd): the default and the max. */
export function dateInputValue(now: Date): string {
  return format(now, 'yyyy-MM-dd')
}

/**
 * The instant to store for a touch dated `day` (a date input's yyyy-MM-dd) at `now`: null for
 * today (the core stamps it with its clock, so today's touches keep their true order); noon of
 * an earlier day, clear of midnight in every nearby time zone. A later day is refused.
 */
export function touchInstant(
  day: string,
  now: Date,
): { ok: true; at: string | null } | { ok: false; message: string } {
  const date = parse(day, 'yyyy-MM-dd', now)
  if (day === '' || !isValid(date)) return { ok: false, message: 'Pick the day of the touch.' }
  const today = startOfDay(now)
  if (date.getTime() > today.getTime()) {
    return { ok: false, message: 'A touch cannot be in the future. Pick today or an earlier day.' }
  }
  if (date.getTime() === today.getTime()) return { ok: true, at: null }
  date.setHours(12, 0, 0, 0)
  return { ok: true, at: date.toISOString() }
}
