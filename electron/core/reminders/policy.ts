import { addDays, addWeeks, parseISO, startOfDay, startOfWeek } from 'date-fns'
import type { Settings } from '@shared/domain'
import {
  alertNotification,
  digestNotification,
  groupedAlertNotification,
  weeklyReviewNotification,
} from './digest'
import {
  atLocalTime,
  firstInstantOutside,
  isInLocalSpan,
  localDayKey,
  minutesOfDay,
  toMinuteSpan,
  type MinuteSpan,
} from './localTime'
import type { DeliveryLog, DueItem, VouchNotification } from './types'

/** A gap between ticks longer than this means the computer slept or the app was not running. */
export const WAKE_GAP_MS = 2 * 60_000
/** Delivered keys are forgotten this long after delivery, once their item is no longer due. */
export const DELIVERED_RETENTION_DAYS = 60
/** A request is announced this many calendar days before its due date. */
export const REQUEST_NOTICE_DAYS = 2
/** More alerts of one kind than this in one tick are grouped into a single notification. */
export const MAX_SEPARATE_ALERTS = 3

const DAY_MS = 86_400_000

/** Input of planDeliveries: everything it needs, nothing it has to look up. */
export interface PlanInput {
  now: Date
  /** ISO instant of the previous tick, or null on the first tick after a launch. */
  lastTickAt: string | null
  settings: Pick<Settings, 'digestTime' | 'quietHours' | 'notificationsEnabled'> &
    Partial<Pick<Settings, 'weeklyReview'>>
  /** Everything due; items whose dueAt is still in the future are ignored. */
  due: readonly DueItem[]
  log: DeliveryLog
}

/** What to show now, and the log to persist for the next tick. */
export interface PlanResult {
  deliveries: VouchNotification[]
  log: DeliveryLog
}

/** When a request whose reference is needed by `dueBy` ("yyyy-MM-dd") is announced: local midnight two days before. */
export function requestAlertAt(dueBy: string): Date {
  // parseISO reads a date without a time as local midnight, which is the calendar day we mean.
  return startOfDay(addDays(parseISO(dueBy), -REQUEST_NOTICE_DAYS))
}

/**
 * Decides what to deliver on one tick. Pure: the same input gives the same output.
 *
 * - Alerts: a thank-you owed or a request coming due is announced once, as soon as it is due
 *   and outside quiet hours; inside quiet hours it waits for them to end.
 * - Digest: once per local calendar day, at the digest time on the local calendar (DST-safe; a time
 *   skipped by a spring-forward change fires at the jump). It summarises everything due at that
 *   moment, so a contact still due tomorrow is listed again tomorrow; it is skipped when nothing is due.
 *   A digest time inside quiet hours waits until they end: quiet hours are never broken on schedule.
 * - Quiet hours: nothing is delivered in them, late catch-ups included; those go out when quiet
 *   hours end and keep `late: true`.
 * - Late: an item is late when its first deliverable instant came before the current run of regular
 *   ticks began (sleep, the app closed, or an entry backdated before it). Several missed digests
 *   collapse into one; a late digest counts as that day's digest, so at most one is shown per day.
 * - Weekly review: one notification a week, on the weekday and at the local time set, under the
 *   same quiet-hours and catch-up rules as the digest (a missed one is shown late once, until the
 *   next week's slot replaces it, and never from before the first week planned); not shown when the
 *   review was already done since that week began.
 * - Notifications off: nothing is shown, but what falls due meanwhile is marked delivered and the
 *   digest day advances, so turning them on again does not bring a flood.
 */
