/**
 * Helpers for simulating the reminder engine over months of fake time: a fake clock, a timeline of ticks and deliveries, and checkers that judge the timeline on their own
 * terms (minute by minute on the wall clock) rather than by reusing the engine's arithmetic.
 */
import { addDays, parseISO, startOfDay, startOfWeek } from 'date-fns'
import { createRandom } from '../random'
import { DueIndex } from '../../electron/core/reminders/dueIndex'
import { planDeliveries, requestAlertAt, WAKE_GAP_MS } from '../../electron/core/reminders/policy'
import {
  emptyDeliveryLog,
  type DeliveryLog,
  type DueItem,
  type VouchNotification,
} from '../../electron/core/reminders/types'
import type { LocalSpan } from '../../electron/core/reminders/localTime'

export const MINUTE_MS = 60_000
export const HOUR_MS = 60 * MINUTE_MS
export const DAY_MS = 24 * HOUR_MS

/** A clock the test moves by hand; pass `clock.now` wherever a `() => Date` is expected. */
export class FakeClock {
  private current: number
  constructor(start: Date | number) {
    this.current = typeof start === 'number' ? start : start.getTime()
  }
  readonly now = (): Date => new Date(this.current)
  /** The current instant in epoch ms. */
  get ms(): number {
    return this.current
  }
  set(t: Date | number): void {
    this.current = typeof t === 'number' ? t : t.getTime()
  }
  advance(ms: number): void {
    this.current += ms
  }
}

/** One notification as it was shown. */
export interface DeliveryRecord {
  at: number
  notification: VouchNotification
}

/** Every tick (with how much was due) and every delivery of a simulated run. */
export class Timeline {
  readonly ticks: number[] = []
  /** Items with dueAt <= tick, per tick. */
  readonly dueCounts: number[] = []
  /** Ticks that began a run: the first after a launch or after a gap longer than WAKE_GAP_MS. */
  readonly runStarts: number[] = []
  readonly deliveries: DeliveryRecord[] = []

  /** Records a tick; lastTickAt null means the app was just launched. */
  tick(at: number, lastTickAt: number | null, dueCount: number): void {
    if (lastTickAt === null || at - lastTickAt > WAKE_GAP_MS) this.runStarts.push(at)
    this.ticks.push(at)
    this.dueCounts.push(dueCount)
  }

  deliver(at: number, notifications: readonly VouchNotification[]): void {
    for (const notification of notifications) this.deliveries.push({ at, notification })
  }

  /** Start of the run holding tick t. */
  runStartOf(t: number): number {
    const i = lastIndexAtOrBefore(this.runStarts, t)
    return i < 0 ? Number.NEGATIVE_INFINITY : (this.runStarts[i] ?? Number.NEGATIVE_INFINITY)
  }

  /** How much was due at tick t; null when there was no tick then. */
  dueCountAt(t: number): number | null {
    const i = lastIndexAtOrBefore(this.ticks, t)
    return this.ticks[i] === t ? (this.dueCounts[i] ?? null) : null
  }

  /** Local wall times ("HH:mm") of the digests shown on the local day of `day`. */
  digestTimesOn(day: Date): string[] {
    return this.deliveries
      .filter(
        ({ at, notification }) =>
          notification.kind === 'digest' && dayOf(at) === dayOf(day.getTime()),
      )
      .map(({ at }) => new Date(at).toTimeString().slice(0, 5))
  }

  /** The first tick in [from, until) accepted by `accept`, or null. */
  firstTick(from: number, until: number, accept: (t: number) => boolean): number | null {
    for (let i = lastIndexAtOrBefore(this.ticks, from - 1) + 1; i < this.ticks.length; i++) {
      const t = this.ticks[i] ?? Number.POSITIVE_INFINITY
      if (t >= until) return null
      if (accept(t)) return t
    }
    return null
  }
}

