import { app, Menu, powerMonitor, BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import { Settings } from '@shared/domain'
import { ReminderList } from '@shared/reminderContract'
import type { TrayAction } from '@shared/trayMenu'
import type { Core } from './core/types'
import { Notifier } from './notifier'
import { trayPlatform, VouchTray } from './tray'

/** How often the core works out reminders while the app runs. */
export const TICK_INTERVAL_MS = 60_000
const DAY_MS = 24 * 60 * 60 * 1000

/** The application menu: the tray is never the only way in, and Edit keeps copy and paste working. */
export function appMenuTemplate(open: () => void, quit: () => void): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Vouch',
      submenu: [
        { label: 'Open Vouch', accelerator: 'CmdOrCtrl+0', click: open },
        { type: 'separator' },
        { label: 'Quit', accelerator: 'CmdOrCtrl+Q', click: quit },
      ],
    },
    { role: 'editMenu' },
    { role: 'windowMenu' },
  ]
}

/** Whether closing the window should hide it: close-to-tray is on, a tray exists and no quit is under way. */
export function shouldHideOnClose(state: {
  closeToTray: boolean
  hasTray: boolean
  quitting: boolean
}): boolean {
  return state.closeToTray && state.hasTray && !state.quitting
}

/** Resolves once the window's page has loaded, so an event sent to it is heard. */
function whenLoaded(window: BrowserWindow): Promise<void> {
  if (!window.webContents.isLoading()) return Promise.resolve()
  return new Promise((resolve) => window.webContents.once('did-finish-load', () => resolve()))
}

/**
 * The reminders' side of the shell: the notifier passed to openCore, then (once the core is
 * open) the tray, the app menu, close-to-tray, launch at login and the tick schedule.
 */
export class ReminderShell {
  private core: Core | null = null
  private tray: VouchTray | null = null
  private settings: Pick<Settings, 'closeToTray' | 'launchAtLogin'> | null = null
  private quitting = false
  private showWindow: () => BrowserWindow = () => {
    throw new Error('ReminderShell.start was not called')
  }
  private readonly notifier = new Notifier({
    platform: process.platform,
    emit: (event) => this.core?.emit(event),
    showWindow: () => whenLoaded(this.showWindow()),
  })

  /** Pass to openCore as `notify`. */
  readonly notify = this.notifier.notify

  /** Wires everything up once the core is open and the first window exists. */
  start(core: Core, showWindow: () => BrowserWindow): void {
    this.core = core
    this.showWindow = showWindow
    // Windows shows notifications only for an app with an AppUserModelID (the installer's one).
    app.setAppUserModelId('app.vouch.desktop')
    const quit = () => {
      this.quitting = true
      app.quit()
    }
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(showWindow, quit)))
    app.on('before-quit', () => {
      this.quitting = true
    })
    const hideOnClose = (window: BrowserWindow) => {
      window.on('close', (event) => {
        const hasTray = this.tray !== null
        const closeToTray = this.settings?.closeToTray ?? false
        if (!shouldHideOnClose({ closeToTray, hasTray, quitting: this.quitting })) return
        event.preventDefault()
        window.hide()
      })
    }
    // The first window already exists; later ones (after a real close) are caught as they come.
    for (const window of BrowserWindow.getAllWindows()) hideOnClose(window)
    app.on('browser-window-created', (_event, window) => hideOnClose(window))
    try {
      this.tray = new VouchTray({
        platform: process.platform,
        list: () => this.list(),
        onAction: (action, list) => this.act(action, list, quit),
      })
    } catch (error) {
      // Some Linux desktops have no tray at all; the window and the app menu remain.
      console.warn('Vouch could not create its tray icon:', error)
    }
    core.subscribe((event) => {
      if (event.type === 'reminders') void this.tray?.refresh()
      if (event.type === 'changed' && event.collections.includes('settings'))
        void this.applySettings()
    })
    void this.applySettings()
    const tick = () => {
      core.tick().catch((error: unknown) => console.error('Vouch reminders failed:', error))
    }
    tick()
    setInterval(tick, TICK_INTERVAL_MS).unref()
    // After sleep the interval is late; catch up at once.
    powerMonitor.on('resume', tick)
  }

  private async list(): Promise<ReminderList | null> {
    const result = await this.core?.invoke('reminder.list', {})
    if (!result?.ok) return null
    const parsed = ReminderList.safeParse(result.value)
    return parsed.success ? parsed.data : null
  }

  private act(action: TrayAction, list: ReminderList | null, quit: () => void): void {
    const core = this.core
    switch (action.type) {
      case 'open':
        this.showWindow()
        return
      case 'quit':
        quit()
        return
      case 'open-contact':
        void this.notifier.open(action.contactId)
        return
      case 'log-touch':
        void whenLoaded(this.showWindow()).then(() => core?.emit({ type: 'log-touch' }))
        return
      case 'snooze-all-day': {
        // A day from the core's clock, which is what decides when the snooze ends.
        const now = list === null ? Date.now() : Date.parse(list.now)
        const until = new Date(now + DAY_MS).toISOString()
        void core?.invoke('reminder.snoozeAll', { until }).then(() => this.tray?.refresh())
        return
      }
    }
  }

  /** Reads the settings the shell applies: launch at login and close to tray. */
  private async applySettings(): Promise<void> {
    const result = await this.core?.invoke('settings.get', {})
    const parsed = Settings.safeParse(result?.ok ? result.value : null)
    if (!parsed.success) return
    const { closeToTray, launchAtLogin } = parsed.data
    if (this.settings?.launchAtLogin !== launchAtLogin) {
      // Not on Linux: Electron has no login items there (an autostart .desktop file would be needed).
      if (trayPlatform(process.platform) !== 'linux')
        app.setLoginItemSettings({ openAtLogin: launchAtLogin })
    }
    this.settings = { closeToTray, launchAtLogin }
  }
}
