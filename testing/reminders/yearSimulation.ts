/**
 * A year of the whole core under a fake clock: contacts, touches, requests and thank-yous made
 * through core.invoke, core.tick() every two minutes (so regular ticks never look like a wake),
 * a long sleep and restarts of the core on the same data folder. The world is modelled here on
 * its own terms (a contact is due at local midnight cadence days after its last touch), and the
 * deliveries are judged by simulation.ts's checkers plus a digest-coverage check for contacts.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DEFAULT_SETTINGS, type Stage } from '@shared/domain'
import { openCore, type Core } from '../../electron/core'
import { createRandom } from '../random'
import { DueIndex } from '../../electron/core/reminders/dueIndex'
import { requestAlertAt } from '../../electron/core/reminders/policy'
import {
  auditAlerts,
  daysWithSeveralDigests,
  weeksWithSeveralReviews,
  deliveriesInQuietHours,
  duplicateDeliveries,
  FakeClock,
  missedDigests,
  Timeline,
  DAY_MS,
  HOUR_MS,
  MINUTE_MS,
  type TrackedItem,
} from './simulation'

/** Ticks are this far apart: within WAKE_GAP_MS, and every HH:mm boundary on an even minute. */
export const TICK_MS = 2 * MINUTE_MS

/** A year to simulate. */
export interface YearScenario {
  seed: number
  /** Local midnight of the first day. */
  start: Date
  days: number
  contacts: number
  /** No ticks and no use of the app in between: the computer asleep. */
  sleep: { from: Date; to: Date }
  /** The core closed at `at` and opened again `downMinutes` later on the same folder. */
  restarts: readonly { at: Date; downMinutes: number }[]
}

/** What a year produced: counts to print, and problems that must all be 0. */
export interface YearReport {
  ticks: number
  restarts: number
  deliveries: number
  digests: number
  lateDigests: number
  /** Weekly-review notifications shown (the app's default: Fridays at 16:00). */
  reviews: number
  contactEpisodes: number
  thanksOwed: number
  thanksAlerted: number
  requestsAlerted: number
  problems: {
    thanksPastDeadlineWithoutAlert: number
    overdueContactsWithoutReminder: number
    duplicateDeliveries: number
    daysWithSeveralDigests: number
    weeksWithSeveralReviews: number
    onTimeDeliveriesInQuietHours: number
    missedDigests: number
    alertsNeverSent: number
    alertsAtWrongTime: number
    wrongLateFlags: number
  }
}

interface ContactModel {
  id: string
  cadence: number | null
  /** Clock start: the last clock-resetting touch, or the creation. */
  lastTouch: number
  /** Whether the cadence is the contact's own rather than its stage's default. */
  explicit: boolean
}

/** A stretch during which a contact was due and not touched. */
interface Episode {
  contactId: string
  dueAt: number
  touchedAt: number
}

/** Local midnight `days` calendar days after the local day of t: the model's cadence rule. */
function midnightAfter(t: number, days: number): number {
  const d = new Date(t)
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days).getTime()
}

const onGrid = (start: number, t: number) => start + Math.ceil((t - start) / TICK_MS) * TICK_MS

const STAGES: readonly Stage[] = ['identified', 'building', 'in-touch', 'thanked']
const CADENCES: readonly (number | null)[] = [7, 14, 21, 30, 45, 60, 90, null]
const TOUCH_KINDS = ['message', 'call', 'meeting', 'event', 'article-shared'] as const

/** A fresh data folder, in memory where there is a tmpfs: the year makes thousands of fsynced commits. */
export async function yearDataDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const base = (await stat('/dev/shm')
    .then((s) => s.isDirectory())
    .catch(() => false))
    ? '/dev/shm'
    : tmpdir()
  const dir = await mkdtemp(join(base, 'vouch-year-'))
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) }
}