function lastIndexAtOrBefore(sorted: readonly number[], t: number): number {
  let lo = -1
  let hi = sorted.length
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    if ((sorted[mid] ?? Number.POSITIVE_INFINITY) <= t) lo = mid
    else hi = mid
  }
  return lo
}

const pad = (n: number) => String(n).padStart(2, '0')
/** Local calendar day of an instant, for grouping. */
export const dayOf = (t: number) => {
  const d = new Date(t)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}
const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5))
const wallMinutesAt = (t: number) => {
  const d = new Date(t)
  return d.getHours() * 60 + d.getMinutes()
}

/** Whether the wall clock at t is in quiet hours; written apart from the engine's own test. */
export function isQuietAt(t: number, quiet: LocalSpan): boolean {
  const start = toMinutes(quiet.start)
  const end = toMinutes(quiet.end)
  const m = wallMinutesAt(t)
  if (start === end) return false
  if (start < end) return start <= m && m < end
  return m >= start || m < end
}

/** The first minute at or after t outside quiet hours, found by walking the wall clock. */
export function firstNonQuietMinute(t: number, quiet: LocalSpan): number {
  if (!isQuietAt(t, quiet)) return t
  let probe = Math.ceil(t / MINUTE_MS) * MINUTE_MS
  while (isQuietAt(probe, quiet)) probe += MINUTE_MS
  return probe
}

/** Keys delivered more than once by alerts, and keys a digest repeated within one day. */
export function duplicateDeliveries(deliveries: readonly DeliveryRecord[]): string[] {
  const seen = new Set<string>()
  const duplicates: string[] = []
  for (const { at, notification } of deliveries) {
    const scope = notification.kind === 'digest' ? `digest@${dayOf(at)}` : 'alert'
    for (const key of notification.keys) {
      const id = `${scope}:${key}`
      if (seen.has(id)) duplicates.push(id)
      seen.add(id)
    }
  }
  return duplicates
}

/** Local days on which more than one digest was shown. */
export function daysWithSeveralDigests(deliveries: readonly DeliveryRecord[]): string[] {
  const perDay = new Map<string, number>()
  for (const { at, notification } of deliveries) {
    if (notification.kind === 'digest') perDay.set(dayOf(at), (perDay.get(dayOf(at)) ?? 0) + 1)
  }
  return [...perDay].filter(([, n]) => n > 1).map(([day]) => day)
}

/** Local weeks (their Mondays) in which more than one weekly-review notification was shown. */
export function weeksWithSeveralReviews(deliveries: readonly DeliveryRecord[]): string[] {
  const perWeek = new Map<string, number>()
  for (const { at, notification } of deliveries) {
    if (notification.kind !== 'weekly-review') continue
    const week = dayOf(startOfWeek(new Date(at), { weekStartsOn: 1 }).getTime())
    perWeek.set(week, (perWeek.get(week) ?? 0) + 1)
  }
  return [...perWeek].filter(([, n]) => n > 1).map(([week]) => week)
}

/** Deliveries shown in quiet hours, split into late catch-ups and the rest (which must be none). */
export function deliveriesInQuietHours(
  deliveries: readonly DeliveryRecord[],
  quiet: LocalSpan,
): { late: DeliveryRecord[]; onTime: DeliveryRecord[] } {
  const inQuiet = deliveries.filter(({ at }) => isQuietAt(at, quiet))
  return {
    late: inQuiet.filter(({ notification }) => notification.late === true),
    onTime: inQuiet.filter(({ notification }) => notification.late !== true),
  }
}

/** An alert-worthy item over its life in the simulated world. */
export interface TrackedItem {
  key: string
  dueAt: number
  deadline: number | null
  /** When it stopped being due (thanked, withdrawn, past), or null. */
  removedAt: number | null
}

