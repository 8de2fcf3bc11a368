import { addWeeks, differenceInCalendarDays, endOfDay, format, parseISO } from 'date-fns'
import { effectiveCadence } from '@shared/cadence'
import { normalizeSkill } from '@shared/coverage'
import {
  ADDED_SLOT,
  MOVES_SLOT,
  OVERDUE_SLOT,
  referenceTotals,
  toWeekPoint,
  weeklyReviewDue,
  type WeekPoint,
} from '@shared/dashboard'
import { MAX_DASHBOARD_WEEKS, type WeeklyReviewOutput } from '@shared/dashboardContract'
import type { CareerUpdate, Contact } from '@shared/domain'
import type { Handlers } from '@shared/ipc'
import { DomainError } from '@shared/result'
import {
  keepInTouchEvent,
  requestDueEvent,
  requestEvents,
  thankYouEvent,
  toICalendar,
  type CalendarEvent,
} from '../calendar/ics'
import type { DashboardIndex } from '../derived/dashboardIndex'
import type { TouchIndex } from '../derived/touchIndex'
import type { ReminderIndex } from '../reminders/engine'
import type { DueItem } from '../reminders/types'
import { atLocalTime, localDayKey, minutesOfDay } from '../reminders/localTime'
import { commit, type HandlerContext } from './context'
import { latestUpdate } from './requests'
import { invalid, requireRequest } from './workflowSupport'

/** What the dashboard handlers need beyond the HandlerContext. */
export interface DashboardDeps {
  dashboard: DashboardIndex
  touches: TouchIndex
  reminders: ReminderIndex
}

/** Days of keep-in-touch blocks an export holds, today included. */
const KEEP_IN_TOUCH_DAYS = 14
/** People named in the dashboard's "not heard" list. */
const NOT_HEARD_SHOWN = 50

const DAY_MS = 86_400_000

const utf8Base64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

/** dashboard.get, review.get, review.complete, export.ics and request.ics. */
export function dashboardHandlers(
  ctx: HandlerContext,
  deps: DashboardDeps,
): Pick<
  Handlers,
  'dashboard.get' | 'review.get' | 'review.complete' | 'export.ics' | 'request.ics'
