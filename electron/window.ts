import { BrowserWindow, type BrowserWindowConstructorOptions, type Session } from 'electron'
import { openExternalSafely, type OpenExternal } from './links'
import { APP_ENTRY_URL, isAppUrl } from './protocol'

/** The main window's options: an isolated, sandboxed renderer with no Node and no webviews. */
export function mainWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    title: 'Vouch',
    width: 1280,
    height: 800,
    minWidth: 800,
    minHeight: 560,
    show: false,
    backgroundColor: '#f7f7f5',
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
export function blockNavigation(event: { url: string; preventDefault(): void }): void {
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
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow(mainWindowOptions(preloadPath))
  const { webContents } = window
  webContents.on('will-navigate', blockNavigation)
  webContents.on('will-redirect', blockNavigation)
  webContents.on('will-attach-webview', (event) => event.preventDefault())
  webContents.setWindowOpenHandler((details) => denyWindowOpen(details))
  window.once('ready-to-show', () => window.show())
  window.loadURL(APP_ENTRY_URL).catch((error: unknown) => {
    console.error('Vouch could not load its window:', error)
  })
  return window
}
