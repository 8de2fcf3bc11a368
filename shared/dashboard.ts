import { differenceInCalendarDays, format } from 'date-fns'
import { resetsClock } from './cadence'
import {
  INTERACTION_KINDS,
  type Contact,
  type Interaction,
  type InteractionKind,
  type ReferenceRequest,
  type Settings,
} from './domain'
import { thankByFor } from './requests'
import { STAGE_IDS, type StageId } from './stages'

// The dashboard's week-by-week series. Each person on the board contributes events, each an
// instant, a slot and a delta: +1 to a stage when they enter it and −1 when they leave it, +1 to
// "overdue" when they fall overdue and −1 when a touch clears it, +1 per touch of a kind. Events
// are summed per local calendar week (Monday start); stage and overdue slots are levels (summed
// over all earlier weeks), the others are flows (counted in their own week). The core keeps the
// events of each person, so a change re-derives one person instead of everyone.

/** Index of the first touch-kind slot; stage slots come first, in board order. */
const TOUCH_SLOT = STAGE_IDS.length
/** People overdue for a touch (touch older than 1.5 × their cadence): a level. */
export const OVERDUE_SLOT = TOUCH_SLOT + INTERACTION_KINDS.length
/** People added to the board: a flow. */
export const ADDED_SLOT = OVERDUE_SLOT + 1
/** Moves between stages: a flow. */
export const MOVES_SLOT = ADDED_SLOT + 1
export const SLOT_COUNT = MOVES_SLOT + 1

const stageSlot = (stage: StageId) => STAGE_IDS.indexOf(stage)
const touchSlot = (kind: InteractionKind) => TOUCH_SLOT + INTERACTION_KINDS.indexOf(kind)

/** Whether a slot's weekly value is the running total (stages, overdue) rather than the week's count. */
function isLevel(slot: number): boolean {
  return slot < TOUCH_SLOT || slot === OVERDUE_SLOT
}

/** Whether a person is on the board and so counts: kept in triage and not in the trash. */
export function isOnBoard(contact: Pick<Contact, 'triage' | 'trashedAt'>): boolean {
  return contact.triage === 'kept' && contact.trashedAt === null
}

/** Weeks outside these years are worked out one by one rather than kept in the table. */
const TABLE_FROM = Date.UTC(1970, 0, 1)
const TABLE_TO = Date.UTC(2100, 0, 1)

/** Local Monday 00:00 of the week holding `ms`. */
function mondayOf(ms: number): number {
  const d = new Date(ms)
  const back = (d.getDay() + 6) % 7
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() - back).getTime()
}

/**
 * Local calendar weeks, Monday first, in the process's time zone. The week starts met so far
 * are kept as one contiguous sorted run, so finding a week is a binary search rather than
 * calendar arithmetic per event (a store of 50,000 people holds over a million events).
 */
export class WeekCalendar {
  private starts: number[] = []
  private readonly nextOf = new Map<number, number>()

  /** Epoch ms of local Monday 00:00 starting the week that holds `ms`. */
  weekOf(ms: number): number {
    if (!(ms >= TABLE_FROM && ms < TABLE_TO)) return mondayOf(ms)
    const starts = this.starts
    const first = starts[0]
    const last = starts[starts.length - 1]
    if (first === undefined || last === undefined) {
      this.starts = [mondayOf(ms)]
      return this.weekOf(ms)
    }
    if (ms < first) {
      const earlier: number[] = []
      for (let w = mondayOf(ms); w < first; w = this.next(w)) earlier.push(w)
      this.starts = earlier.concat(starts)
      return earlier[0] ?? first
    }
    if (ms >= this.next(last)) {
      for (let w = this.next(last); w <= ms; w = this.next(w)) starts.push(w)
      return starts[starts.length - 1] ?? last
    }
    let lo = 0
    let hi = starts.length - 1
    // The last start at or before ms.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if ((starts[mid] ?? 0) <= ms) lo = mid
      else hi = mid - 1
    }
    return starts[lo] ?? first
  }

  /** Epoch ms of the week after the one starting at `weekStart` (7 calendar days: 167–169 hours across DST). */
  next(weekStart: number): number {
    const cached = this.nextOf.get(weekStart)
    if (cached !== undefined) return cached
    const d = new Date(weekStart)
    const next = new Date(d.getFullYear(), d.getMonth(), d.getDate() + 7).getTime()
    if (this.nextOf.size >= 20_000) this.nextOf.clear()
    this.nextOf.set(weekStart, next)
    return next
  }
}