/** How the alerts for tracked items compare with what the timeline says should have happened. */
export interface AlertAudit {
  alerted: number
  late: number
  /** Keys never alerted although a tick outside quiet hours came while they were due. */
  neverAlerted: string[]
  /** Keys alerted at another tick than the first one outside quiet hours while due. */
  wrongTime: string[]
  /** Keys whose late flag disagrees with whether the run began after their first deliverable minute. */
  wrongLateFlag: string[]
  /** Keys whose deadline passed without an alert although a deliverable tick came before it. */
  pastDeadlineUnalerted: string[]
  /** Keys whose whole window to the deadline fell in sleep or quiet hours (alerted late instead). */
  deadlineMissedAsleep: string[]
}

/** Judges the alerts of tracked items against the ticks that happened. */
export function auditAlerts(
  items: readonly TrackedItem[],
  timeline: Timeline,
  quiet: LocalSpan,
  end: number,
): AlertAudit {
  const alertAt = new Map<string, DeliveryRecord>()
  for (const record of timeline.deliveries) {
    if (record.notification.kind === 'digest') continue
    for (const key of record.notification.keys) if (!alertAt.has(key)) alertAt.set(key, record)
  }
  const audit: AlertAudit = {
    alerted: 0,
    late: 0,
    neverAlerted: [],
    wrongTime: [],
    wrongLateFlag: [],
    pastDeadlineUnalerted: [],
    deadlineMissedAsleep: [],
  }
  for (const item of items) {
    const record = alertAt.get(item.key)
    if (record !== undefined) {
      audit.alerted++
      if (record.notification.late === true) audit.late++
    }
    const until = Math.min(item.removedAt ?? end, end)
    const expected = timeline.firstTick(item.dueAt, until + 1, (t) => !isQuietAt(t, quiet))
    if (expected === null) {
      if (record !== undefined) audit.wrongTime.push(item.key)
      continue
    }
    if (record === undefined) {
      audit.neverAlerted.push(item.key)
    } else {
      if (record.at !== expected) audit.wrongTime.push(item.key)
      const eligible = firstNonQuietMinute(item.dueAt, quiet)
      const shouldBeLate = eligible < timeline.runStartOf(record.at)
      if ((record.notification.late === true) !== shouldBeLate) audit.wrongLateFlag.push(item.key)
    }
    if (item.deadline !== null && item.deadline <= end) {
      if (expected > item.deadline) audit.deadlineMissedAsleep.push(item.key)
      else if (record === undefined || record.at > item.deadline)
        audit.pastDeadlineUnalerted.push(item.key)
    }
  }
  return audit
}

/**
 * Days whose digest did not come on time: the app was running when the wall clock first reached
 * the digest time outside quiet hours, something was due, no digest had been shown that day,
 * and no digest was shown at that tick.
 */
export function missedDigests(timeline: Timeline, digestTime: string, quiet: LocalSpan): string[] {
  const digestMinutes = toMinutes(digestTime)
  const digestTicks = new Map<number, DeliveryRecord>()
  const firstDigestOfDay = new Map<string, number>()
  for (const record of timeline.deliveries) {
    if (record.notification.kind !== 'digest') continue
    digestTicks.set(record.at, record)
    if (!firstDigestOfDay.has(dayOf(record.at))) firstDigestOfDay.set(dayOf(record.at), record.at)
  }
  const missed: string[] = []
  const { ticks, dueCounts } = timeline
  for (let i = 1; i < ticks.length; i++) {
    const t = ticks[i] ?? 0
    const previous = ticks[i - 1] ?? 0
    if (t - previous > WAKE_GAP_MS || wallMinutesAt(t) < digestMinutes) continue
    const day = dayOf(t)
    const crossed = wallMinutesAt(previous) < digestMinutes || dayOf(previous) !== day
    if (!crossed || isQuietAt(t, quiet)) continue
    if ((dueCounts[i] ?? 0) === 0) continue
    const earlier = firstDigestOfDay.get(day)
    if (earlier !== undefined && earlier < t) continue
    if (!digestTicks.has(t)) missed.push(day)
  }
  return missed
}

