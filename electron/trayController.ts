import type { ReminderList } from '@shared/reminderContract'
import type { TrayAction } from '@shared/trayMenu'
import type { Core } from './core/types'
import { VouchTray } from './tray'

const DAY_MS = 24 * 60 * 60 * 1000

/** What the tray's menu items reach. */
export interface TrayControllerDeps {
  platform: string
  core: Pick<Core, 'call' | 'subscribe' | 'emit'>
  /** Shows the window and resolves once its page listens. */
  showWindow: () => Promise<unknown>
  /** Shows the window on a contact. */
  notifier: { open: (contactId: string) => Promise<void> }
  quit: { quit: () => void }
  /** Creates the tray icon; tests pass a fake. */
  createTray?: (deps: ConstructorParameters<typeof VouchTray>[0]) => Pick<VouchTray, 'refresh'>
}

/** The tray's behaviour: what each item does, and a redraw whenever reminders change. */
export class TrayController {
  private readonly tray: Pick<VouchTray, 'refresh'> | null = null

  constructor(private readonly deps: TrayControllerDeps) {
    const create = deps.createTray ?? ((options) => new VouchTray(options))
    try {
      this.tray = create({
        platform: deps.platform,
        list: () => this.list(),
        onAction: (action, list) => this.act(action, list),
      })
    } catch (error) {
      // Some Linux desktops have no tray at all; the window and the app menu remain.
      console.warn('Vouch could not create its tray icon:', error)
    }
    deps.core.subscribe((event) => {
      if (event.type === 'reminders') void this.tray?.refresh()
    })
    void this.tray?.refresh()
  }

  /** Whether there is a tray icon to come back from (close-to-tray needs one). */
  get present(): boolean {
    return this.tray !== null
  }

  /** Runs one tray action. */
  act(action: TrayAction, list: ReminderList | null): void {
    const { core } = this.deps
    switch (action.type) {
      case 'open':
        void this.deps.showWindow()
        return
      case 'quit':
        this.deps.quit.quit()
        return
      case 'open-contact':
        void this.deps.notifier.open(action.contactId)
        return
      case 'log-touch':
        void this.deps.showWindow().then(() => core.emit({ type: 'log-touch' }))
        return
      case 'snooze-all-day': {
        // A day from the core's clock, which is what decides when the snooze ends.
        const now = list === null ? Date.now() : Date.parse(list.now)
        const until = new Date(now + DAY_MS).toISOString()
        // A refusal (a read-only data folder) snoozes nothing; the tray redraws either way.
        void core
          .call('reminder.snoozeAll', { until })
          .catch(() => undefined)
          .then(() => this.tray?.refresh())
        return
      }
    }
  }

  private async list(): Promise<ReminderList | null> {
    try {
      return await this.deps.core.call('reminder.list', {})
    } catch {
      // The core refused (closing, or it could not open): the tray shows no reminders.
      return null
    }
  }
}