/** One entry of a person's effective stage timeline. */
export interface TimelineEntry {
  at: number
  stage: StageId
}

/**
 * A person's stages over time, robust to partial history: without one, they are in their
 * current stage since creation; before the first entry (older ones were dropped past the cap,
 * or the history began after creation) they are in the first entry's stage; when the history
 * does not end in the current stage (a path that did not record it), the current stage is
 * entered at the last update. Unparseable instants are skipped; same-stage repeats merge.
 */
export function stageTimeline(
  contact: Pick<Contact, 'stage' | 'stageHistory' | 'createdAt' | 'updatedAt'>,
): TimelineEntry[] {
  const created = Date.parse(contact.createdAt)
  const entries: TimelineEntry[] = []
  for (const entry of contact.stageHistory) {
    const at = Date.parse(entry.at)
    if (Number.isFinite(at)) entries.push({ at, stage: entry.stage })
  }
  entries.sort((a, b) => a.at - b.at)
  const first = entries[0]
  if (first === undefined) return [{ at: created, stage: contact.stage }]
  if (created < first.at) entries.unshift({ at: created, stage: first.stage })
  const last = entries[entries.length - 1]
  if (last !== undefined && last.stage !== contact.stage) {
    entries.push({
      at: Math.max(Date.parse(contact.updatedAt) || last.at, last.at),
      stage: contact.stage,
    })
  }
  const merged: TimelineEntry[] = []
  for (const entry of entries) {
    if (merged[merged.length - 1]?.stage !== entry.stage) merged.push(entry)
  }
  return merged
}

/** The stage of a timeline at `ms` (its first stage before it starts). */
function stageAt(timeline: readonly TimelineEntry[], ms: number): StageId {
  let stage = timeline[0]?.stage ?? 'identified'
  for (const entry of timeline) {
    if (entry.at > ms) break
    stage = entry.stage
  }
  return stage
}

/** Local midnight `days` calendar days after the local day of `ms`. */
function midnightAfter(ms: number, days: number): number {
  const d = new Date(ms)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime()
}

/**
 * The spans [start, end) in which a person was overdue: their keep-in-touch clock (the last
 * clock-resetting touch, or creation before any) at least 1.5 × the cadence of the stage they
 * were in when it started, in local calendar days as Today counts them. Snoozes are not kept
 * over time, so they do not count; a span still open ends at Infinity.
 */
export function overdueSpans(
  contact: Pick<Contact, 'cadenceDays' | 'createdAt'>,
  timeline: readonly TimelineEntry[],
  touches: readonly Pick<Interaction, 'kind' | 'at'>[],
  settings: Pick<Settings, 'cadenceByStage'>,
): [number, number][] {
  const times: number[] = []
  for (const touch of touches) {
    const at = Date.parse(touch.at)
    if (resetsClock(touch.kind) && Number.isFinite(at)) times.push(at)
  }
  return spansFrom(contact, timeline, times, settings)
}

/** overdueSpans over the instants of the clock-resetting touches, in any order (sorted in place). */
function spansFrom(
  contact: Pick<Contact, 'cadenceDays' | 'createdAt'>,
  timeline: readonly TimelineEntry[],
  times: number[],
  settings: Pick<Settings, 'cadenceByStage'>,
): [number, number][] {
  const exists = timeline[0]?.at ?? Date.parse(contact.createdAt)
  times.sort((a, b) => a - b)
  const created = Date.parse(contact.createdAt)
  const spans: [number, number][] = []
  const span = (clock: number, from: number, until: number) => {
    const cadence =
      contact.cadenceDays ?? settings.cadenceByStage[stageAt(timeline, Math.max(clock, exists))]
    if (cadence === null) return
    const start = Math.max(midnightAfter(clock, Math.ceil(1.5 * cadence)), from, exists)
    if (start < until) spans.push([start, until])
  }
  // The clock runs from creation until the first touch, then from each touch until the next.
  const firstTouch = times[0]
  if (firstTouch === undefined || created < firstTouch)
    span(created, exists, firstTouch ?? Infinity)
  for (let i = 0; i < times.length; i++) {
    const at = times[i] ?? 0
    span(at, at, times[i + 1] ?? Infinity)
  }
  return spans
}