/** A scenario for runPolicySimulation. */
export interface PolicyScenario {
  seed: number
  /** First tick (local midnight of the first day, typically). */
  start: Date
  days: number
  digestTime: string
  quietHours: LocalSpan
  /** Spans with no ticks at all: the computer asleep. */
  sleeps: readonly { from: Date; to: Date }[]
  /** Launches after the app was closed for a while: the first tick has lastTickAt null. */
  restarts: readonly { at: Date; downMinutes: number }[]
  contacts: number
}

/** The outcome of a simulated run: the timeline, the items to audit and a few counters. */
export interface PolicySimulation {
  timeline: Timeline
  thanks: TrackedItem[]
  requests: TrackedItem[]
  /** Digests whose keys differ from what was due when they were shown. */
  digestContentMismatches: number
  /** Ticks that ran planDeliveries. */
  tickCount: number
  end: number
  finalLog: DeliveryLog
}

const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Linus Torvalds', 'Barbara Liskov', 'Alan Kay']

interface WorldEvent {
  at: number
  apply: () => void
}

/**
 * Runs planDeliveries once a minute (except in sleeps and restarts) over `days`, while contacts
 * fall due and get touched, references get given and thanked, and requests come due, all at
 * seeded random minutes. Ticking every minute visits every digest time and quiet-hour boundary.
 */
