import { differenceInCalendarDays, subMonths } from 'date-fns'
import { lastTouchAt, resetsClock } from './cadence'
import type { Contact, Interaction } from './domain'

/** One explained component of the readiness score. */
export interface ReadinessPart {
  label: string
  points: number
  max: number
  explanation: string
}

/** How ready a contact is to give a strong reference, 0–100, with its parts. */
export interface Readiness {
  score: number
  parts: ReadinessPart[]
}

/** Maximum points per part; they add up to 100. */
export const READINESS_MAX = { recency: 35, frequency: 25, update: 20, credibility: 20 } as const
/** A touch this recent (in days) earns full recency points. */
export const RECENCY_FULL_DAYS = 30
/** A touch this old (in days) or older earns no recency points. */
export const RECENCY_ZERO_DAYS = 365
/** Points per touch in the last 12 months, capped at READINESS_MAX.frequency (5 touches). */
export const POINTS_PER_TOUCH = 5

/**
 * Readiness of a contact to vouch for the user: recency of the last touch (35), touches in
 * the last 12 months (25), whether they heard the latest career update (20) and credibility (20).
 * With no career update written yet, the update part gets full marks: nobody can have missed it,
 * and the score should not drop for everyone just because the user has not written one.
 */
export function readinessScore(args: {
  contact: Pick<Contact, 'id' | 'name' | 'credibility'>
  interactions: readonly Interaction[]
  latestUpdateId: string | null
  now: Date
}): Readiness {
  const { contact, latestUpdateId, now } = args
  // Touches logged "in the future" (a typo) do not count yet.
  const own = args.interactions.filter(
    (i) => i.contactId === contact.id && Date.parse(i.at) <= now.getTime(),
  )
  const parts = [
    recencyPart(lastTouchAt(own), now),
    frequencyPart(own, now),
    updatePart(own, latestUpdateId),
    credibilityPart(contact.credibility),
  ]
  return { score: parts.reduce((sum, p) => sum + p.points, 0), parts }
}

function recencyPart(last: string | null, now: Date): ReadinessPart {
  const max = READINESS_MAX.recency
  const label = 'Recent contact'
  if (last === null) {
    return { label, points: 0, max, explanation: 'You have not been in touch yet.' }
  }
  const days = Math.max(0, differenceInCalendarDays(now, new Date(last)))
  const ago = days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`
  if (days <= RECENCY_FULL_DAYS) {
    return { label, points: max, max, explanation: `Last touch ${ago}: within a month.` }
  }
  if (days >= RECENCY_ZERO_DAYS) {
    return { label, points: 0, max, explanation: `Last touch ${ago}: over a year.` }
  }
  // Linear decay between a month and a year.
  const share = (RECENCY_ZERO_DAYS - days) / (RECENCY_ZERO_DAYS - RECENCY_FULL_DAYS)
  const points = Math.round(max * share)
  return {
    label,
    points,
    max,
    explanation: `Last touch ${ago}: points fall from full at ${RECENCY_FULL_DAYS} days to none at ${RECENCY_ZERO_DAYS}.`,
  }
}

function frequencyPart(own: readonly Interaction[], now: Date): ReadinessPart {
  const max = READINESS_MAX.frequency
  const since = subMonths(now, 12).getTime()
  const count = own.filter((i) => resetsClock(i.kind) && Date.parse(i.at) > since).length
  const points = Math.min(max, count * POINTS_PER_TOUCH)
  const touches = count === 1 ? '1 touch' : `${count} touches`
  const full = max / POINTS_PER_TOUCH
  return {
    label: 'Touches this year',
    points,
    max,
    explanation: `${touches} in the last 12 months; ${POINTS_PER_TOUCH} points each, full marks at ${full}.`,
  }
}

function updatePart(own: readonly Interaction[], latestUpdateId: string | null): ReadinessPart {
  const max = READINESS_MAX.update
  const label = 'Heard your latest news'
  if (latestUpdateId === null) {
    return {
      label,
      points: max,
      max,
      explanation: 'No career update written yet, so nothing to miss.',
    }
  }
  const heard = own.some((i) => i.kind === 'update-sent' && i.updateId === latestUpdateId)
  return heard
    ? { label, points: max, max, explanation: 'They have heard your latest career update.' }
    : { label, points: 0, max, explanation: 'They have not heard your latest career update.' }
}

function credibilityPart(credibility: number | null): ReadinessPart {
  const max = READINESS_MAX.credibility
  const label = 'Credibility'
  if (credibility === null) {
    return { label, points: 0, max, explanation: 'Not rated yet: rate them 1–5 to count this.' }
  }
  return {
    label,
    points: credibility * 4,
    max,
    explanation: `Rated ${credibility} of 5 for credibility in your field (4 points per star).`,
  }
}