/**
 * A person's events as a flat list of (instant, slot, delta) triples: stage entries and exits,
 * their creation, moves, touches by kind and overdue spans.
 */
export function contactEvents(
  contact: Contact,
  touches: readonly Pick<Interaction, 'kind' | 'at'>[],
  settings: Pick<Settings, 'cadenceByStage'>,
): number[] {
  const events: number[] = []
  const timeline = stageTimeline(contact)
  timeline.forEach((entry, i) => {
    events.push(entry.at, stageSlot(entry.stage), 1)
    const before = timeline[i - 1]
    if (before === undefined) events.push(entry.at, ADDED_SLOT, 1)
    else events.push(entry.at, stageSlot(before.stage), -1, entry.at, MOVES_SLOT, 1)
  })
  const resets: number[] = []
  for (const touch of touches) {
    const at = Date.parse(touch.at)
    if (!Number.isFinite(at)) continue
    events.push(at, touchSlot(touch.kind), 1)
    if (resetsClock(touch.kind)) resets.push(at)
  }
  for (const [start, end] of spansFrom(contact, timeline, resets, settings)) {
    events.push(start, OVERDUE_SLOT, 1)
    if (end !== Infinity) events.push(end, OVERDUE_SLOT, -1)
  }
  return sortedByTime(events)
}

/** (instant, slot, delta) triples ordered by instant, so a week's events are found by search. */
function sortedByTime(events: readonly number[]): number[] {
  const order: number[] = []
  for (let i = 0; i < events.length; i += 3) order.push(i)
  order.sort((a, b) => (events[a] ?? 0) - (events[b] ?? 0))
  const sorted: number[] = []
  for (const i of order) sorted.push(events[i] ?? 0, events[i + 1] ?? 0, events[i + 2] ?? 0)
  return sorted
}

/** One week of the dashboard's series. */
export interface WeekPoint {
  /** The Monday starting the week, yyyy-MM-dd. */
  start: string
  /** People in each stage at the end of the week (now, for the current week). */
  stages: Record<StageId, number>
  /** Touches logged in the week, by kind. */
  touches: Record<InteractionKind, number>
  /** People overdue at the end of the week (now, for the current week). */
  overdue: number
  /** People added to the board in the week. */
  added: number
  /** Moves between stages in the week. */
  moves: number
}

/**
 * Events summed per local week, kept per owner so one owner's events can be replaced alone.
 * Only weeks holding events have an entry; a week knows its owners, so the current week can
 * be read up to now rather than to its end.
 */
export class WeeklyTally {
  private readonly byOwner = new Map<string, number[]>()
  private readonly weeks = new Map<number, Float64Array>()
  private readonly ownersOf = new Map<number, Set<string>>()

  constructor(readonly calendar: WeekCalendar = new WeekCalendar()) {}

  /** Replaces the owner's events, sorted by instant (an empty list removes the owner). */
  set(owner: string, events: number[]): void {
    this.remove(owner)
    if (events.length === 0) return
    this.byOwner.set(owner, events)
    this.addAll(owner, events, 1)
  }

  remove(owner: string): void {
    const events = this.byOwner.get(owner)
    if (events === undefined) return
    this.byOwner.delete(owner)
    this.addAll(owner, events, -1)
  }

  clear(): void {
    this.byOwner.clear()
    this.weeks.clear()
    this.ownersOf.clear()
  }

  /**
   * The series over the weeks starting at `firstWeek` through the week holding `nowMs`: each
   * level at the end of its week (at now for the current week), each flow within its week
   * (up to now for the current week).
   */
  series(
    firstWeek: number,
    lastWeek: number,
    nowMs: number,
  ): { week: number; row: Float64Array }[] {
    const level = new Float64Array(SLOT_COUNT)
    for (const [week, sums] of this.weeks) {
      if (week < firstWeek)
        for (let s = 0; s < SLOT_COUNT; s++)
          if (isLevel(s)) level[s] = (level[s] ?? 0) + (sums[s] ?? 0)
    }
    const out: { week: number; row: Float64Array }[] = []
    const currentWeek = this.calendar.weekOf(nowMs)
    for (let week = firstWeek; week <= lastWeek; week = this.calendar.next(week)) {
      const sums = week === currentWeek ? this.sumUntil(week, nowMs) : this.weeks.get(week)
      const row = new Float64Array(SLOT_COUNT)
      for (let s = 0; s < SLOT_COUNT; s++) {
        const value = sums?.[s] ?? 0
        if (isLevel(s)) {
          level[s] = (level[s] ?? 0) + value
          row[s] = level[s] ?? 0
        } else {
          row[s] = value
        }
      }
      out.push({ week, row })
    }
    return out
  }