/** Runs the year; `dataDir` must be an empty folder. */
export async function runCoreYear(scenario: YearScenario, dataDir: string): Promise<YearReport> {
  const random = createRandom(scenario.seed)
  const start = scenario.start.getTime()
  const end = start + scenario.days * DAY_MS
  const clock = new FakeClock(start)
  const timeline = new Timeline()
  let dueCount = 0
  let core: Core = await open()

  async function open(): Promise<Core> {
    const opened = await openCore({
      dataDir,
      now: clock.now,
      notify: (n) => timeline.deliver(clock.ms, [n]),
    })
    opened.subscribe((event) => {
      if (event.type === 'reminders') dueCount = event.due
    })
    return opened
  }

  // Events of the world, applied in time order before the tick at or after their instant.
  const queue = new DueIndex()
  const events = new Map<string, () => Promise<void>>()
  let eventCount = 0
  const schedule = (at: number, apply: () => Promise<void>) => {
    const key = `e${String(eventCount++).padStart(8, '0')}`
    events.set(key, apply)
    queue.upsert(key, onGrid(start, at))
  }

  const models = new Map<string, ContactModel>()
  const episodes: Episode[] = []
  /** The model's side of a clock-resetting touch logged now. */
  const touched = (contactId: string) => {
    const model = models.get(contactId)
    if (model === undefined) return
    const now = clock.ms
    if (model.cadence !== null) {
      const dueAt = midnightAfter(model.lastTouch, model.cadence)
      if (dueAt <= now) episodes.push({ contactId, dueAt, touchedAt: now })
    }
    model.lastTouch = now
  }
  const touch = async (model: ContactModel, kind: (typeof TOUCH_KINDS)[number]) => {
    await core.call('interaction.log', { contactId: model.id, kind })
    touched(model.id)
    scheduleTouch(model)
  }
  const scheduleTouch = (model: ContactModel) => {
    const cadence = model.cadence ?? 30
    const dueAt = midnightAfter(model.lastTouch, cadence)
    // Mostly a few hours to ten days after falling due; sometimes early.
    const at =
      random.next() < 0.15
        ? random.between(model.lastTouch + HOUR_MS, dueAt)
        : random.between(dueAt + HOUR_MS, dueAt + 10 * DAY_MS)
    schedule(at, () => touch(model, random.pick(TOUCH_KINDS)))
    // A note now and then: it must not reset the clock.
    if (random.next() < 0.3) {
      schedule(random.between(model.lastTouch, at), async () => {
        await core.call('interaction.log', {
          contactId: model.id,
          kind: 'note',
          note: 'Read their post',
        })
      })
    }
  }

  for (let i = 0; i < scenario.contacts; i++) {
    const cadence = random.pick(CADENCES)
    const stage = random.pick(STAGES)
    const contact = await core.call('contact.create', {
      name: `Person ${i}`,
      stage,
      cadenceDays: cadence,
    })
    const effective = cadence ?? DEFAULT_SETTINGS.cadenceByStage[stage]
    const model: ContactModel = {
      id: contact.id,
      cadence: effective,
      lastTouch: start,
      explicit: cadence !== null,
    }
    models.set(contact.id, model)
    scheduleTouch(model)
  }
  // Requests go to contacts with a cadence of their own: a request moves the card to Asked,
  // which would change a stage default under the model's feet.
  const contactIds = [...models.values()].filter((m) => m.explicit).map((m) => m.id)

  // Requests: one every ~3 days; most are given, and the thank-you follows at a random time.
  const thanks: TrackedItem[] = []
  const requests: TrackedItem[] = []
  for (let t = start + random.between(HOUR_MS, 3 * DAY_MS); t < end - 7 * DAY_MS;) {
    const createAt = onGrid(start, t)
    t += random.between(HOUR_MS, 6 * DAY_MS)
    schedule(createAt, async () => {
      const contactId = random.pick(contactIds)
      const createdAt = clock.ms
      const dueDay = new Date(createdAt + random.between(1, 20) * DAY_MS)
      const dueBy = `${dueDay.getFullYear()}-${String(dueDay.getMonth() + 1).padStart(2, '0')}-${String(dueDay.getDate()).padStart(2, '0')}`
      const request = await core.call('request.create', {
        contactId,
        company: `Acme ${requests.length}`,
        role: 'Engineer',
        dueBy,
      })
      // Asking is contact: the request logs a message touch, which resets the clock.
      touched(contactId)
      const deadline = midnightAfter(requestAlertAt(dueBy).getTime(), 3)
      const asked: TrackedItem = {
        key: `request-due:${request.id}:${dueBy}`,
        dueAt: Math.max(requestAlertAt(dueBy).getTime(), createdAt),
        deadline,
        removedAt: deadline - 1,
      }
      requests.push(asked)
      const settleAt = random.between(createdAt + HOUR_MS, deadline + 2 * DAY_MS)
      const outcome = random.next()
      schedule(settleAt, async () => {
        if (clock.ms >= deadline && outcome < 0.8) return
        asked.removedAt = Math.min(clock.ms, deadline) - 1
        if (outcome >= 0.8) {
          await core.call('request.update', { id: request.id, status: 'withdrawn' })
          // So does each answer logged on a request.
          touched(contactId)
          return
        }
        const given = await core.call('request.update', {
          id: request.id,
          status: 'given',
        })
        // Giving a reference logs a reference-given touch, which resets the clock.
        touched(contactId)
        const item: TrackedItem = {
          key: `thanks:${request.id}`,
          dueAt: clock.ms,
          deadline: given.thankBy === null ? null : Date.parse(given.thankBy),
          removedAt: null,
        }
        thanks.push(item)
        schedule(random.between(clock.ms + HOUR_MS, clock.ms + 4 * DAY_MS), async () => {
          await core.call('interaction.log', {
            contactId,
            kind: 'thank-you',
            requestId: request.id,
          })
          // Gone before this instant's tick runs.
          item.removedAt = clock.ms - 1
          touched(contactId)
        })
      })
    })
  }

  const restarts = scenario.restarts
    .map(({ at, downMinutes }) => ({
      at: onGrid(start, at.getTime()),
      down: downMinutes * MINUTE_MS,
    }))
    .sort((a, b) => a.at - b.at)
  const sleepFrom = onGrid(start, scenario.sleep.from.getTime())
  const sleepTo = onGrid(start, scenario.sleep.to.getTime())
  let restartIndex = 0
  let lastTick: number | null = null
  let ticks = 0
  for (let t = start; t < end; t += TICK_MS) {
    if (t >= sleepFrom && t < sleepTo) t = sleepTo
    const restart = restarts[restartIndex]
    if (restart !== undefined && t >= restart.at) {
      restartIndex++
      await core.close()
      t = onGrid(start, t + restart.down)
      clock.set(t)
      core = await open()
      lastTick = null
    }
    clock.set(t)
    await applyEvents(t)
    await core.tick()
    timeline.tick(t, lastTick, dueCount)
    lastTick = t
    ticks++
  }
  await core.close()
  for (const model of models.values()) {
    if (model.cadence === null) continue
    const dueAt = midnightAfter(model.lastTouch, model.cadence)
    if (dueAt < end) episodes.push({ contactId: model.id, dueAt, touchedAt: Infinity })
  }

  async function applyEvents(now: number): Promise<void> {
    // Events schedule more events, possibly already due: drain until none is.
    for (let due = queue.dueBefore(now); due.length > 0; due = queue.dueBefore(now)) {
      for (const key of due) {
        const apply = events.get(key)
        queue.remove(key)
        events.delete(key)
        await apply?.()
      }
    }
  }

  const quiet = DEFAULT_SETTINGS.quietHours
  const thanksAudit = auditAlerts(thanks, timeline, quiet, end)
  const requestAudit = auditAlerts(requests, timeline, quiet, end)
  const digests = timeline.deliveries.filter(({ notification }) => notification.kind === 'digest')
  return {
    ticks,
    restarts: restartIndex,
    deliveries: timeline.deliveries.length,
    digests: digests.length,
    lateDigests: digests.filter(({ notification }) => notification.late === true).length,
    reviews: timeline.deliveries.filter(({ notification }) => notification.kind === 'weekly-review')
      .length,
    contactEpisodes: episodes.length,
    thanksOwed: thanks.length,
    thanksAlerted: thanksAudit.alerted,
    requestsAlerted: requestAudit.alerted,
    problems: {
      thanksPastDeadlineWithoutAlert: thanksAudit.pastDeadlineUnalerted.length,
      overdueContactsWithoutReminder: uncoveredEpisodes(episodes, timeline, end).length,
      duplicateDeliveries: duplicateDeliveries(timeline.deliveries).length,
      daysWithSeveralDigests: daysWithSeveralDigests(timeline.deliveries).length,
      weeksWithSeveralReviews: weeksWithSeveralReviews(timeline.deliveries).length,
      onTimeDeliveriesInQuietHours: deliveriesInQuietHours(timeline.deliveries, quiet).onTime
        .length,
      missedDigests: missedDigests(timeline, DEFAULT_SETTINGS.digestTime, quiet).length,
      alertsNeverSent: thanksAudit.neverAlerted.length + requestAudit.neverAlerted.length,
      alertsAtWrongTime: thanksAudit.wrongTime.length + requestAudit.wrongTime.length,
      wrongLateFlags: thanksAudit.wrongLateFlag.length + requestAudit.wrongLateFlag.length,
    },
  }
}