export function runPolicySimulation(scenario: PolicyScenario): PolicySimulation {
  const random = createRandom(scenario.seed)
  const start = scenario.start.getTime()
  const end = start + scenario.days * DAY_MS
  const randomMinute = (from: number, to: number) =>
    Math.floor(random.between(from, to) / MINUTE_MS) * MINUTE_MS

  const events: WorldEvent[] = []
  const contactIndex = new DueIndex()
  const contactItems = new Map<string, DueItem>()
  const active = new Map<string, DueItem>()
  const activeDueAt = new Map<string, number>()
  const thanks: TrackedItem[] = []
  const requests: TrackedItem[] = []

  const scheduleContact = (id: string, dueAt: number) => {
    contactIndex.upsert(id, dueAt)
    contactItems.set(id, {
      key: `contact:${id}:${dayOf(dueAt)}`,
      kind: 'contact-due',
      contactId: id,
      title: `${random.pick(NAMES)} ${id}`,
      detail: 'Time to get in touch',
      dueAt: new Date(dueAt).toISOString(),
    })
    // Touched some time after falling due; then due again after a cadence.
    const touchAt = randomMinute(dueAt + 6 * HOUR_MS, dueAt + 6 * DAY_MS)
    events.push({
      at: touchAt,
      apply: () => scheduleContact(id, randomMinute(touchAt + 14 * DAY_MS, touchAt + 90 * DAY_MS)),
    })
  }
  for (let i = 0; i < scenario.contacts; i++) {
    scheduleContact(`c${i}`, randomMinute(start, start + 30 * DAY_MS))
  }

  const activate = (item: DueItem, dueAt: number) => {
    active.set(item.key, item)
    activeDueAt.set(item.key, dueAt)
  }
  const track = (item: DueItem, tracked: TrackedItem, removeAt: number) => {
    events.push({ at: tracked.dueAt, apply: () => activate(item, tracked.dueAt) })
    events.push({
      at: removeAt,
      apply: () => {
        active.delete(item.key)
        tracked.removedAt = removeAt
      },
    })
  }
  for (let t = start, n = 0; t < end; n++) {
    // A reference given every ~3 days; the thank-you is owed at once, due within 2 days.
    t = randomMinute(t + HOUR_MS, t + 6 * DAY_MS)
    const deadline = t + 2 * DAY_MS
    const item: DueItem = {
      key: `thanks:r${n}`,
      kind: 'thanks-owed',
      contactId: `c${random.int(scenario.contacts)}`,
      title: random.pick(NAMES),
      detail: `For the reference to Acme ${n} · thank by ${new Date(deadline).toDateString()}`,
      dueAt: new Date(t).toISOString(),
      deadline: new Date(deadline).toISOString(),
    }
    const tracked: TrackedItem = { key: item.key, dueAt: t, deadline, removedAt: null }
    thanks.push(tracked)
    track(item, tracked, randomMinute(t + 2 * HOUR_MS, t + 4 * DAY_MS))
  }
  for (let t = start, n = 0; t < end; n++) {
    // A request every ~6 days, needed by a date 1–20 days later, announced 2 days before.
    t = randomMinute(t + HOUR_MS, t + 12 * DAY_MS)
    const dueBy = dayOf(t + random.between(1, 20) * DAY_MS)
    const alertAt = Math.max(requestAlertAt(dueBy).getTime(), t)
    const deadline = startOfDay(addDays(parseISO(dueBy), 1)).getTime() // the end of the dueBy day
    const item: DueItem = {
      key: `request-due:q${n}`,
      kind: 'request-due',
      contactId: `c${random.int(scenario.contacts)}`,
      title: random.pick(NAMES),
      detail: `Globex ${n} · needed by ${dueBy}`,
      dueAt: new Date(alertAt).toISOString(),
      deadline: new Date(deadline).toISOString(),
    }
    const tracked: TrackedItem = { key: item.key, dueAt: alertAt, deadline, removedAt: null }
    requests.push(tracked)
    events.push({ at: t, apply: () => activate(item, alertAt) })
    events.push({
      at: deadline,
      apply: () => {
        active.delete(item.key)
        tracked.removedAt = deadline
      },
    })
  }

  const downtime = [
    ...scenario.sleeps.map(({ from, to }) => ({
      from: from.getTime(),
      to: to.getTime(),
      restart: false,
    })),
    ...scenario.restarts.map(({ at, downMinutes }) => ({
      from: at.getTime(),
      to: at.getTime() + downMinutes * MINUTE_MS,
      restart: true,
    })),
  ].sort((a, b) => a.from - b.from)

  const timeline = new Timeline()
  const settings = {
    digestTime: scenario.digestTime,
    quietHours: scenario.quietHours,
    notificationsEnabled: true,
  }
  let log = emptyDeliveryLog()
  let lastTick: number | null = null
  let digestContentMismatches = 0
  let tickCount = 0
  const queue = new EventQueue(events)
  let downIndex = 0
  const clock = new FakeClock(start)
  for (; clock.ms < end; clock.advance(MINUTE_MS)) {
    const now = clock.ms
    queue.runUntil(now)
    const down = downtime[downIndex]
    if (down !== undefined && now >= down.from) {
      if (now < down.to) continue
      downIndex++
      if (down.restart) lastTick = null
    }
    const due: DueItem[] = []
    for (const id of contactIndex.dueBefore(now)) {
      const item = contactItems.get(id)
      if (item !== undefined) due.push(item)
    }
    let dueCount = due.length
    for (const item of active.values()) {
      due.push(item)
      if ((activeDueAt.get(item.key) ?? Number.POSITIVE_INFINITY) <= now) dueCount++
    }
    const result = planDeliveries({
      now: clock.now(),
      lastTickAt: lastTick === null ? null : new Date(lastTick).toISOString(),
      settings,
      due,
      log,
    })
    timeline.tick(now, lastTick, dueCount)
    timeline.deliver(now, result.deliveries)
    for (const notification of result.deliveries) {
      if (notification.kind === 'digest' && notification.keys.length !== dueCount) {
        digestContentMismatches++
      }
    }
    log = result.log
    lastTick = now
    tickCount++
  }
  return { timeline, thanks, requests, digestContentMismatches, tickCount, end, finalLog: log }
}

