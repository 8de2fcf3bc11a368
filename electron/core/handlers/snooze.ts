import type { Contact } from '@shared/domain'
import type { Handlers } from '@shared/ipc'
import { commit, type HandlerContext } from './context'
import { contactPuts, invalid, requireActiveContact } from './workflowSupport'

/** Snooze a contact's keep-in-touch reminders until an instant, or clear the snooze. */
export function snoozeHandlers(ctx: HandlerContext): Pick<Handlers, 'contact.snooze'> {
  return {
    'contact.snooze': async ({ id, until }) => {
      const before = requireActiveContact(ctx, id)
      if (until !== null && Date.parse(until) <= ctx.now().getTime()) {
        throw invalid('until', 'Snooze until a time in the future.')
      }
      const after: Contact = { ...before, snoozedUntil: until, updatedAt: ctx.now().toISOString() }
      const ops = contactPuts([after])
      await commit(ctx, ops)
      ctx.undo.push({
        label: until === null ? `Unsnooze ${before.name}` : `Snooze ${before.name}`,
        undo: contactPuts([before]),
        redo: ops,
      })
      return after
    },
  }
}
