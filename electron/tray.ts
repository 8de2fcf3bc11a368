import {
  Menu,
  nativeImage,
  Tray,
  type MenuItemConstructorOptions,
  type NativeImage,
} from 'electron'
import type { ReminderList } from '@shared/reminderContract'
import { buildTrayModel, type TrayAction, type TrayItem } from '@shared/trayMenu'
import { TRAY_ICON_SIZE, trayBitmap } from './trayIcon'

/** A menu entry whose click needs none of Electron's arguments. */
export type TrayMenuEntry = MenuItemConstructorOptions & { click?: () => void }

/** Electron menu entries for the tray model's items; clicks call `onAction`. */
export function trayMenuTemplate(
  items: readonly TrayItem[],
  onAction: (action: TrayAction) => void,
): TrayMenuEntry[] {
  return items.map((item): TrayMenuEntry => {
    switch (item.type) {
      case 'separator':
        return { type: 'separator' }
      case 'header':
        return { label: item.label, enabled: false }
      case 'item':
        return {
          id: item.id,
          label: item.label,
          enabled: item.enabled ?? true,
          click: () => onAction(item.action),
        }
    }
  })
}

/** The platforms the tray model knows; others are drawn like Linux. */
export function trayPlatform(platform: string): 'darwin' | 'win32' | 'linux' {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux'
}

/** What the tray needs; the shell passes the core's commands and window helpers. */
export interface TrayDeps {
  platform: string
  /** reminder.list through the core; null when it failed. */
  list(): Promise<ReminderList | null>
  onAction(action: TrayAction, list: ReminderList | null): void
}

/**
 * The system-tray icon: a badge with the due count (beside the icon on macOS), a tooltip,
 * and a menu of who is due with Log touch, Snooze all, Open and Quit.
 */
export class VouchTray {
  private readonly tray: Tray
  private shownCount = -1
  private refreshing: Promise<void> | null = null
  private again = false

  constructor(private readonly deps: TrayDeps) {
    this.tray = new Tray(iconFor(0))
    this.tray.setToolTip('Vouch')
    // Windows and Linux open the window on a click; the menu is on the right click / the indicator.
    this.tray.on('click', () => deps.onAction({ type: 'open' }, null))
  }

  /** Re-reads what is due and redraws; calls made meanwhile collapse into one more. */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.again = true
      return this.refreshing
    }
    this.refreshing = this.redraw().finally(() => {
      this.refreshing = null
      if (this.again) {
        this.again = false
        void this.refresh()
      }
    })
    return this.refreshing
  }

  destroy(): void {
    this.tray.destroy()
  }

  private async redraw(): Promise<void> {
    const list = await this.deps.list()
    if (list === null || this.tray.isDestroyed()) return
    const platform = trayPlatform(this.deps.platform)
    const model = buildTrayModel({
      platform,
      due: list.due.map((e) => ({
        contactId: e.contactId,
        name: e.name,
        kind: e.kind,
        detail: e.detail,
        dueAt: e.dueAt,
      })),
    })
    if (model.badgeCount !== this.shownCount) {
      this.tray.setImage(iconFor(platform === 'darwin' ? 0 : model.badgeCount))
      this.shownCount = model.badgeCount
    }
    if (platform === 'darwin') this.tray.setTitle(model.title ?? '')
    this.tray.setToolTip(model.tooltip)
    const template = trayMenuTemplate(model.items, (action) => this.deps.onAction(action, list))
    this.tray.setContextMenu(Menu.buildFromTemplate(template))
  }
}

function iconFor(count: number): NativeImage {
  return nativeImage.createFromBitmap(trayBitmap(count), {
    width: TRAY_ICON_SIZE,
    height: TRAY_ICON_SIZE,
  })
}
