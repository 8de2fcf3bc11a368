import { differenceInCalendarDays, parseISO } from 'date-fns'
import { calendarDaysBetween, touchStatus, type TouchStatus } from './cadence'
import type { Contact, ReferenceRequest, RequestStatus, Settings } from './domain'
import { DUE_SOON_DAYS } from './query'
import { thanksOwed } from './requests'
import type { StageId } from './stages'

/** A contact whose touch is due or overdue. */
export interface OverdueItem {
  contactId: string
  name: string
  stage: StageId
  state: 'due' | 'overdue'
  daysSince: number
  /** Days since the last touch; null when never touched. */
  daysSinceTouch: number | null
  cadenceDays: number
  /** Days past the due day (0 on the due day itself). */
  daysOverdue: number
  dueOn: string
}

/** A contact whose touch falls due within the look-ahead window. */
export interface DueSoonItem {
  contactId: string
  name: string
  stage: StageId
  daysSince: number
  daysSinceTouch: number | null
  cadenceDays: number
  /** Calendar days until the due day, 1 or more. */
  daysUntilDue: number
  dueOn: string
}

/** A thank-you owed for a given reference. */
export interface ThanksOwedItem {
  requestId: string
  contactId: string
  name: string
  role: string
  company: string
  thankBy: string | null
  overdue: boolean
  /** Calendar days until thankBy: 0 on the day, negative once late; null without a deadline. */
  daysLeft: number | null
}

/** Why an open request needs chasing. */
export type FollowUpReason = 'past-due' | 'due-soon' | 'no-answer'

/** An open request that needs a follow-up. */
export interface RequestFollowUpItem {
  requestId: string
  contactId: string
  name: string
  role: string
  company: string
  status: RequestStatus
  reason: FollowUpReason
  dueBy: string | null
  /** Calendar days until dueBy, negative once past; null without a due date. */
  daysUntilDue: number | null
  daysSinceAsked: number
}

/** Everything the Today view lists. */
export interface Today {
  overdue: OverdueItem[]
  dueSoon: DueSoonItem[]
  thanksOwed: ThanksOwedItem[]
  requestFollowUps: RequestFollowUpItem[]
}

/** A request's due date counts as close when it is this many calendar days away or fewer. */
export const FOLLOW_UP_DUE_WITHIN_DAYS = 2
/** An unanswered request is chased after this many calendar days. */
export const FOLLOW_UP_NO_ANSWER_DAYS = 7

/**
 * The Today view: overdue touches (most overdue relative to their cadence first), touches due within `dueSoonDays`,
 * thank-yous owed, and requests to chase. Only kept people count: trashed, snoozed, inbox and
 * archived people appear in none of them.
 */
export function computeToday(args: {
  contacts: readonly Contact[]
  lastTouchByContact: ReadonlyMap<string, string | null>
  requests: readonly ReferenceRequest[]
  now: Date
  settings: Settings
  dueSoonDays?: number
  /** A cached touchStatus for a contact at `now`, if the caller keeps one (the core does). */
  statusOf?: (contact: Contact) => TouchStatus
}): Today {
  const { now, settings, dueSoonDays = DUE_SOON_DAYS } = args
  const active = new Map<string, Contact>()
  for (const contact of args.contacts) if (isOnToday(contact, now)) active.set(contact.id, contact)

  const overdue: OverdueItem[] = []
  const dueSoon: DueSoonItem[] = []
  for (const contact of active.values()) {
    const status =
      args.statusOf?.(contact) ??
      touchStatus({
        contact,
        lastTouchAt: args.lastTouchByContact.get(contact.id) ?? null,
        now,
        settings,
      })
    const entry = touchItemOf(contact, status, now, dueSoonDays)
    if (entry?.section === 'overdue') overdue.push(entry.item)
    else if (entry?.section === 'dueSoon') dueSoon.push(entry.item)
  }
  overdue.sort(overdueOrder)
  dueSoon.sort(dueSoonOrder)
  const requests = requestSections(args.requests, (id) => active.get(id), now)
  return { overdue, dueSoon, ...requests }
}

/** True when a contact counts on Today at `now`: kept, not trashed, not snoozed. */
export function isOnToday(contact: Contact, now: Date): boolean {
  return (
    contact.trashedAt === null &&
    contact.triage === 'kept' &&
    (contact.snoozedUntil === null || Date.parse(contact.snoozedUntil) <= now.getTime())
  )
}

/**
 * Today's request sections: thank-yous owed and requests to chase, for the contacts `activeOf`
 * returns (it returns undefined for people who do not count on Today).
 */
