import { addDays, format, parseISO } from 'date-fns'
import type { Contact, ReferenceRequest } from '@shared/domain'
import { escapeText, foldLine } from '../text/contentLine'

// iCalendar (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545) for reference due dates,
// thank-you deadlines and keep-in-touch blocks. Every event's UID is derived from what it is
// about (a request, a day), so importing a newer export updates events instead of adding copies;
// SEQUENCE is the export's time, so each newer file's copy wins over every older one's, even
// after an undo puts a record back as it was (its own timestamps then go back too); LAST-MODIFIED
// is the last change of anything the event shows (the request, its person). A closed request's
// events come back once more as STATUS:CANCELLED, which METHOD:PUBLISH allows (RFC 5546 §3.2.1),
// for CANCELLED_KEPT_DAYS.

const PRODID = '-//Vouch//Vouch references//EN'
const UID_DOMAIN = 'vouch.app'
/** A request's reference is announced this many days ahead, as the in-app reminder does. */
const REQUEST_NOTICE_DAYS = 2
/** Keep-in-touch blocks last this long. */
const BLOCK_MINUTES = 30
const DAY_MS = 86_400_000

/** One calendar event, before it is written out. */
export interface CalendarEvent {
  uid: string
  summary: string
  description: string
  /** A whole local day (yyyy-MM-dd), or a UTC instant with a length in minutes. */
  when: { day: string } | { start: Date; minutes: number }
  /** When the record behind the event last changed: LAST-MODIFIED, and the cancelled window. */
  changedAt: Date
  /** The alarm: minutes relative to the start (negative = before). */
  alarmMinutes: number
  alarmText: string
  /** The event is withdrawn: written with STATUS:CANCELLED and no alarm. */
  cancelled?: boolean
}

/** How long after a request closes its events are still exported, as cancelled. */
export const CANCELLED_KEPT_DAYS = 90

const utc = (t: Date) =>
  t
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')
const dateValue = (day: string) => day.replace(/-/g, '')

/** A DURATION value (§3.3.6) of whole minutes, signed. */
function duration(minutes: number): string {
  const sign = minutes < 0 ? '-' : ''
  let rest = Math.abs(minutes)
  const days = Math.floor(rest / 1440)
  rest -= days * 1440
  const hours = Math.floor(rest / 60)
  const mins = rest - hours * 60
  const time = `${hours > 0 ? `${hours}H` : ''}${mins > 0 ? `${mins}M` : ''}`
  if (days === 0 && time === '') return 'PT0M'
  return `${sign}P${days > 0 ? `${days}D` : ''}${time === '' ? '' : `T${time}`}`
}

/**
 * SEQUENCE of every event in an export made at `now`, in whole seconds: a later export's copy of
 * an event always has a higher number, without Vouch remembering what it exported before.
 */
export function sequence(now: Date): number {
  return Math.max(0, Math.floor(now.getTime() / 1000))
}

