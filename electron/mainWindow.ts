import { nativeTheme, screen, type BrowserWindow } from 'electron'
import type { Theme } from '@shared/domain'
import { applyTheme, windowBackground } from './theme'
import { createMainWindow } from './window'
import { clampBounds, loadWindowState, saveWindowState, type WindowState } from './windowState'

/** Resolves once the window's page has loaded, so an event sent to it is heard. */
function whenLoaded(window: BrowserWindow): Promise<void> {
  if (!window.webContents.isLoading()) return Promise.resolve()
  return new Promise((resolve) => window.webContents.once('did-finish-load', () => resolve()))
}

/**
 * The one main window: created where it was last (clamped to the displays there are now),
 * painted in the theme's colour from its first frame, remembered when it closes, and never
 * shown again once a quit has begun.
 */
export class MainWindow {
  private window: BrowserWindow | null = null
  private theme: Theme

  constructor(
    private readonly deps: {
      preloadPath: string
      /** userData: window-state.json lives there, beside the core's files. */
      dataDir: string
      isQuitting(): boolean
    },
  ) {
    this.theme = loadWindowState(deps.dataDir)?.theme ?? 'system'
  }

  /** The window, when it exists. */
  current(): BrowserWindow | null {
    return this.window === null || this.window.isDestroyed() ? null : this.window
  }

  /** Shows (creating if needed) and focuses the window; null once quitting. Needs app 'ready'. */
  show(): BrowserWindow | null {
    if (this.deps.isQuitting()) return null
    const existing = this.current()
    if (existing === null) return this.create()
    if (existing.isMinimized()) existing.restore()
    existing.show()
    existing.focus()
    return existing
  }

  /** Shows the window and resolves once its page can hear events (null once quitting). */
  async showLoaded(): Promise<BrowserWindow | null> {
    const window = this.show()
    if (window !== null) await whenLoaded(window)
    return window
  }

  /**
   * The app-level ways back to the window: launching Vouch again, clicking the dock icon
   * (macOS 'activate'). Closing the last window quits on Windows and Linux, as there.
   */
  followApp(app: {
    on(event: 'second-instance' | 'activate' | 'window-all-closed', listener: () => void): unknown
    quit(): void
  }): void {
    app.on('second-instance', () => this.show())
    app.on('activate', () => this.show())
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit()
    })
  }

  /** Applies Settings.theme to nativeTheme and the window, and remembers it for the next launch. */
  setTheme(theme: Theme): void {
    const changed = theme !== this.theme
    this.theme = theme
    applyTheme(nativeTheme, theme, this.current())
    // Saved at once, not only on close: a crash must not bring back the old colour next launch.
    if (changed) this.saveState()
  }

  /** Writes the window's normal bounds, maximized state and theme to window-state.json. */
  saveState(): void {
    const window = this.current()
    if (window === null) return
    const state: WindowState = {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized(),
      theme: this.theme,
    }
    saveWindowState(this.deps.dataDir, state)
  }

  private create(): BrowserWindow {
    const saved = loadWindowState(this.deps.dataDir)
    // The theme first: it decides the background the window is created with.
    applyTheme(nativeTheme, this.theme, null)
    const bounds = clampBounds(
      saved?.bounds ?? null,
      screen.getAllDisplays().map((display) => display.workArea),
      screen.getPrimaryDisplay().workArea,
    )
    const window = createMainWindow(this.deps.preloadPath, {
      bounds,
      backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
      maximized: saved?.maximized ?? false,
    })
    window.on('close', () => this.saveState())
    // The OS switched light/dark while Vouch follows it.
    const onThemeUpdated = () => applyTheme(nativeTheme, this.theme, this.current())
    nativeTheme.on('updated', onThemeUpdated)
    window.once('closed', () => nativeTheme.off('updated', onThemeUpdated))
    this.window = window
    return window
  }
}