> {
  const { state } = ctx.store
  const { dashboard } = deps
  const calendar = dashboard.tally.calendar

  /** Who on the board past Identified has not heard the newest update: a count and the most credible. */
  const notHeard = (latest: CareerUpdate | null, keep: number) => {
    if (latest === null) return { count: 0, people: [] }
    const { count, ids } = dashboard.notHeard(keep)
    const people: Contact[] = []
    for (const id of ids) {
      const contact = state.contacts.get(id)
      if (contact) people.push(contact)
    }
    people.sort((a, b) => credibility(b) - credibility(a) || a.name.localeCompare(b.name, 'en'))
    return { count, people }
  }

  const updateRef = (update: CareerUpdate | null) =>
    update === null ? null : { id: update.id, title: update.title, at: update.at }

  const onBoardRequest = (request: { contactId: string }) => dashboard.onBoard(request.contactId)

  const rowAtNow = (now: Date) => {
    const week = calendar.weekOf(now.getTime())
    return dashboard.tally.series(week, week, now.getTime())[0]?.row ?? new Float64Array(0)
  }

  return {
    'dashboard.get': async (input) => {
      await dashboard.ensureBuilt()
      const now = ctx.now()
      const nowMs = now.getTime()
      const toMs =
        input.to === undefined ? nowMs : Math.min(endOfDay(parseISO(input.to)).getTime(), nowMs)
      const lastWeek = calendar.weekOf(toMs)
      const firstWeek =
        input.from === undefined
          ? calendar.weekOf(addWeeks(lastWeek, -51).getTime())
          : calendar.weekOf(parseISO(input.from).getTime())
      if (
        firstWeek <= lastWeek &&
        addWeeks(firstWeek, MAX_DASHBOARD_WEEKS - 1).getTime() < lastWeek
      )
        throw invalid('from', 'Show at most five years at once')
      const rows = dashboard.tally.series(firstWeek, lastWeek, nowMs)
      const weeks: WeekPoint[] = rows.map(({ week, row }) => toWeekPoint(week, row))
      // The current week's row is the state now; otherwise read now's week on its own.
      const last = rows[rows.length - 1]
      const nowRow = last?.week === calendar.weekOf(nowMs) ? last.row : rowAtNow(now)
      const byStage = dashboard.byStage()
      const year = new Date(toMs).getFullYear()
      const latest = latestUpdate(state.updates)
      const heard = notHeard(latest, NOT_HEARD_SHOWN)
      const skills = new Map<string, string>()
      for (const skill of state.settings.targetSkills) {
        const key = normalizeSkill(skill)
        if (key !== '' && !skills.has(key)) skills.set(key, skill.trim())
      }
      return {
        now: now.toISOString(),
        from: format(firstWeek, 'yyyy-MM-dd'),
        to: format(lastWeek, 'yyyy-MM-dd'),
        weeks,
        totals: {
          people: Object.values(byStage).reduce((a, b) => a + b, 0),
          byStage,
          overdue: nowRow[OVERDUE_SLOT] ?? 0,
          touches: weeks.reduce(
            (sum, w) => sum + Object.values(w.touches).reduce((a, b) => a + b, 0),
            0,
          ),
          year,
          references: referenceTotals({
            requests: state.requests.values(),
            counts: onBoardRequest,
            from: new Date(year, 0, 1).getTime(),
            to: new Date(year + 1, 0, 1).getTime(),
            now,
            settings: state.settings,
          }),
          coverage: {
            skills: skills.size,
            gaps: [...skills].filter(([key]) => dashboard.skillCount(key) === 0).map(([, s]) => s),
          },
          latestUpdate: updateRef(latest),
          notHeard: {
            count: heard.count,
            people: heard.people.map((c) => ({ contactId: c.id, name: c.name })),
          },
        },
        review: {
          due: weeklyReviewDue(now, state.settings.weeklyReview),
          lastDoneAt: state.settings.weeklyReview.lastDoneAt,
        },
      }
    },

    'review.get': async () => {
      await dashboard.ensureBuilt()
      const now = ctx.now()
      const week = calendar.weekOf(now.getTime())
      const point = toWeekPoint(week, rowAtNow(now))
      const row = rowAtNow(now)
      const references = referenceTotals({
        requests: state.requests.values(),
        counts: onBoardRequest,
        from: week,
        to: now.getTime() + 1,
        now,
        settings: state.settings,
      })
      // Who is due now comes from the reminder engine's index: a search, not a scan of everyone.
      const due = deps.reminders.dueAt(now)
      const overdue = dueContacts(due, now)
      const reconnect = [...overdue]
        .sort(
          (a, b) =>
            b.ratio * credibility(b.contact) - a.ratio * credibility(a.contact) ||
            a.contact.name.localeCompare(b.contact.name, 'en'),
        )
        .slice(0, 3)
      const thanksOwed: WeeklyReviewOutput['thanksOwed'] = []
      for (const item of due) {
        if (item.kind !== 'thanks-owed' || !dashboard.onBoard(item.contactId)) continue
        const request = state.requests.get(item.key.slice('thanks:'.length))
        if (!request || thanksOwed.length >= 100) continue
        thanksOwed.push({
          contactId: item.contactId,
          name: item.title,
          requestId: request.id,
          company: request.company,
          role: request.role,
          thankBy: request.thankBy,
          overdue: request.thankBy !== null && Date.parse(request.thankBy) < now.getTime(),
        })
      }
      const latest = latestUpdate(state.updates)
      const review: WeeklyReviewOutput = {
        now: now.toISOString(),
        weekStart: format(week, 'yyyy-MM-dd'),
        lastDoneAt: state.settings.weeklyReview.lastDoneAt,
        happened: {
          touches: Object.values(point.touches).reduce((a, b) => a + b, 0),
          byKind: point.touches,
          added: row[ADDED_SLOT] ?? 0,
          moves: row[MOVES_SLOT] ?? 0,
          asked: references.asked,
          given: references.given,
          thanked: references.thanked,
        },
        overdue: {
          count: overdue.length,
          people: overdue.slice(0, 20).map((o) => ({
            contactId: o.contact.id,
            name: o.contact.name,
            daysSince: daysSince(o, now),
            cadenceDays: o.cadenceDays,
          })),
        },
        thanksOwed,
        reconnect: reconnect.map((o) => ({
          contactId: o.contact.id,
          name: o.contact.name,
          title: o.contact.title,
          company: o.contact.company,
          stage: o.contact.stage,
          daysSince: daysSince(o, now),
          cadenceDays: o.cadenceDays,
          credibility: o.contact.credibility,
        })),
        latestUpdate: updateRef(latest),
        notHeard: notHeard(latest, 0).count,
      }
      return review
    },

    'review.complete': async () => {
      const lastDoneAt = ctx.now().toISOString()
      const settings = state.settings
      await commit(ctx, [
        {
          op: 'settings',
          value: { ...settings, weeklyReview: { ...settings.weeklyReview, lastDoneAt } },
        },
      ])
      return { lastDoneAt }
    },

    'export.ics': async ({ keepInTouch }) => {
      await dashboard.ensureBuilt()
      const now = ctx.now()
      const events: CalendarEvent[] = []
      for (const request of state.requests.values()) {
        const contact = state.contacts.get(request.contactId)
        if (!contact) continue
        events.push(...requestEvents(request, contact, dashboard.onBoard(contact.id), now))
      }
      if (keepInTouch) events.push(...keepInTouchBlocks(now))
      events.sort((a, b) => a.uid.localeCompare(b.uid, 'en'))
      return {
        fileName: `vouch-calendar-${format(now, 'yyyy-MM-dd')}.ics`,
        mimeType: 'text/calendar',
        dataBase64: utf8Base64(toICalendar(events, now)),
      }
    },

    'request.ics': ({ id }) => {
      const request = requireRequest(ctx, id)
      const contact = state.contacts.get(request.contactId)
      if (!contact) throw new DomainError('not-found', 'That person no longer exists.')
      const event = thankYouEvent(request, contact) ?? requestDueEvent(request, contact)
      if (event === null) {
        throw new DomainError(
          'invalid-input',
          request.status === 'given'
            ? 'This reference was already thanked: nothing left to put in the calendar.'
            : 'This request has no due date: add one to put it in the calendar.',
        )
      }
      return {
        fileName: `vouch-${slug(contact.name) || 'request'}-${slug(request.company) || 'reference'}.ics`,
        mimeType: 'text/calendar',
        dataBase64: utf8Base64(toICalendar([event], ctx.now())),
      }
    },
  }

  /** People on the board due for a touch, most overdue for their cadence first. */
  function dueContacts(due: readonly DueItem[], now: Date): DuePerson[] {
    const people: DuePerson[] = []
    for (const item of due) {
      if (item.kind !== 'contact-due' || !dashboard.onBoard(item.contactId)) continue
      const contact = state.contacts.get(item.contactId)
      const cadenceDays = contact ? effectiveCadence(contact, state.settings) : null
      if (!contact || cadenceDays === null) continue
      const clockStart = Date.parse(deps.touches.lastTouchOf(contact.id) ?? contact.createdAt)
      const ratio = (now.getTime() - clockStart) / (cadenceDays * DAY_MS)
      people.push({ contact, cadenceDays, clockStart, ratio })
    }
    return people.sort(
      (a, b) => b.ratio - a.ratio || a.contact.name.localeCompare(b.contact.name, 'en'),
    )
  }

  /** A block per day of the next two weeks with someone due, at the digest time. */
  function keepInTouchBlocks(now: Date): CalendarEvent[] {
    const today = localDayKey(now)
    const byDay = new Map<string, string[]>()
    for (const item of [...deps.reminders.dueAt(now), ...deps.reminders.upcoming(now)]) {
      if (item.kind !== 'contact-due' || !dashboard.onBoard(item.contactId)) continue
      const due = new Date(item.dueAt)
      const day = due.getTime() <= now.getTime() ? today : localDayKey(due)
      const names = byDay.get(day)
      if (names) names.push(item.title)
      else byDay.set(day, [item.title])
    }
    const minutes = minutesOfDay(state.settings.digestTime)
    const blocks: CalendarEvent[] = []
    for (const [day, names] of byDay) {
      if (parseISO(day).getTime() > addWeeks(parseISO(today), 2).getTime()) continue
      names.sort((a, b) => a.localeCompare(b, 'en'))
      blocks.push(
        keepInTouchEvent({
          day,
          start: atLocalTime(parseISO(day), minutes),
          names,
          changedAt: now,
        }),
      )
    }
    return blocks.slice(0, KEEP_IN_TOUCH_DAYS + 1)
  }
}

/** A person due for a touch, with how far past their cadence they are. */
interface DuePerson {
  contact: Contact
  cadenceDays: number
  clockStart: number
  /** Time since the clock started over the cadence: 1 on the due day, 1.5 when overdue. */
  ratio: number
}

/** Local calendar days since the person's keep-in-touch clock started, as Today counts them. */
function daysSince(person: DuePerson, now: Date): number {
  return differenceInCalendarDays(now, person.clockStart)
}

/** Letters and digits of a name for a file name, accents dropped, joined by dashes. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
}

/** Credibility for ranking: an unrated person counts as middling (3 of 5). */
function credibility(contact: Pick<Contact, 'credibility'>): number {
  return contact.credibility ?? 3
}
