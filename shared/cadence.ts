import type { Contact, Interaction, InteractionKind, Settings } from './domain'

const DAY_MS = 24 * 60 * 60 * 1000

// Day arithmetic in local time, as date-fns's differenceInCalendarDays, startOfDay(addDays())
// and format(…, 'yyyy-MM-dd') do it, without their option handling: touchStatus runs for every
// person on every day's Today, so these are on the hot path.

/** The local calendar day of an instant as a day count since 1970-01-01. */
export function localDayNumber(date: Date): number {
  const year = date.getFullYear()
  // Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not.
  const utc =
    year >= 0 && year < 100
      ? new Date(0).setUTCFullYear(year, date.getMonth(), date.getDate())
      : Date.UTC(year, date.getMonth(), date.getDate())
  return Math.round(utc / DAY_MS)
}

/** Local calendar days from `earlier` to `later` (differenceInCalendarDays). */
export function calendarDaysBetween(later: Date, earlier: Date): number {
  return localDayNumber(later) - localDayNumber(earlier)
}

/** The local calendar day of an instant, yyyy-MM-dd. */
export function localDateKey(date: Date): string {
  const y = date.getFullYear()
  const m = date.getMonth() + 1
  const d = date.getDate()
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
}

/** The keep-in-touch cadence in days that applies to a contact; null when none does. */
export function effectiveCadence(
  contact: Pick<Contact, 'cadenceDays' | 'stage'>,
  settings: Pick<Settings, 'cadenceByStage'>,
): number | null {
  return contact.cadenceDays ?? settings.cadenceByStage[contact.stage]
}

/** Whether a touch of this kind resets the keep-in-touch clock: every kind but `note` does. */
export function resetsClock(kind: InteractionKind): boolean {
  return kind !== 'note'
}

/** The `at` of the latest clock-resetting touch, as stored; null when there is none. */
export function lastTouchAt(
  interactions: readonly Pick<Interaction, 'kind' | 'at'>[],
): string | null {
  let latest: string | null = null
  let latestTime = -Infinity
  for (const interaction of interactions) {
    if (!resetsClock(interaction.kind)) continue
    // Instants may carry different offsets, so compare times rather than strings.
    const time = Date.parse(interaction.at)
    if (time > latestTime) {
      latestTime = time
      latest = interaction.at
    }
  }
  return latest
}

/**
 * When the next touch is due: the start (local midnight) of the local calendar day that is
 * `cadenceDays` calendar days after the day of `lastTouch`. Calendar days, not 24-hour blocks,
 * so a daylight-saving change never shifts the due day.
 */
export function nextTouchDue(lastTouch: Date, cadenceDays: number): Date {
  const due = new Date(lastTouch.getTime())
  due.setDate(due.getDate() + cadenceDays)
  due.setHours(0, 0, 0, 0)
  return due
}

/** Green before the due day, amber from it, red from 1.5 × cadence, none without a cadence. */
export type TouchState = 'none' | 'ok' | 'due' | 'overdue'

/** Where a contact stands against its keep-in-touch cadence. */
export interface TouchStatus {
  state: TouchState
  /** Local calendar days since the last touch, or since the contact was created if never touched. */
  daysSince: number | null
  /** Local calendar days since the last touch; null when never touched (for describeLastTouch). */
  daysSinceTouch: number | null
  /** The local calendar day the next touch is due, yyyy-MM-dd. */
  dueOn: string | null
  /** The instant the next touch is due (local midnight of dueOn, or the end of a snooze). */
  dueAt: string | null
  cadenceDays: number | null
  /** True while snoozedUntil is in the future; the contact then reports `ok`. */
  snoozed: boolean
}

/** The keep-in-touch status of one contact at `now`. */
export function touchStatus(args: {
  contact: Pick<Contact, 'cadenceDays' | 'stage' | 'createdAt' | 'trashedAt' | 'snoozedUntil'>
  lastTouchAt: string | null
  now: Date
  settings: Pick<Settings, 'cadenceByStage'>
}): TouchStatus {
  const { contact, now, settings } = args
  const cadenceDays = effectiveCadence(contact, settings)
  const touched = args.lastTouchAt === null ? null : new Date(args.lastTouchAt)
  const clockStart = touched ?? new Date(contact.createdAt)
  const today = localDayNumber(now)
  const daysSince = today - localDayNumber(clockStart)
  const daysSinceTouch = touched === null ? null : today - localDayNumber(touched)
  const snoozedUntil = contact.snoozedUntil === null ? null : new Date(contact.snoozedUntil)
  const snoozed = snoozedUntil !== null && snoozedUntil.getTime() > now.getTime()

  if (cadenceDays === null || contact.trashedAt !== null) {
    return {
      state: 'none',
      daysSince,
      daysSinceTouch,
      dueOn: null,
      dueAt: null,
      cadenceDays,
      snoozed,
    }
  }

  let due = nextTouchDue(clockStart, cadenceDays)
  if (snoozed && snoozedUntil.getTime() > due.getTime()) due = snoozedUntil
  const base = { daysSince, daysSinceTouch, cadenceDays, snoozed }
  const dueFields = { dueOn: localDateKey(due), dueAt: due.toISOString() }

  if (snoozed) return { state: 'ok', ...base, ...dueFields }
  const state: TouchState =
    daysSince >= 1.5 * cadenceDays ? 'overdue' : daysSince >= cadenceDays ? 'due' : 'ok'
  return { state, ...base, ...dueFields }
}

/** "last touch today", "… yesterday", "… N days ago", or "never touched". */
export function describeLastTouch(daysSince: number | null): string {
  if (daysSince === null) return 'never touched'
  // A touch logged in the future (clock skew, a typo) reads as today rather than a negative count.
  if (daysSince <= 0) return 'last touch today'
  if (daysSince === 1) return 'last touch yesterday'
  return `last touch ${daysSince} days ago`
}
