import { Menu, type MenuItemConstructorOptions } from 'electron'
import { GO_VIEWS, type GoView, type MenuAction } from '@shared/shellMenu'

/** What the menu's own items do; Edit, View, Window, About and Quit are Electron roles. */
export interface AppMenuHandlers {
  menu: (action: MenuAction) => void
  go: (view: GoView) => void
}

/** A menu entry whose click needs none of Electron's arguments. */
export type AppMenuEntry = MenuItemConstructorOptions & {
  click?: () => void
  submenu?: AppMenuEntry[]
}

const separator: AppMenuEntry = { type: 'separator' }

/**
 * View: zoom and full screen. Reload, Force Reload and the developer tools (role 'viewMenu'
 * carries them, with Cmd/Ctrl+R, Shift+Cmd/Ctrl+R and Alt+Cmd+I / Ctrl+Shift+I:
 * lib/browser/api/menu-item-roles.ts in electron/electron) only in development: in the installed
 * app a stray Ctrl+R would throw away an open form, the undo history and the scroll position.
 */
export function viewMenu(developer: boolean): AppMenuEntry {
  const tools: AppMenuEntry[] = [
    { role: 'reload' },
    { role: 'forceReload' },
    { role: 'toggleDevTools' },
    separator,
  ]
  return {
    label: 'View',
    submenu: [
      ...(developer ? tools : []),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  }
}

/**
 * The application menu per platform. macOS: the app menu (About, Settings… ⌘,, Services, Hide,
 * Quit) under `role: 'appMenu'`, whose label is the app's name; elsewhere Settings (Ctrl+,) and
 * Quit close the File menu. Then Edit, View (reload and developer tools only in development),
 * Go (Cmd/Ctrl+1… per view) and Window.
 * A role given a submenu keeps it: lib/browser/api/menu-item.ts in electron/electron.
 */
export function appMenuTemplate(
  platform: string,
  handlers: AppMenuHandlers,
  options: { developer?: boolean } = {},
): AppMenuEntry[] {
  const mac = platform === 'darwin'
  const item = (label: string, action: MenuAction, accelerator?: string): AppMenuEntry => ({
    id: action,
    label,
    ...(accelerator === undefined ? {} : { accelerator }),
    click: () => handlers.menu(action),
  })
  const settings = item('Settings…', 'settings', mac ? 'Cmd+,' : 'Ctrl+,')
  const file: AppMenuEntry[] = [
    item('New Contact', 'new-contact', 'CmdOrCtrl+N'),
    separator,
    item('Import…', 'import', 'CmdOrCtrl+I'),
    item('Export…', 'export'),
    separator,
    item('Find', 'find', 'CmdOrCtrl+F'),
    separator,
    ...(mac
      ? [{ role: 'close' } satisfies AppMenuEntry]
      : [settings, separator, { role: 'quit' } satisfies AppMenuEntry]),
  ]
  const go: AppMenuEntry[] = GO_VIEWS.map(({ view, label }, index) => ({
    id: `go-${view}`,
    label,
    accelerator: `CmdOrCtrl+${index + 1}`,
    click: () => handlers.go(view),
  }))
  const appMenu: AppMenuEntry = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      separator,
      settings,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' },
    ],
  }
  return [
    ...(mac ? [appMenu] : []),
    { label: 'File', submenu: file },
    { role: 'editMenu' },
    viewMenu(options.developer ?? false),
    { label: 'Go', submenu: go },
    { role: 'windowMenu' },
  ]
}

/** Installs the application menu (on Windows and Linux it is the window's menu bar). */
export function installAppMenu(
  platform: string,
  handlers: AppMenuHandlers,
  options: { developer?: boolean } = {},
): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(platform, handlers, options)))
}