  /** The week's sums over events at or before `nowMs` only. */
  private sumUntil(week: number, nowMs: number): Float64Array {
    const sums = new Float64Array(SLOT_COUNT)
    for (const owner of this.ownersOf.get(week) ?? []) {
      const events = this.byOwner.get(owner) ?? []
      // Events are sorted by instant (contactEvents): find the first in the week, stop at now.
      let lo = 0
      let hi = events.length / 3
      while (lo < hi) {
        const mid = (lo + hi) >> 1
        if ((events[mid * 3] ?? 0) < week) lo = mid + 1
        else hi = mid
      }
      for (let i = lo * 3; i < events.length && (events[i] ?? 0) <= nowMs; i += 3) {
        const slot = events[i + 1] ?? 0
        sums[slot] = (sums[slot] ?? 0) + (events[i + 2] ?? 0)
      }
    }
    return sums
  }

  private addAll(owner: string, events: readonly number[], sign: 1 | -1): void {
    const touched: number[] = []
    // Events come sorted by instant: consecutive ones mostly share a week.
    let week = Infinity
    let weekEnd = -Infinity
    let sums: Float64Array | undefined
    for (let i = 0; i < events.length; i += 3) {
      const at = events[i] ?? 0
      if (sums === undefined || at < week || at >= weekEnd) {
        week = this.calendar.weekOf(at)
        weekEnd = this.calendar.next(week)
        sums = this.weeks.get(week)
        if (sums === undefined) {
          sums = new Float64Array(SLOT_COUNT)
          this.weeks.set(week, sums)
        }
        if (touched[touched.length - 1] !== week) touched.push(week)
      }
      const slot = events[i + 1] ?? 0
      sums[slot] = (sums[slot] ?? 0) + sign * (events[i + 2] ?? 0)
    }
    for (const w of touched) {
      let owners = this.ownersOf.get(w)
      if (sign === 1) {
        if (owners === undefined) this.ownersOf.set(w, (owners = new Set()))
        owners.add(owner)
      } else if (owners !== undefined) {
        owners.delete(owner)
        // Nobody left with events that week: its sums are all zero again.
        if (owners.size === 0) {
          this.ownersOf.delete(w)
          this.weeks.delete(w)
        }
      }
    }
  }
}

/** A row of slot values as a WeekPoint. */
export function toWeekPoint(weekStart: number, row: Float64Array): WeekPoint {
  const at = (slot: number) => row[slot] ?? 0
  const touch = (kind: InteractionKind) => at(touchSlot(kind))
  const stages: Record<StageId, number> = {
    identified: at(stageSlot('identified')),
    building: at(stageSlot('building')),
    'in-touch': at(stageSlot('in-touch')),
    asked: at(stageSlot('asked')),
    'gave-reference': at(stageSlot('gave-reference')),
    thanked: at(stageSlot('thanked')),
  }
  const touches: Record<InteractionKind, number> = {
    message: touch('message'),
    call: touch('call'),
    meeting: touch('meeting'),
    event: touch('event'),
    'help-offered': touch('help-offered'),
    'help-received': touch('help-received'),
    'update-sent': touch('update-sent'),
    'article-shared': touch('article-shared'),
    'thank-you': touch('thank-you'),
    'reference-given': touch('reference-given'),
    note: touch('note'),
  }
  return {
    start: format(weekStart, 'yyyy-MM-dd'),
    stages,
    touches,
    overdue: row[OVERDUE_SLOT] ?? 0,
    added: row[ADDED_SLOT] ?? 0,
    moves: row[MOVES_SLOT] ?? 0,
  }
}