/**
 * Due stretches no digest mentioned: the first digest shown at or after the contact fell due
 * must name them, unless they were touched before it came.
 */
function uncoveredEpisodes(
  episodes: readonly Episode[],
  timeline: Timeline,
  end: number,
): Episode[] {
  const digests = timeline.deliveries.filter(({ notification }) => notification.kind === 'digest')
  return episodes.filter((episode) => {
    if (episode.dueAt >= end) return false
    const next = digests.find(({ at }) => at >= episode.dueAt)
    if (next === undefined || episode.touchedAt <= next.at) return false
    const prefix = `contact:${episode.contactId}:`
    return !next.notification.keys.some((key) => key.startsWith(prefix))
  })
}

/** One line for the test output. */
export function formatYearReport(zone: string, report: YearReport): string {
  const problems = Object.entries(report.problems)
    .map(([name, n]) => `${name}=${n}`)
    .join(' ')
  return (
    `[${zone}] ticks=${report.ticks} restarts=${report.restarts} deliveries=${report.deliveries}` +
    ` digests=${report.digests} (late ${report.lateDigests}) reviews=${report.reviews} contact due stretches=${report.contactEpisodes}` +
    ` thanks owed=${report.thanksOwed} alerted=${report.thanksAlerted} requests alerted=${report.requestsAlerted}` +
    ` | ${problems}`
  )
}
