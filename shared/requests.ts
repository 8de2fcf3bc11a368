import { addDays, endOfDay } from 'date-fns'
import type {
  Contact,
  Interaction,
  Outcome,
  ReferenceRequest,
  RequestStatus,
  Settings,
} from './domain'
import { stageIndex, type StageId } from './stages'

/** Stage change when a reference request is created: earlier stages move to `asked`. */
export function onRequestCreated(contact: Pick<Contact, 'stage'>): { stage: StageId | null } {
  return { stage: stageIndex(contact.stage) < stageIndex('asked') ? 'asked' : null }
}

/**
 * Status moves a request may make. `given`, `declined` and `withdrawn` are final: a new
 * opportunity gets a new request, so each request keeps an honest history.
 */
const NEXT_STATUSES: Record<RequestStatus, readonly RequestStatus[]> = {
  asked: ['agreed', 'declined', 'given', 'withdrawn'],
  agreed: ['given', 'declined', 'withdrawn'],
  declined: [],
  given: [],
  withdrawn: [],
}

const STATUS_WORDS: Record<RequestStatus, string> = {
  asked: 'asked',
  agreed: 'agreed',
  declined: 'declined',
  given: 'given',
  withdrawn: 'withdrawn',
}

/** Whether a request may move from one status to another. */
export function canMoveRequest(from: RequestStatus, to: RequestStatus): boolean {
  return NEXT_STATUSES[from].includes(to)
}

/** A touch the core must log as a consequence of a status change. */
export interface ReferenceGivenTouch {
  kind: 'reference-given'
  at: string
  requestId: string
}

/** What the core must apply after a status change, or why it was refused. */
export type RequestStatusChange =
  | {
      ok: true
      request: ReferenceRequest
      contactStage: StageId | null
      logInteraction: ReferenceGivenTouch | null
    }
  | { ok: false; message: string }

/** The instant a thank-you is owed by: the end of the local day `thankWithinDays` after `givenAt`. */
export function thankByFor(givenAt: Date, thankWithinDays: number): Date {
  return endOfDay(addDays(givenAt, thankWithinDays))
}

/**
 * Apply a status change and/or an outcome to a request.
 *
 * - `given`: stamps givenAt and thankBy, moves the contact to `gave-reference` (also from
 *   `thanked`, because a new reference owes a new thank-you) and asks for a `reference-given` touch.
 * - `agreed`, `declined`, `withdrawn`: recorded without moving the contact. A decline or withdrawal
 *   says nothing about where the relationship stands, and other requests may still be open, so
 *   the user decides where the card goes.
 * - Passing the current status with an outcome records only the outcome; the outcome may be
 *   recorded at any time.
 */
export function onRequestStatusChange(args: {
  request: ReferenceRequest
  contact: Pick<Contact, 'id' | 'stage'>
  status?: RequestStatus
  outcome?: Outcome
  now: Date
  settings: Pick<Settings, 'thankWithinDays'>
}): RequestStatusChange {
  const { request, contact, outcome, now, settings } = args
  const status = args.status ?? request.status
  if (request.contactId !== contact.id) {
    return { ok: false, message: 'This request belongs to a different contact.' }
  }
  const updatedAt = now.toISOString()
  const outcomeChanged = outcome !== undefined && outcome !== request.outcome

  if (status === request.status) {
    if (outcome === undefined) {
      return { ok: false, message: `This request is already marked ${STATUS_WORDS[status]}.` }
    }
    const updated = outcomeChanged ? { ...request, outcome, updatedAt } : request
    return { ok: true, request: updated, contactStage: null, logInteraction: null }
  }

  if (!canMoveRequest(request.status, status)) {
    const allowed = NEXT_STATUSES[request.status]
    const hint =
      allowed.length === 0
        ? 'Its status is final; create a new request for a new opportunity.'
        : `It can only become ${allowed.map((s) => STATUS_WORDS[s]).join(', ')}.`
    return {
      ok: false,
      message: `A request marked ${STATUS_WORDS[request.status]} cannot become ${STATUS_WORDS[status]}. ${hint}`,
    }
  }

  const base: ReferenceRequest = {
    ...request,
    status,
    outcome: outcome ?? request.outcome,
    updatedAt,
  }
  if (status !== 'given') {
    return { ok: true, request: base, contactStage: null, logInteraction: null }
  }
  const given: ReferenceRequest = {
    ...base,
    givenAt: updatedAt,
    thankBy: thankByFor(now, settings.thankWithinDays).toISOString(),
    thankedAt: null,
    thankTouchId: null,
  }
  return {
    ok: true,
    request: given,
    contactStage: contact.stage === 'gave-reference' ? null : 'gave-reference',
    logInteraction: { kind: 'reference-given', at: updatedAt, requestId: request.id },
  }
}

/** Whether a request still owes a thank-you. */
function owesThanks(request: ReferenceRequest): boolean {
  return request.status === 'given' && request.thankedAt === null
}

/**
 * What logging a `thank-you` changes: the contact's given, unthanked requests (or only
 * `requestId` when the touch names one) become thanked at `at`, and the contact moves to
 * `thanked` once it owes no other thank-you. No such request: nothing changes.
 */
