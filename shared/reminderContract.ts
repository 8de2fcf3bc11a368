import { z } from 'zod'
import { Contact, Id, Instant, LIMITS } from './domain'

// Reminders: their part of the IPC contract. shared/ipc.ts spreads it in.

const Label = z.string().max(LIMITS.notes)

/** One thing due or coming due, as reminder.list reports it. */
export const ReminderEntry = z.object({
  /** Stable across ticks: the delivery log's key. */
  key: z.string().max(300),
  contactId: Id,
  name: Label,
  kind: z.enum(['contact-due', 'thanks-owed', 'request-due']),
  detail: Label,
  dueAt: Instant,
})
export type ReminderEntry = z.infer<typeof ReminderEntry>

/** What is due now and what falls due within the next 14 days, with the core's clock. */
export const ReminderList = z.object({
  now: Instant,
  due: z.array(ReminderEntry),
  upcoming: z.array(ReminderEntry),
})
export type ReminderList = z.infer<typeof ReminderList>

/** The reminder commands, in the same shape as the table in shared/ipc.ts. */
export const reminderContract = {
  'reminder.list': { input: z.strictObject({}), output: ReminderList, mutates: false },
  /** Same as contact.snooze, under the reminders' names (the tray and notifications use it). */
  'reminder.snooze': {
    input: z.strictObject({ contactId: Id, until: Instant.nullable() }),
    output: Contact,
    mutates: true,
  },
  /** Snoozes every contact whose keep-in-touch reminder is due now, until `until`. */
  'reminder.snoozeAll': {
    input: z.strictObject({ until: Instant }),
    output: z.object({ snoozed: z.number().int().min(0) }),
    mutates: true,
  },
} as const
