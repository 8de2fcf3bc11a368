import { z } from 'zod'
import { Instant } from '@shared/domain'

/** What can be due, as told to the reminder engine by the core. */
export type DueKind = 'contact-due' | 'thanks-owed' | 'request-due'

/** One thing that is (or will be) due; the core computes these, the engine only schedules them. */
export interface DueItem {
  /** Stable across ticks and restarts: "contact:<id>:<dueOn>", "thanks:<requestId>", "request-due:<requestId>". */
  key: string
  kind: DueKind
  contactId: string
  /** Usually the person's name. */
  title: string
  /** One line shown under the title, e.g. the company and the deadline. */
  detail: string
  /** ISO instant it falls due: for thanks-owed when it became owed, for request-due when to announce it. */
  dueAt: string
  /** ISO instant of the deadline (thank-by, or the request's due date), when there is one. */
  deadline?: string
}

/** A notification to show, as plain text; the adapter cleans and escapes it for the platform. */
export interface VouchNotification {
  kind: 'digest' | 'thanks-owed' | 'request-due' | 'weekly-review'
  title: string
  body: string
  /** The contact to open on click; absent for digests and grouped alerts. */
  contactId?: string
  /** Delivered after it was missed: while the computer slept, the app was closed, or in quiet hours after that. */
  late?: boolean
  /** The DueItem keys it covers. */
  keys: string[]
}

const MAX_KEY_LENGTH = 256

/** What was already delivered, persisted by the core between ticks and restarts (plain JSON). */
export const DeliveryLog = z.object({
  /** Key → ISO instant its own alert was delivered (or skipped while notifications were off). */
  delivered: z.record(z.string().max(MAX_KEY_LENGTH), Instant),
  /** Local calendar day ("yyyy-MM-dd") of the last digest slot handled, sent or not. */
  lastDigestDay: z.iso.date().nullable(),
  /** When a digest was last actually shown. */
  lastDigestAt: Instant.nullable(),
  /** Start of the current run of regular ticks; what fell eligible before it was missed. */
  awakeSince: Instant.nullable(),
  /** Monday ("yyyy-MM-dd") of the last week whose weekly-review slot was handled, sent or not. */
  lastReviewWeek: z.iso.date().nullable().default(null),
})
export type DeliveryLog = z.infer<typeof DeliveryLog>

/** A log with nothing delivered yet. */
export function emptyDeliveryLog(): DeliveryLog {
  return {
    delivered: Object.create(null) as Record<string, string>, // null prototype: a key "__proto__" must stay a key
    lastDigestDay: null,
    lastDigestAt: null,
    awakeSince: null,
    lastReviewWeek: null,
  }
}

/** Parses a persisted log; null when it is not one. The delivered record gets a null prototype. */
export function parseDeliveryLog(raw: unknown): DeliveryLog | null {
  const parsed = DeliveryLog.safeParse(raw)
  if (!parsed.success) return null
  const log = { ...parsed.data, delivered: emptyDeliveryLog().delivered }
  // Copy from the raw object: a plain {} built by the parser would turn "__proto__" into a prototype.
  const rawDelivered: unknown =
    typeof raw === 'object' && raw !== null ? Reflect.get(raw, 'delivered') : undefined
  if (typeof rawDelivered === 'object' && rawDelivered !== null) {
    for (const [key, at] of Object.entries(rawDelivered)) {
      if (typeof at === 'string') log.delivered[key] = at
    }
  }
  return log
}
