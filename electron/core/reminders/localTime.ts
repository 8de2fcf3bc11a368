import { addDays, startOfDay } from 'date-fns'

/** A span of local wall-clock time, "HH:mm" to "HH:mm"; may span midnight; start == end is empty. */
export interface LocalSpan {
  start: string
  end: string
}

const MINUTE_MS = 60_000

// At most 1440 valid entries; parsing runs on every tick.
const parsedTimes = new Map<string, number>()

/** Minutes after midnight of an "HH:mm" time. */
export function minutesOfDay(hhmm: string): number {
  const cached = parsedTimes.get(hhmm)
  if (cached !== undefined) return cached
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  if (match === null) throw new RangeError(`Not an HH:mm time: ${hhmm}`)
  const minutes = Number(match[1]) * 60 + Number(match[2])
  parsedTimes.set(hhmm, minutes)
  return minutes
}

function wallMinutes(t: Date): number {
  return t.getHours() * 60 + t.getMinutes()
}

const pad = (n: number) => String(n).padStart(2, '0')

/** The local calendar day of an instant, "yyyy-MM-dd". */
export function localDayKey(t: Date): string {
  // Hand-rolled rather than date-fns format: it runs on every tick of a year-long simulation.
  return `${t.getFullYear()}-${pad(t.getMonth() + 1)}-${pad(t.getDate())}`
}

/**
 * The instant the local wall clock reads `minutes` on the local calendar day of `day`.
 * A time repeated by a fall-back change resolves to its first occurrence; a time skipped by a
 * spring-forward change resolves to the first valid instant after it, the moment of the jump.
 */
export function atLocalTime(day: Date, minutes: number): Date {
  const hours = Math.floor(minutes / 60)
  const mins = minutes % 60
  const candidate = new Date(day.getFullYear(), day.getMonth(), day.getDate(), hours, mins)
  if (candidate.getHours() === hours && candidate.getMinutes() === mins) return candidate
  // Skipped: ECMAScript resolves a skipped wall time forward by the length of the gap
  // (https://tc39.es/ecma262/#sec-utc-t), past the jump. Search back for the jump itself: the
  // first instant whose wall clock on that day reads at least the wanted time.
  const dayKey = localDayKey(candidate)
  const reached = (ms: number) => {
    const t = new Date(ms)
    const key = localDayKey(t)
    return key === dayKey ? wallMinutes(t) >= minutes : key > dayKey
  }
  let lo = candidate.getTime() - 6 * 60 * MINUTE_MS
  let hi = candidate.getTime()
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2)
    if (reached(mid)) hi = mid
    else lo = mid
  }
  return new Date(hi)
}

/** A LocalSpan in minutes after midnight, parsed once per tick rather than once per test. */
export interface MinuteSpan {
  start: number
  end: number
}

/** Parses a LocalSpan's "HH:mm" bounds. */
export function toMinuteSpan(span: LocalSpan): MinuteSpan {
  return { start: minutesOfDay(span.start), end: minutesOfDay(span.end) }
}

/** Whether the local wall clock at t is inside the span (start inclusive, end exclusive). */
export function isInLocalSpan(t: Date, span: MinuteSpan): boolean {
  const { start, end } = span
  if (start === end) return false
  const m = wallMinutes(t)
  return start < end ? m >= start && m < end : m >= start || m < end
}

/** The first instant at or after t that is outside the span. */
export function firstInstantOutside(t: Date, span: MinuteSpan): Date {
  if (!isInLocalSpan(t, span)) return t
  const { start, end } = span
  const endDay = start > end && wallMinutes(t) >= start ? addDays(startOfDay(t), 1) : t
  const candidate = atLocalTime(endDay, end)
  if (candidate.getTime() > t.getTime() && !isInLocalSpan(candidate, span)) return candidate
  // Only when the end lies in an hour a fall-back change repeats: walk minute by minute.
  let probe = new Date(Math.floor(t.getTime() / MINUTE_MS) * MINUTE_MS + MINUTE_MS)
  while (isInLocalSpan(probe, span)) probe = new Date(probe.getTime() + MINUTE_MS)
  return probe
}