export function planDeliveries(input: PlanInput): PlanResult {
  const { now, settings, log: previous } = input
  const nowMs = now.getTime()
  const lastTickMs = input.lastTickAt === null ? null : Date.parse(input.lastTickAt)
  const woke = lastTickMs === null || Math.abs(nowMs - lastTickMs) > WAKE_GAP_MS
  const log: DeliveryLog =
    woke || previous.awakeSince === null ? { ...previous, awakeSince: now.toISOString() } : previous
  const quiet = toMinuteSpan(settings.quietHours)
  const enabled = settings.notificationsEnabled
  if (enabled && isInLocalSpan(now, quiet)) return { deliveries: [], log }

  // This loop runs every minute over everything due, so it avoids work for the common case:
  // contacts are announced by the digest alone, and most alerts were delivered long ago.
  let pending: { item: DueItem; eligibleAt: number }[] | null = null
  for (const item of input.due) {
    if (item.kind === 'contact-due' || previous.delivered[item.key] !== undefined) continue
    const dueAt = Date.parse(item.dueAt)
    if (!(dueAt <= nowMs)) continue
    const eligibleAt = firstInstantOutside(new Date(dueAt), quiet).getTime()
    if (eligibleAt <= nowMs) (pending ??= []).push({ item, eligibleAt })
  }
  const slot = latestDigestSlot(now, settings.digestTime, quiet)
  const digestDue =
    slot !== null && (previous.lastDigestDay === null || slot.day > previous.lastDigestDay)
  // Callers that plan reminders only (tests, simulations) may leave the weekly review out.
  const weekly = settings.weeklyReview
  const review = weekly?.enabled ? latestReviewSlot(now, weekly, quiet) : null
  const reviewDue =
    review !== null && (previous.lastReviewWeek === null || review.week > previous.lastReviewWeek)
  if (pending === null && !digestDue && !reviewDue) return { deliveries: [], log }

  const nowIso = now.toISOString()
  const awakeSinceMs = Date.parse(log.awakeSince ?? nowIso)
  const next: DeliveryLog = { ...log }
  const deliveries: VouchNotification[] = []
  if (pending !== null) {
    next.delivered = copyRecord(previous.delivered)
    for (const { item } of pending) next.delivered[item.key] = nowIso
    if (enabled) deliveries.push(...alertsFor(pending, awakeSinceMs))
  }
  if (slot !== null && digestDue) {
    next.lastDigestDay = slot.day
    const shownToday =
      previous.lastDigestAt !== null &&
      localDayKey(new Date(previous.lastDigestAt)) === localDayKey(now)
    const dueNow = input.due.filter((item) => Date.parse(item.dueAt) <= nowMs)
    if (enabled && dueNow.length > 0 && !shownToday) {
      deliveries.push(digestNotification(dueNow, slot.eligibleAt < awakeSinceMs))
      next.lastDigestAt = nowIso
    }
    // Once a day is enough to forget old keys; the due list tells which are still needed.
    next.delivered = pruneDelivered(next.delivered, input.due, nowMs)
  }
  if (review !== null && reviewDue) {
    next.lastReviewWeek = review.week
    const lastDone = weekly?.lastDoneAt ?? null
    const doneThisWeek = lastDone !== null && Date.parse(lastDone) >= review.weekStart
    // The first week Vouch plans reviews in does not bring last week's as a catch-up.
    const firstEver =
      previous.lastReviewWeek === null &&
      review.weekStart < startOfWeek(now, { weekStartsOn: 1 }).getTime()
    if (enabled && !doneThisWeek && !firstEver)
      deliveries.push(weeklyReviewNotification(review.eligibleAt < awakeSinceMs))
  }
  return { deliveries, log: next }
}

/** Alerts for items just become deliverable: thank-yous first, late ones after on-time ones. */
function alertsFor(
  pending: readonly { item: DueItem; eligibleAt: number }[],
  awakeSinceMs: number,
): VouchNotification[] {
  const alerts: VouchNotification[] = []
  for (const kind of ['thanks-owed', 'request-due'] as const) {
    for (const late of [false, true]) {
      const items = pending
        .filter(({ item, eligibleAt }) => item.kind === kind && eligibleAt < awakeSinceMs === late)
        .map(({ item }) => item)
      if (items.length > MAX_SEPARATE_ALERTS) {
        alerts.push(groupedAlertNotification(kind, items, late))
      } else {
        for (const item of items) alerts.push(alertNotification({ ...item, kind }, late))
      }
    }
  }
  return alerts
}

/** The digest slot of one local day: its day key and when it may first be shown. */
interface DigestSlot {
  day: string
  eligibleAt: number
}

