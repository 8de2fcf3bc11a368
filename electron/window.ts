import { BrowserWindow, type BrowserWindowConstructorOptions, type Session } from 'electron'
import { installContextMenu } from './contextMenu'
import { openExternalSafely, type OpenExternal } from './links'
import { APP_ENTRY_URL, isAppUrl } from './protocol'
import { WINDOW_BACKGROUND } from './theme'
import { MIN_SIZE, PREFERRED_SIZE, type Rect } from './windowState'

/** Where the window opens and what it paints before the page: from the saved state and the theme. */
export interface WindowPlacement {
  bounds?: Rect
  backgroundColor?: string
  maximized?: boolean
}

/** The main window's options: an isolated, sandboxed renderer with no Node and no webviews. */
export function mainWindowOptions(
  preloadPath: string,
  placement: WindowPlacement = {},
): BrowserWindowConstructorOptions {
  return {
    title: 'Vouch',
    ...(placement.bounds ?? PREFERRED_SIZE),
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: placement.backgroundColor ?? WINDOW_BACKGROUND.light,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
      // Middle-click would otherwise open links through a path the window-open handler does not
      // see. https://github.com/doyensec/electronegativity/wiki/AUXCLICK_JS_CHECK
      disableBlinkFeatures: 'Auxclick',
    },
  }
}

/** will-navigate / will-redirect handler: the window never leaves the app's own pages. */
export function blockNavigation(event: { url: string; preventDefault: () => void }): void {
  if (!isAppUrl(event.url)) event.preventDefault()
}

/**
 * Window-open handler: no new Electron windows ever; a safe http, https or mailto link
 * goes to the user's browser or mail app instead.
 */
export function denyWindowOpen(details: { url: string }, open?: OpenExternal): { action: 'deny' } {
  void openExternalSafely(details.url, open)
  return { action: 'deny' }
}

/**
 * The one permission the renderer gets: writing to the clipboard (the Copy buttons of the
 * thank-you templates, drafts and briefs). Reading the clipboard stays refused.
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write'])

/** Permission request handler: no camera, location, notifications prompt, clipboard read, etc. */
export function denyPermission(
  _webContents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
): void {
  callback(ALLOWED_PERMISSIONS.has(permission))
}

/** Refuse every permission the renderer could ask the session for, but a clipboard write. */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler(denyPermission)
  session.setPermissionCheckHandler((_webContents, permission) =>
    ALLOWED_PERMISSIONS.has(permission),
  )
}

/** Create the main window, lock down its navigation and load the app. */
export function createMainWindow(
  preloadPath: string,
  placement: WindowPlacement = {},
): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath, placement))
  const { webContents } = window
  webContents.on('will-navigate', blockNavigation)
  webContents.on('will-redirect', blockNavigation)
  webContents.on('will-attach-webview', (event) => event.preventDefault())
  webContents.setWindowOpenHandler((details) => denyWindowOpen(details))
  installContextMenu(window)
  // maximize() also shows the window (https://www.electronjs.org/docs/latest/api/base-window#winmaximize);
  // show() then focuses it. Both once the first frame is painted, so it never flashes empty.
  window.once('ready-to-show', () => {
    if (placement.maximized === true) window.maximize()
    window.show()
  })
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Vouch could not load its window:', error)
  })
  return window
}