/** How promptly references were thanked. */
export interface Timeliness {
  /** References given in the period whose thank-you deadline has passed or that were thanked. */
  counted: number
  onTime: number
  late: number
  /** Given in the period, not thanked, deadline still ahead: not counted yet. */
  pending: number
  /** onTime / counted, or null when nothing counts yet. */
  shareOnTime: number | null
  /** Median local calendar days from given to thanked, over those thanked; null when none. */
  medianDays: number | null
}

/** References asked, given and thanked in a period, and how promptly they were thanked. */
export interface ReferenceTotals {
  asked: number
  given: number
  thanked: number
  timeliness: Timeliness
}

/**
 * Counts requests asked, given and thanked within [from, to), and the timeliness of thank-yous
 * for references given within it: on time when thanked by the deadline (thankBy, else the end of
 * the day `thankWithinDays` after giving), late when thanked after it or still unthanked past it.
 */
export function referenceTotals(args: {
  requests: Iterable<ReferenceRequest>
  counts: (request: ReferenceRequest) => boolean
  from: number
  to: number
  now: Date
  settings: Pick<Settings, 'thankWithinDays'>
}): ReferenceTotals {
  const { from, to, now } = args
  const within = (at: string | null) => {
    if (at === null) return false
    const ms = Date.parse(at)
    return ms >= from && ms < to
  }
  let asked = 0
  let given = 0
  let thanked = 0
  let onTime = 0
  let late = 0
  let pending = 0
  const days: number[] = []
  for (const request of args.requests) {
    if (!args.counts(request)) continue
    if (within(request.askedAt)) asked++
    if (within(request.thankedAt)) thanked++
    if (request.givenAt === null || !within(request.givenAt)) continue
    given++
    const givenAt = new Date(request.givenAt)
    const deadline =
      request.thankBy === null
        ? thankByFor(givenAt, args.settings.thankWithinDays).getTime()
        : Date.parse(request.thankBy)
    if (request.thankedAt !== null) {
      const thankedAt = new Date(request.thankedAt)
      if (thankedAt.getTime() <= deadline) onTime++
      else late++
      days.push(Math.max(0, differenceInCalendarDays(thankedAt, givenAt)))
    } else if (now.getTime() > deadline) {
      late++
    } else {
      pending++
    }
  }
  const counted = onTime + late
  return {
    asked,
    given,
    thanked,
    timeliness: {
      counted,
      onTime,
      late,
      pending,
      shareOnTime: counted === 0 ? null : onTime / counted,
      medianDays: median(days),
    },
  }
}

/** The median of a list of numbers, or null when it is empty. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
}

/**
 * The whole series from scratch, for tests and as the reference the core's incremental index
 * must agree with: only people on the board count, each with their own touches.
 */
export function weeklySeries(args: {
  contacts: readonly Contact[]
  touches: readonly Interaction[]
  settings: Pick<Settings, 'cadenceByStage'>
  from: Date
  to: Date
  now: Date
}): WeekPoint[] {
  const tally = new WeeklyTally()
  const touchesOf = new Map<string, Interaction[]>()
  for (const touch of args.touches) {
    const list = touchesOf.get(touch.contactId)
    if (list) list.push(touch)
    else touchesOf.set(touch.contactId, [touch])
  }
  for (const contact of args.contacts) {
    if (!isOnBoard(contact)) continue
    tally.set(contact.id, contactEvents(contact, touchesOf.get(contact.id) ?? [], args.settings))
  }
  const first = tally.calendar.weekOf(args.from.getTime())
  const last = tally.calendar.weekOf(Math.min(args.to.getTime(), args.now.getTime()))
  return tally
    .series(first, last, args.now.getTime())
    .map(({ week, row }) => toWeekPoint(week, row))
}

/**
 * Whether this week's review is waiting: it is on, its local day and time this week (Monday
 * start; day 0 is Sunday) have come, and it was not done since the week began.
 */
export function weeklyReviewDue(now: Date, review: Settings['weeklyReview']): boolean {
  if (!review.enabled) return false
  const back = (now.getDay() + 6) % 7
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - back)
  const [hours, minutes] = review.time.split(':').map(Number)
  const slot = new Date(
    monday.getFullYear(),
    monday.getMonth(),
    monday.getDate() + ((review.day + 6) % 7),
    hours ?? 0,
    minutes ?? 0,
  )
  if (now.getTime() < slot.getTime()) return false
  return review.lastDoneAt === null || Date.parse(review.lastDoneAt) < monday.getTime()
}