// Slots depend only on the local day, the digest time and quiet hours; remembering the last few
// spares every tick the calendar arithmetic. The key holds local midnight in epoch ms, so a change
// of time zone gives a new key.
const slotCache = new Map<string, DigestSlot>()

function digestSlot(day: Date, digestMinutes: number, quiet: MinuteSpan): DigestSlot {
  const cacheKey = `${day.getTime()}|${digestMinutes}|${quiet.start}|${quiet.end}`
  const cached = slotCache.get(cacheKey)
  if (cached !== undefined) return cached
  const slot = {
    day: localDayKey(day),
    eligibleAt: firstInstantOutside(atLocalTime(day, digestMinutes), quiet).getTime(),
  }
  if (slotCache.size >= 16) slotCache.clear()
  slotCache.set(cacheKey, slot)
  return slot
}

/** The most recent digest slot already deliverable at `now` (now being outside quiet hours). */
function latestDigestSlot(now: Date, digestTime: string, quiet: MinuteSpan): DigestSlot | null {
  const minutes = minutesOfDay(digestTime)
  const today = startOfDay(now)
  const todaySlot = digestSlot(today, minutes, quiet)
  if (todaySlot.eligibleAt <= now.getTime()) return todaySlot
  const yesterdaySlot = digestSlot(addDays(today, -1), minutes, quiet)
  return yesterdaySlot.eligibleAt <= now.getTime() ? yesterdaySlot : null
}

/** The weekly review's slot in one local week: the week's Monday and when it may first be shown. */
interface ReviewSlot {
  week: string
  weekStart: number
  eligibleAt: number
}

const reviewCache = new Map<string, ReviewSlot>()

function reviewSlot(
  weekStart: Date,
  review: Pick<Settings['weeklyReview'], 'day' | 'time'>,
  quiet: MinuteSpan,
): ReviewSlot {
  const cacheKey = `${weekStart.getTime()}|${review.day}|${review.time}|${quiet.start}|${quiet.end}`
  const cached = reviewCache.get(cacheKey)
  if (cached !== undefined) return cached
  // Weeks start on Monday; day 0 is Sunday, the week's last day.
  const day = addDays(weekStart, (review.day + 6) % 7)
  const slot = {
    week: localDayKey(weekStart),
    weekStart: weekStart.getTime(),
    eligibleAt: firstInstantOutside(atLocalTime(day, minutesOfDay(review.time)), quiet).getTime(),
  }
  if (reviewCache.size >= 16) reviewCache.clear()
  reviewCache.set(cacheKey, slot)
  return slot
}

/** The most recent weekly-review slot already deliverable at `now`: this week's, else last week's. */
function latestReviewSlot(
  now: Date,
  review: Pick<Settings['weeklyReview'], 'day' | 'time'>,
  quiet: MinuteSpan,
): ReviewSlot | null {
  const thisWeek = startOfWeek(now, { weekStartsOn: 1 })
  const current = reviewSlot(thisWeek, review, quiet)
  if (current.eligibleAt <= now.getTime()) return current
  const previous = reviewSlot(addWeeks(thisWeek, -1), review, quiet)
  return previous.eligibleAt <= now.getTime() ? previous : null
}

function copyRecord(record: Record<string, string>): Record<string, string> {
  return Object.assign(Object.create(null) as Record<string, string>, record) // null prototype, see emptyDeliveryLog
}

function pruneDelivered(
  delivered: Record<string, string>,
  due: readonly DueItem[],
  nowMs: number,
): Record<string, string> {
  const cutoff = nowMs - DELIVERED_RETENTION_DAYS * DAY_MS
  const stale = Object.keys(delivered).filter((key) => Date.parse(delivered[key] ?? '') < cutoff)
  if (stale.length === 0) return delivered
  // A key still due must stay, or its alert would be delivered a second time.
  const stillDue = new Set(due.map((item) => item.key))
  const kept = copyRecord(delivered)
  for (const key of stale) if (!stillDue.has(key)) delete kept[key]
  return kept
}
