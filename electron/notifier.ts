import { Notification } from 'electron'
import type { CoreEvent } from '@shared/ipc'
import {
  cleanNotificationBody,
  cleanNotificationTitle,
  type NotificationPlatform,
} from '@shared/notificationText'
import { notificationClickEvent } from './core/reminders/clickEvent'
import type { VouchNotification } from './core/reminders/types'

/** The part of a reminder the shell shows. */
export type ShownNotification = Pick<VouchNotification, 'kind' | 'title' | 'body'> &
  Partial<Pick<VouchNotification, 'contactId' | 'late'>>

/** Why a notification became an in-app banner, in words for the one-time hint. */
export const NOTICE_HINTS = {
  unsupported:
    'Notifications are not supported here (on Linux, a notification daemon such as the one in GNOME, KDE or dunst must be running), so Vouch shows reminders inside the app.',
  failed:
    'The system did not show a notification (notifications may be turned off for Vouch in the system settings), so Vouch showed it inside the app.',
} as const
export type NoticeReason = keyof typeof NOTICE_HINTS

/** Title and body as the platform's notification server should get them. */
export function notificationContent(
  notification: ShownNotification,
  platform: NotificationPlatform,
): { title: string; body: string } {
  return {
    title: cleanNotificationTitle(notification.title) || 'Vouch',
    body: cleanNotificationBody(notification.body, 300, { platform }),
  }
}

/** The in-app banner event standing in for a notification; the hint only with the first one. */
export function noticeEvent(
  notification: ShownNotification,
  reason: NoticeReason,
  withHint: boolean,
): CoreEvent {
  // The renderer shows text, never markup: clean it without escaping.
  const event: CoreEvent = {
    type: 'notice',
    notification: {
      title: cleanNotificationTitle(notification.title) || 'Vouch',
      body: cleanNotificationBody(notification.body, 300, { platform: 'darwin' }),
      ...(notification.contactId === undefined ? {} : { contactId: notification.contactId }),
      ...(notification.kind === 'weekly-review' ? { opensReview: true } : {}),
    },
    reason,
  }
  return withHint ? { ...event, hint: NOTICE_HINTS[reason] } : event
}

/**
 * Whether to keep holding a notification after its 'close' event. On Windows a toast that timed
 * out moves to Action Center, and a click there is delivered to the Notification object only
 * while it is alive: drop it only when the user dismissed it ('userCanceled'). macOS and Linux
 * send no reason; their notification centres keep the entry too.
 * https://www.electronjs.org/docs/latest/api/notification#event-close
 */
export function keepAfterClose(reason: string | undefined): boolean {
  return reason !== 'userCanceled'
}

/** How many shown notifications stay clickable at most; the oldest are let go first. */
export const MAX_LIVE_NOTIFICATIONS = 50

/** The OS notification, as far as the notifier uses it (Electron's, or a fake in tests). */
export interface OsNotification {
  on(event: 'click', listener: () => void): unknown
  on(event: 'close', listener: (details: { reason?: string }) => void): unknown
  on(event: 'failed', listener: (event: unknown, error: string) => void): unknown
  show(): void
}

/** What the notifier needs; tests pass fakes. */
export interface NotifierDeps {
  platform: NotificationPlatform
  /** Sends an event to the renderer (core.emit, so the e2e bridge sees the same). */
  emit(event: CoreEvent): void
  /** Shows the window; opening a contact waits until its page can listen. */
  showWindow(): Promise<void>
  isSupported?: () => boolean
  create?: (options: { title: string; body: string }) => OsNotification
}

/**
 * Shows reminders as OS notifications; a click opens the window on the contact, or on the weekly
 * review for its notification (`notificationClickEvent`). Where
 * notifications are unsupported or fail, the renderer shows them as a banner instead.
 */
export class Notifier {
  // Electron drops the click handler of a notification that was garbage-collected; hold them
  // (Set order is insertion order: the oldest come first).
  private readonly live = new Set<OsNotification>()
  private hinted = false
  private readonly isSupported: () => boolean
  private readonly create: (options: { title: string; body: string }) => OsNotification

  constructor(private readonly deps: NotifierDeps) {
    this.isSupported = deps.isSupported ?? (() => Notification.isSupported())
    this.create = deps.create ?? ((options) => new Notification(options))
  }

  /** The core's notify option. */
  readonly notify = (notification: ShownNotification): void => {
    if (!this.isSupported()) {
      this.banner(notification, 'unsupported')
      return
    }
    const os = this.create(notificationContent(notification, this.deps.platform))
    this.hold(os)
    const forget = () => this.live.delete(os)
    os.on('click', () => {
      forget()
      void this.showThen(notificationClickEvent(notification))
    })
    os.on('close', (details) => {
      if (!keepAfterClose(details.reason)) forget()
    })
    os.on('failed', () => {
      forget()
      this.banner(notification, 'failed')
    })
    try {
      os.show()
    } catch {
      forget()
      this.banner(notification, 'failed')
    }
  }

  /** How many notifications are held (still clickable); for tests. */
  get liveCount(): number {
    return this.live.size
  }

  /** Shows the window, then the contact when one is named (a tray entry). */
  open(contactId: string | undefined): Promise<void> {
    return this.showThen(contactId === undefined ? null : { type: 'open-contact', contactId })
  }

  /** Shows the window, then sends what the click opens once the page can listen. */
  private async showThen(event: CoreEvent | null): Promise<void> {
    await this.deps.showWindow()
    if (event !== null) this.deps.emit(event)
  }

  private hold(os: OsNotification): void {
    this.live.add(os)
    for (const oldest of this.live) {
      if (this.live.size <= MAX_LIVE_NOTIFICATIONS) break
      this.live.delete(oldest)
    }
  }

  private banner(notification: ShownNotification, reason: NoticeReason): void {
    this.deps.emit(noticeEvent(notification, reason, !this.hinted))
    this.hinted = true
  }
}

/**
 * Windows: clicks on toasts whose Notification object is gone (Vouch restarted, or launched by
 * the click) reach Notification.handleActivation instead; they open the window. Electron's own
 * toasts carry no arguments for a body click, so the contact is not known there.
 * https://www.electronjs.org/docs/latest/api/notification#notificationhandleactivationcallback-windows
 *
 * Electron registers the toast activator (CoRegisterClassObject) only when it first creates
 * its notification presenter, which handleActivation does not do: without a notification yet in
 * this run, Windows finds no activator for the click and Vouch never hears it. isSupported()
 * creates the presenter (Notification::IsSupported and NotificationPresenter::Create, which calls
 * NotificationActivator::RegisterActivator, in shell/browser of electron/electron), so call it
 * right away, at start, not only when the first reminder is due.
 */
export function handleOrphanActivations(
  platform: string,
  notification: { handleActivation(callback: () => void): void; isSupported(): boolean },
  showWindow: () => void,
): void {
  if (platform !== 'win32') return
  notification.handleActivation(showWindow)
  notification.isSupported()
}
