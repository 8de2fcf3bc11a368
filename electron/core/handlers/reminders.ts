import type { Contact } from '@shared/domain'
import type { Handlers } from '@shared/ipc'
import type { ReminderEntry } from '@shared/reminderContract'
import type { ReminderIndex } from '../reminders/engine'
import type { DueItem } from '../reminders/types'
import { commit, type HandlerContext } from './context'
import { contactPuts, invalid } from './workflowSupport'

/** What the reminder handlers need beyond the HandlerContext. */
export interface ReminderDeps {
  reminders: ReminderIndex
  /** W's contact.snooze: reminder.snooze is the same command under the reminders' name. */
  snooze: Handlers['contact.snooze']
}

function entry(item: DueItem): ReminderEntry {
  return {
    key: item.key,
    contactId: item.contactId,
    name: item.title,
    kind: item.kind,
    detail: item.detail,
    dueAt: item.dueAt,
  }
}

/** reminder.list, reminder.snooze and reminder.snoozeAll. */
export function reminderHandlers(
  ctx: HandlerContext,
  deps: ReminderDeps,
): Pick<Handlers, 'reminder.list' | 'reminder.snooze' | 'reminder.snoozeAll'> {
  return {
    'reminder.list': () => {
      const now = ctx.now()
      return {
        now: now.toISOString(),
        due: deps.reminders.dueAt(now).map(entry),
        upcoming: deps.reminders.upcoming(now).map(entry),
      }
    },

    'reminder.snooze': ({ contactId, until }) => deps.snooze({ id: contactId, until }),

    'reminder.snoozeAll': async ({ until }) => {
      const now = ctx.now()
      if (Date.parse(until) <= now.getTime()) {
        throw invalid('until', 'Snooze until a time in the future.')
      }
      const before: Contact[] = []
      const seen = new Set<string>()
      for (const item of deps.reminders.dueAt(now)) {
        if (item.kind !== 'contact-due' || seen.has(item.contactId)) continue
        seen.add(item.contactId)
        const contact = ctx.store.state.contacts.get(item.contactId)
        if (contact) before.push(contact)
      }
      if (before.length === 0) return { snoozed: 0 }
      const updatedAt = now.toISOString()
      const ops = contactPuts(before.map((c) => ({ ...c, snoozedUntil: until, updatedAt })))
      await commit(ctx, ops)
      ctx.undo.push({
        label:
          before.length === 1
            ? `Snooze ${before[0]?.name ?? ''}`
            : `Snooze ${before.length} people`,
        undo: contactPuts(before),
        redo: ops,
      })
      return { snoozed: before.length }
    },
  }
}
