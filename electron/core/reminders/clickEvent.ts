import type { CoreEvent } from '@shared/ipc'
import type { VouchNotification } from './types'

/**
 * What clicking a reminder opens once the window shows: the weekly review for its notification,
 * the contact an alert names, or nothing more (a digest, a grouped alert). The shell's notifier
 * and the e2e harness's fake click both route through here.
 */
export function notificationClickEvent(
  notification: Pick<VouchNotification, 'kind'> & Partial<Pick<VouchNotification, 'contactId'>>,
): CoreEvent | null {
  if (notification.kind === 'weekly-review') return { type: 'open-review' }
  if (notification.contactId !== undefined)
    return { type: 'open-contact', contactId: notification.contactId }
  return null
}