/** A whole VCALENDAR, CRLF line ends, lines folded. */
export function toICalendar(events: readonly CalendarEvent[], now: Date): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'X-WR-CALNAME:Vouch',
  ]
  for (const event of events) {
    lines.push('BEGIN:VEVENT', `UID:${event.uid}`, `DTSTAMP:${utc(now)}`)
    if ('day' in event.when) {
      const next = format(addDays(parseISO(event.when.day), 1), 'yyyy-MM-dd')
      lines.push(
        `DTSTART;VALUE=DATE:${dateValue(event.when.day)}`,
        `DTEND;VALUE=DATE:${dateValue(next)}`,
        'TRANSP:TRANSPARENT',
      )
    } else {
      const end = new Date(event.when.start.getTime() + event.when.minutes * 60_000)
      lines.push(`DTSTART:${utc(event.when.start)}`, `DTEND:${utc(end)}`)
    }
    lines.push(
      `SUMMARY:${escapeText(event.summary)}`,
      `DESCRIPTION:${escapeText(event.description)}`,
      `LAST-MODIFIED:${utc(event.changedAt)}`,
      `SEQUENCE:${sequence(now)}`,
      `STATUS:${event.cancelled === true ? 'CANCELLED' : 'CONFIRMED'}`,
    )
    if (event.cancelled !== true) {
      lines.push(
        'BEGIN:VALARM',
        'ACTION:DISPLAY',
        `DESCRIPTION:${escapeText(event.alarmText)}`,
        `TRIGGER:${duration(event.alarmMinutes)}`,
        'END:VALARM',
      )
    }
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

const who = (contact: Pick<Contact, 'name'>) => contact.name

/**
 * When anything a request's events show last changed: the request, its person (a new name), or
 * the person's trashing (which does not touch updatedAt).
 */
function requestChangedAt(request: ReferenceRequest, contact: Contact): Date {
  const times = [request.updatedAt, contact.updatedAt, contact.trashedAt ?? request.updatedAt]
  return new Date(Math.max(...times.map((t) => Date.parse(t))))
}

const isOpen = (request: ReferenceRequest) =>
  request.status === 'asked' || request.status === 'agreed'

function dueEventOf(request: ReferenceRequest, contact: Contact, dueBy: string): CalendarEvent {
  const notes = request.notes.trim()
  return {
    uid: `request-due-${request.id}@${UID_DOMAIN}`,
    summary: `Reference due: ${who(contact)} for ${request.role} at ${request.company}`,
    description: [
      `${who(contact)} ${request.status === 'agreed' ? 'agreed to give' : 'was asked for'} a reference for ${request.role} at ${request.company}, needed by ${dueBy}.`,
      ...(notes === '' ? [] : ['', notes]),
    ].join('\n'),
    when: { day: dueBy },
    changedAt: requestChangedAt(request, contact),
    // 09:00 two days before the due day: the all-day event starts at local midnight.
    alarmMinutes: -(REQUEST_NOTICE_DAYS * 1440) + 9 * 60,
    alarmText: `${who(contact)}'s reference for ${request.company} is due on ${dueBy}`,
  }
}

function thankEventOf(request: ReferenceRequest, contact: Contact, thankBy: string): CalendarEvent {
  const day = format(new Date(thankBy), 'yyyy-MM-dd')
  return {
    uid: `thank-you-${request.id}@${UID_DOMAIN}`,
    summary: `Thank ${who(contact)} for the reference (${request.company})`,
    description: `${who(contact)} gave a reference for ${request.role} at ${request.company}. Thank them by the end of ${day}.`,
    when: { day },
    changedAt: requestChangedAt(request, contact),
    alarmMinutes: 9 * 60,
    alarmText: `Thank ${who(contact)} today`,
  }
}

/** The event of a request's due date, for an open request with one; else null. */
export function requestDueEvent(request: ReferenceRequest, contact: Contact): CalendarEvent | null {
  if (request.dueBy === null || !isOpen(request)) return null
  return dueEventOf(request, contact, request.dueBy)
}

/** The event of a thank-you deadline, for a given reference not thanked yet; else null. */
export function thankYouEvent(request: ReferenceRequest, contact: Contact): CalendarEvent | null {
  if (request.status !== 'given' || request.thankedAt !== null || request.thankBy === null)
    return null
  return thankEventOf(request, contact, request.thankBy)
}

/**
 * A request's events in the full export. While it is open and its person on the board: its due
 * date, and once given its thank-you deadline until thanked. After that (given, thanked, declined,
 * withdrawn; the person archived, sent back to the inbox or trashed) the events it had come back
 * as cancelled, with a higher SEQUENCE, so a calendar that imported them withdraws them; for
 * CANCELLED_KEPT_DAYS after the change, then they are left out.
 */
export function requestEvents(
  request: ReferenceRequest,
  contact: Contact,
  onBoard: boolean,
  now: Date,
): CalendarEvent[] {
  const live = onBoard && contact.trashedAt === null
  const recent =
    requestChangedAt(request, contact).getTime() >= now.getTime() - CANCELLED_KEPT_DAYS * DAY_MS
  const events: CalendarEvent[] = []
  if (request.dueBy !== null) {
    const due = dueEventOf(request, contact, request.dueBy)
    if (live && isOpen(request)) events.push(due)
    else if (recent) events.push({ ...due, cancelled: true })
  }
  if (request.status === 'given' && request.thankBy !== null) {
    const thanks = thankEventOf(request, contact, request.thankBy)
    if (live && request.thankedAt === null) events.push(thanks)
    else if (recent) events.push({ ...thanks, cancelled: true })
  }
  return events
}

/** One keep-in-touch block on a local day at a local start, naming who is due then. */
export function keepInTouchEvent(args: {
  day: string
  start: Date
  names: readonly string[]
  changedAt: Date
}): CalendarEvent {
  const { names } = args
  const shown = names.slice(0, 5).join(', ')
  const more = names.length > 5 ? ` and ${names.length - 5} more` : ''
  return {
    uid: `keep-in-touch-${dateValue(args.day)}@${UID_DOMAIN}`,
    summary: `Keep in touch: ${shown}${more}`,
    description: [
      `${names.length === 1 ? 'One person is' : `${names.length} people are`} due for a touch:`,
      ...names.map((n) => `- ${n}`),
    ].join('\n'),
    when: { start: args.start, minutes: BLOCK_MINUTES },
    changedAt: args.changedAt,
    alarmMinutes: -10,
    alarmText: `Keep in touch: ${shown}${more}`,
  }
}