export function requestSections(
  requests: readonly ReferenceRequest[],
  activeOf: (contactId: string) => Contact | undefined,
  now: Date,
): Pick<Today, 'thanksOwed' | 'requestFollowUps'> {
  const owed: ThanksOwedItem[] = []
  for (const { request, overdue: late } of thanksOwed(requests, now)) {
    const contact = activeOf(request.contactId)
    if (!contact) continue
    owed.push({
      requestId: request.id,
      contactId: contact.id,
      name: contact.name,
      role: request.role,
      company: request.company,
      thankBy: request.thankBy,
      overdue: late,
      daysLeft:
        request.thankBy === null ? null : differenceInCalendarDays(new Date(request.thankBy), now),
    })
  }

  const followUps: RequestFollowUpItem[] = []
  for (const request of requests) {
    if (request.status !== 'asked' && request.status !== 'agreed') continue
    const contact = activeOf(request.contactId)
    if (!contact) continue
    const reason = followUpReason(request, now)
    if (reason === null) continue
    followUps.push({
      requestId: request.id,
      contactId: contact.id,
      name: contact.name,
      role: request.role,
      company: request.company,
      status: request.status,
      reason,
      dueBy: request.dueBy,
      daysUntilDue: daysUntil(request.dueBy, now),
      daysSinceAsked: differenceInCalendarDays(now, new Date(request.askedAt)),
    })
  }
  followUps.sort(
    (a, b) =>
      (a.daysUntilDue ?? Number.MAX_SAFE_INTEGER) - (b.daysUntilDue ?? Number.MAX_SAFE_INTEGER) ||
      b.daysSinceAsked - a.daysSinceAsked ||
      byName(a, b),
  )

  return { thanksOwed: owed, requestFollowUps: followUps }
}

/**
 * The Today entry of a non-snoozed contact from its touch status: overdue (due or overdue),
 * due soon (due within `dueSoonDays`), or null.
 */
export function touchItemOf(
  contact: Pick<Contact, 'id' | 'name' | 'stage'>,
  status: TouchStatus,
  now: Date,
  dueSoonDays = DUE_SOON_DAYS,
): { section: 'overdue'; item: OverdueItem } | { section: 'dueSoon'; item: DueSoonItem } | null {
  const { daysSince, daysSinceTouch, cadenceDays, dueOn, dueAt } = status
  if (daysSince === null || cadenceDays === null || dueOn === null || dueAt === null) return null
  const common = { contactId: contact.id, name: contact.name, stage: contact.stage }
  if (status.state === 'due' || status.state === 'overdue') {
    return {
      section: 'overdue',
      item: {
        ...common,
        state: status.state,
        daysSince,
        daysSinceTouch,
        cadenceDays,
        daysOverdue: daysSince - cadenceDays,
        dueOn,
      },
    }
  }
  if (status.state === 'ok') {
    const daysUntilDue = calendarDaysBetween(new Date(dueAt), now)
    if (daysUntilDue <= dueSoonDays) {
      return {
        section: 'dueSoon',
        item: { ...common, daysSince, daysSinceTouch, cadenceDays, daysUntilDue, dueOn },
      }
    }
  }
  return null
}

/** Most overdue relative to the cadence first, so red (≥ 1.5 × cadence) always comes before amber. */
export function overdueOrder(a: OverdueItem, b: OverdueItem): number {
  return (
    // b.daysSince / b.cadenceDays - a.daysSince / a.cadenceDays, in integers (cadences are ≥ 1).
    b.daysSince * a.cadenceDays - a.daysSince * b.cadenceDays ||
    b.daysOverdue - a.daysOverdue ||
    byName(a, b)
  )
}

/** Soonest due first. */
export function dueSoonOrder(a: DueSoonItem, b: DueSoonItem): number {
  return a.daysUntilDue - b.daysUntilDue || byName(a, b)
}

/** Why an open request needs a follow-up at `now`, or null when it does not. */
export function followUpReason(
  request: Pick<ReferenceRequest, 'status' | 'dueBy' | 'askedAt'>,
  now: Date,
): FollowUpReason | null {
  if (request.status !== 'asked' && request.status !== 'agreed') return null
  const untilDue = daysUntil(request.dueBy, now)
  if (untilDue !== null && untilDue < 0) return 'past-due'
  if (untilDue !== null && untilDue <= FOLLOW_UP_DUE_WITHIN_DAYS) return 'due-soon'
  const sinceAsked = differenceInCalendarDays(now, new Date(request.askedAt))
  if (request.status === 'asked' && sinceAsked >= FOLLOW_UP_NO_ANSWER_DAYS) return 'no-answer'
  return null
}

// dueBy is a calendar date; parseISO reads a bare date as local midnight, which is what we want.
function daysUntil(dueBy: string | null, now: Date): number | null {
  return dueBy === null ? null : differenceInCalendarDays(parseISO(dueBy), now)
}

const nameCollator = new Intl.Collator('en')

/** By name, then by contact id so two people of the same name keep one order. */
function byName(
  a: { name: string; contactId: string },
  b: { name: string; contactId: string },
): number {
  return (
    nameCollator.compare(a.name, b.name) ||
    (a.contactId < b.contactId ? -1 : a.contactId > b.contactId ? 1 : 0)
  )
}
