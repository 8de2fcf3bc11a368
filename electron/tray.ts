import {
  Menu,
  nativeImage,
  Tray,
  type MenuItemConstructorOptions,
  type NativeImage,
} from 'electron'
import type { ReminderList } from '@shared/reminderContract'
import { buildTrayModel, type TrayAction, type TrayItem } from '@shared/trayMenu'
import { TRAY_ICON_POINTS, TRAY_ICON_SCALES, trayBitmap } from './trayIcon'

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

/**
 * Whether a click on the icon opens the window. Not on macOS: there a click opens the tray's
 * menu and Electron emits 'click' for it too (shell/browser/ui/tray_icon_cocoa.mm, mouseDown),
 * so the window would jump up behind the menu. On Windows and Linux the menu is on the right
 * click / the indicator, and a click opens the window.
 */
export function clickOpensWindow(platform: string): boolean {
  return trayPlatform(platform) !== 'darwin'
}

/**
 * The menu until the first list arrives (the core may take a while to open a large data folder)
 * or when it cannot be read: without a menu the icon does nothing on macOS, where a click only
 * opens the menu, and a StatusNotifierItem host on Linux has nothing to show.
 */
export const TRAY_FALLBACK_ITEMS: readonly TrayItem[] = [
  { type: 'item', id: 'open', label: 'Open Vouch', action: { type: 'open' } },
  { type: 'item', id: 'quit', label: 'Quit', action: { type: 'quit' } },
]

/** What the tray needs; the shell passes the core's commands and window helpers. */
export interface TrayDeps {
  platform: string
  /** reminder.list through the core; null when it failed. */
  list: () => Promise<ReminderList | null>
  onAction: (action: TrayAction, list: ReminderList | null) => void
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
    this.tray = new Tray(iconFor(0, deps.platform))
    this.tray.setToolTip('Vouch')
    const fallback = trayMenuTemplate(TRAY_FALLBACK_ITEMS, (action) => deps.onAction(action, null))
    this.tray.setContextMenu(Menu.buildFromTemplate(fallback))
    if (clickOpensWindow(deps.platform))
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
      this.tray.setImage(iconFor(model.badgeCount, platform))
      this.shownCount = model.badgeCount
    }
    if (platform === 'darwin') this.tray.setTitle(model.title ?? '')
    this.tray.setToolTip(model.tooltip)
    const template = trayMenuTemplate(model.items, (action) => this.deps.onAction(action, list))
    this.tray.setContextMenu(Menu.buildFromTemplate(template))
  }
}

/**
 * The icon with its 1× (16 px) and 2× (32 px) representations; on macOS a template image
 * without the badge (the count is the tray's title there), which the menu bar tints for light
 * and dark. https://www.electronjs.org/docs/latest/api/native-image#imageaddrepresentationoptions
 */
function iconFor(count: number, platform: string): NativeImage {
  const mac = trayPlatform(platform) === 'darwin'
  const image = nativeImage.createEmpty()
  for (const scaleFactor of TRAY_ICON_SCALES) {
    const side = TRAY_ICON_POINTS * scaleFactor
    image.addRepresentation({
      scaleFactor,
      width: side,
      height: side,
      buffer: trayBitmap(count, scaleFactor, mac ? 'template' : 'colour'),
    })
  }
  if (mac) image.setTemplateImage(true)
  return image
}