export function onThankYouLogged(args: {
  contact: Pick<Contact, 'id' | 'stage'>
  requests: readonly ReferenceRequest[]
  at: string
  requestId?: string | null
}): { thankedRequestIds: string[]; contactStage: 'thanked' | null } {
  const { contact, requestId } = args
  const owed = args.requests.filter((r) => r.contactId === contact.id && owesThanks(r))
  const thanked = owed.filter((r) => requestId == null || r.id === requestId)
  if (thanked.length === 0) return { thankedRequestIds: [], contactStage: null }
  const stillOwed = owed.length > thanked.length
  const contactStage = stillOwed || contact.stage === 'thanked' ? null : 'thanked'
  return { thankedRequestIds: thanked.map((r) => r.id), contactStage }
}

/** A given reference still waiting for its thank-you. */
export interface ThanksOwed {
  request: ReferenceRequest
  /** True once `now` is past thankBy. */
  overdue: boolean
}

/** Given, unthanked requests, soonest deadline first (requests without a deadline last). */
export function thanksOwed(requests: readonly ReferenceRequest[], now: Date): ThanksOwed[] {
  const deadline = (r: ReferenceRequest) =>
    r.thankBy === null ? Number.POSITIVE_INFINITY : Date.parse(r.thankBy)
  return requests
    .filter(owesThanks)
    .map((request) => ({ request, overdue: now.getTime() > deadline(request) }))
    .sort((a, b) => compareNumbers(deadline(a.request), deadline(b.request)))
}

// Subtraction would give NaN for two missing deadlines (Infinity - Infinity).
function compareNumbers(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** Whether `touch` is the one that recorded the request's thanks (or, for `reference-given`, its reference). */
export function recordedBy(
  request: ReferenceRequest,
  touch: Pick<Interaction, 'id' | 'kind' | 'contactId' | 'at' | 'requestId'>,
): boolean {
  if (request.contactId !== touch.contactId || request.status !== 'given') return false
  if (touch.kind === 'thank-you') {
    if (request.thankTouchId !== null) return request.thankTouchId === touch.id
    // Written before the link was kept: the thank-you that settled it has its instant.
    return (
      request.thankedAt === touch.at && (touch.requestId === null || touch.requestId === request.id)
    )
  }
  if (touch.kind === 'reference-given') {
    if (request.givenTouchId !== null) return request.givenTouchId === touch.id
    return request.givenAt === touch.at && touch.requestId === request.id
  }
  return false
}

/** What deleting a touch takes back, or why it may not be deleted. */
export type TouchDeletion =
  | { ok: true; requests: ReferenceRequest[]; contactStage: { from: StageId; to: StageId } | null }
  | { ok: false; message: string }

/**
 * What deleting a touch changes. A thank-you that recorded a request's thanks takes them back:
 * the reference is owed thanks again (thankBy as it was) and a contact in Thanked goes back to
 * Gave reference. A `reference-given` touch that recorded a given reference takes it back: the
 * request is agreed again (they said yes; it is open, and can be marked given again) and a
 * contact in Gave reference owing nobody else goes back to Asked. A thanked reference must lose
 * its thank-you first, so the timeline never keeps thanks for a reference that was not given.
 */
export function onTouchDeleted(args: {
  touch: Pick<Interaction, 'id' | 'kind' | 'contactId' | 'at' | 'requestId'>
  requests: readonly ReferenceRequest[]
  now: Date
}): TouchDeletion {
  const { touch, now } = args
  const updatedAt = now.toISOString()
  const own = args.requests.filter((r) => r.contactId === touch.contactId)
  const recorded = own.filter((r) => recordedBy(r, touch))
  if (recorded.length === 0) return { ok: true, requests: [], contactStage: null }
  if (touch.kind === 'thank-you') {
    return {
      ok: true,
      requests: recorded.map((r) => ({ ...r, thankedAt: null, thankTouchId: null, updatedAt })),
      contactStage: { from: 'thanked', to: 'gave-reference' },
    }
  }
  const thanked = recorded.find((r) => r.thankedAt !== null)
  if (thanked !== undefined) {
    return {
      ok: false,
      message: `This reference for ${thanked.role} at ${thanked.company} was thanked: delete the thank-you first.`,
    }
  }
  const takenBack = new Set(recorded.map((r) => r.id))
  const stillGiven = own.some((r) => r.status === 'given' && !takenBack.has(r.id))
  return {
    ok: true,
    requests: recorded.map((r) => ({
      ...r,
      status: 'agreed',
      givenAt: null,
      thankBy: null,
      givenTouchId: null,
      updatedAt,
    })),
    contactStage: stillGiven ? null : { from: 'gave-reference', to: 'asked' },
  }
}

/**
 * The requests whose reference or thanks `touch` recorded, moved to its new instant `at`: a
 * thank-you re-dated re-dates thankedAt; a reference-given touch re-dates givenAt and the
 * thank-you deadline that follows from it.
 */
export function onTouchRedated(args: {
  touch: Pick<Interaction, 'id' | 'kind' | 'contactId' | 'at' | 'requestId'>
  requests: readonly ReferenceRequest[]
  at: string
  now: Date
  settings: Pick<Settings, 'thankWithinDays'>
}): ReferenceRequest[] {
  const { touch, at, settings } = args
  const updatedAt = args.now.toISOString()
  return args.requests
    .filter((r) => recordedBy(r, touch))
    .map((r) =>
      touch.kind === 'thank-you'
        ? { ...r, thankedAt: at, thankTouchId: touch.id, updatedAt }
        : {
            ...r,
            givenAt: at,
            givenTouchId: touch.id,
            thankBy: thankByFor(new Date(at), settings.thankWithinDays).toISOString(),
            updatedAt,
          },
    )
}