/** Events applied in time order as the clock passes them; events may schedule later events. */
class EventQueue {
  private readonly heap = new DueIndex()
  private readonly byKey = new Map<string, WorldEvent>()
  private nextId = 0
  constructor(private readonly pending: WorldEvent[]) {
    this.absorb()
  }
  runUntil(t: number): void {
    for (;;) {
      const next = this.heap.nextDueAfter(Number.NEGATIVE_INFINITY)
      if (next === null || next > t) return
      for (const key of this.heap.dueBefore(next)) {
        const event = this.byKey.get(key)
        this.heap.remove(key)
        this.byKey.delete(key)
        event?.apply()
      }
      this.absorb()
    }
  }
  private absorb(): void {
    for (const event of this.pending.splice(0)) {
      const key = `e${this.nextId++}`
      this.byKey.set(key, event)
      this.heap.upsert(key, event.at)
    }
  }
}

/** Counts from a simulated run; every field of `problems` must be 0. */
export interface SimulationReport {
  ticks: number
  deliveries: number
  digests: number
  lateDigests: number
  thanksOwed: number
  thanksAlerted: number
  thanksLate: number
  thanksDeadlineInSleep: number
  requestsAlerted: number
  lateInQuietHours: number
  problems: {
    thanksPastDeadlineWithoutAlert: number
    duplicateDeliveries: number
    daysWithSeveralDigests: number
    onTimeDeliveriesInQuietHours: number
    missedDigests: number
    alertsNeverSent: number
    alertsAtWrongTime: number
    wrongLateFlags: number
    digestContentMismatches: number
  }
}

/** Audits a simulated run and counts what went right and wrong. */
export function reportSimulation(
  sim: PolicySimulation,
  scenario: PolicyScenario,
): SimulationReport {
  const { timeline } = sim
  const quiet = scenario.quietHours
  const thanks = auditAlerts(sim.thanks, timeline, quiet, sim.end)
  const requests = auditAlerts(sim.requests, timeline, quiet, sim.end)
  const digests = timeline.deliveries.filter(({ notification }) => notification.kind === 'digest')
  const inQuiet = deliveriesInQuietHours(timeline.deliveries, quiet)
  return {
    ticks: sim.tickCount,
    deliveries: timeline.deliveries.length,
    digests: digests.length,
    lateDigests: digests.filter(({ notification }) => notification.late === true).length,
    thanksOwed: sim.thanks.length,
    thanksAlerted: thanks.alerted,
    thanksLate: thanks.late,
    thanksDeadlineInSleep: thanks.deadlineMissedAsleep.length,
    requestsAlerted: requests.alerted,
    lateInQuietHours: inQuiet.late.length,
    problems: {
      thanksPastDeadlineWithoutAlert: thanks.pastDeadlineUnalerted.length,
      duplicateDeliveries: duplicateDeliveries(timeline.deliveries).length,
      daysWithSeveralDigests: daysWithSeveralDigests(timeline.deliveries).length,
      onTimeDeliveriesInQuietHours: inQuiet.onTime.length,
      missedDigests: missedDigests(timeline, scenario.digestTime, quiet).length,
      alertsNeverSent: thanks.neverAlerted.length + requests.neverAlerted.length,
      alertsAtWrongTime: thanks.wrongTime.length + requests.wrongTime.length,
      wrongLateFlags: thanks.wrongLateFlag.length + requests.wrongLateFlag.length,
      digestContentMismatches: sim.digestContentMismatches,
    },
  }
}

/** One line for the test output. */
export function formatReport(zone: string, report: SimulationReport): string {
  const problems = Object.entries(report.problems)
    .map(([name, n]) => `${name}=${n}`)
    .join(' ')
  return (
    `[${zone}] ticks=${report.ticks} deliveries=${report.deliveries} digests=${report.digests}` +
    ` (late ${report.lateDigests}) thanks owed=${report.thanksOwed} alerted=${report.thanksAlerted}` +
    ` (late ${report.thanksLate}, deadline asleep ${report.thanksDeadlineInSleep})` +
    ` requests alerted=${report.requestsAlerted} late-in-quiet=${report.lateInQuietHours} | ${problems}`
  )
}
