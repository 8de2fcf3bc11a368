import { addDays, format, parseISO } from 'date-fns'
import type { Contact, ReferenceRequest } from '@shared/domain'

// iCalendar (RFC 5545, https://www.rfc-editor.org/rfc/rfc5545) for reference due dates,
// thank-you deadlines and keep-in-touch blocks. Every event's UID is derived from what it is
// about (a request, a day), so importing a newer export updates events instead of adding copies;
// SEQUENCE grows with the record's last change, which tells calendars the newer copy wins.

const PRODID = '-//Vouch//Vouch references//EN'
const UID_DOMAIN = 'vouch.app'
/** A request's reference is announced this many days ahead, as the in-app reminder does. */
const REQUEST_NOTICE_DAYS = 2
/** Keep-in-touch blocks last this long. */
const BLOCK_MINUTES = 30

/** One calendar event, before it is written out. */
export interface CalendarEvent {
  uid: string
  summary: string
  description: string
  /** A whole local day (yyyy-MM-dd), or a UTC instant with a length in minutes. */
  when: { day: string } | { start: Date; minutes: number }
  /** When the record behind the event last changed: SEQUENCE and LAST-MODIFIED. */
  changedAt: Date
  /** The alarm: minutes relative to the start (negative = before). */
  alarmMinutes: number
  alarmText: string
}

/** TEXT value escaping (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n?|\n/g, '\\n')
}

/** Folds a content line at 75 octets with CRLF + space, never inside a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const bytes = Buffer.from(line, 'utf8')
  if (bytes.length <= 75) return line
  const pieces: string[] = []
  let start = 0
  // A continuation line starts with the space, so it carries 74 octets of content.
  let limit = 75
  while (start < bytes.length) {
    let end = Math.min(start + limit, bytes.length)
    while (end < bytes.length && end > start && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
    pieces.push(bytes.subarray(start, end).toString('utf8'))
    start = end
    limit = 74
  }
  return pieces.join('\r\n ')
}

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
      `SEQUENCE:${Math.max(0, Math.floor(event.changedAt.getTime() / 1000))}`,
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      `DESCRIPTION:${escapeText(event.alarmText)}`,
      `TRIGGER:${duration(event.alarmMinutes)}`,
      'END:VALARM',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

const who = (contact: Pick<Contact, 'name'>) => contact.name

/** The event of a request's due date, for an open request with one; else null. */
export function requestDueEvent(request: ReferenceRequest, contact: Contact): CalendarEvent | null {
  if (request.dueBy === null || (request.status !== 'asked' && request.status !== 'agreed'))
    return null
  const notes = request.notes.trim()
  return {
    uid: `request-due-${request.id}@${UID_DOMAIN}`,
    summary: `Reference due: ${who(contact)} for ${request.role} at ${request.company}`,
    description: [
      `${who(contact)} ${request.status === 'agreed' ? 'agreed to give' : 'was asked for'} a reference for ${request.role} at ${request.company}, needed by ${request.dueBy}.`,
      ...(notes === '' ? [] : ['', notes]),
    ].join('\n'),
    when: { day: request.dueBy },
    changedAt: new Date(request.updatedAt),
    // 09:00 two days before the due day: the all-day event starts at local midnight.
    alarmMinutes: -(REQUEST_NOTICE_DAYS * 1440) + 9 * 60,
    alarmText: `${who(contact)}'s reference for ${request.company} is due on ${request.dueBy}`,
  }
}

/** The event of a thank-you deadline, for a given reference not thanked yet; else null. */
export function thankYouEvent(request: ReferenceRequest, contact: Contact): CalendarEvent | null {
  if (request.status !== 'given' || request.thankedAt !== null || request.thankBy === null)
    return null
  const day = format(new Date(request.thankBy), 'yyyy-MM-dd')
  return {
    uid: `thank-you-${request.id}@${UID_DOMAIN}`,
    summary: `Thank ${who(contact)} for the reference (${request.company})`,
    description: `${who(contact)} gave a reference for ${request.role} at ${request.company}. Thank them by the end of ${day}.`,
    when: { day },
    changedAt: new Date(request.updatedAt),
    alarmMinutes: 9 * 60,
    alarmText: `Thank ${who(contact)} today`,
  }
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
