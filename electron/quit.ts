// Quitting: the core is closed (journal compacted into vouch.json, lock released) before the
// process ends, but never waited on for ever, and also when Windows ends the session.

/**
 * How long quitting waits for core.close(). Every acknowledged change is already in the
 * journal on disk, so giving up loses nothing; the next launch replays the journal and takes
 * over the stale lock. Short enough for Windows, which flags an app still running some
 * seconds after WM_ENDSESSION as preventing shutdown.
 */
export const QUIT_TIMEOUT_MS = 4_000

/** How waiting for core.close() ended. */
export type CloseOutcome = 'closed' | 'failed' | 'timed-out'

/** Runs close() until it settles or the deadline passes, whichever comes first. */
export async function closeWithin(
  close: () => Promise<void>,
  deadline: Promise<void>,
): Promise<CloseOutcome> {
  const closing = Promise.resolve()
    .then(close)
    .then(
      (): CloseOutcome => 'closed',
      (error: unknown): CloseOutcome => {
        console.error('Vouch could not close its data cleanly:', error)
        return 'failed'
      },
    )
  return Promise.race([closing, deadline.then((): CloseOutcome => 'timed-out')])
}

/** The part of Electron's app that quitting uses (a fake in tests). */
export interface QuitApp {
  on(event: 'before-quit', listener: () => void): unknown
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown
  quit(): void
  exit(exitCode?: number): void
}

/** The part of a BrowserWindow that hears Windows end the session. */
export interface SessionWindow {
  on(event: 'query-session-end' | 'session-end', listener: () => void): unknown
}

/** What QuitGuard needs besides the app. */
export interface QuitDeps {
  /** Closes the core (awaiting it first if it is still opening). */
  close: () => Promise<void>
  /** Resolves after ms; setTimeout in the app, a hand-resolved promise in tests. */
  wait: (ms: number) => Promise<void>
  /** Runs just before the process is asked to end: save the window state. */
  beforeEnd?(): void
}

/**
 * Owns the quit sequence: `quitting` turns on with the first quit request (so close-to-tray and
 * show requests stand down), will-quit waits for the core for at most QUIT_TIMEOUT_MS, then
 * the app ends; Windows' session end starts the same sequence.
 */
export class QuitGuard {
  private started = false
  private finished = false
  quitting = false

  constructor(
    private readonly app: QuitApp,
    private readonly deps: QuitDeps,
  ) {
    app.on('before-quit', () => {
      this.quitting = true
    })
    app.on('will-quit', (event) => {
      if (this.finished) return
      event.preventDefault()
      this.closeThenExit()
    })
  }

  /** Quit from the tray or a menu. */
  quit(): void {
    this.quitting = true
    this.app.quit()
  }

  /**
   * Windows logoff, restart or shutdown. Electron kills the process as soon as the
   * 'session-end' handlers return unless a quit has begun, so begin one there; the data is safe
   * either way (the journal is on disk), this only lets the core compact and release its lock.
   * https://www.electronjs.org/docs/latest/api/browser-window#event-session-end-windows and
   * shell/browser/native_window_views_win.cc (WM_ENDSESSION) in electron/electron.
   */
  watchSessionEnd(window: SessionWindow): void {
    // Shutdown is not delayed (no preventDefault): nothing unsaved is at risk. Remember the
    // window now, while it still has its bounds.
    window.on('query-session-end', () => this.deps.beforeEnd?.())
    window.on('session-end', () => this.quit())
  }

  private closeThenExit(): void {
    if (this.started) return
    this.started = true
    this.quitting = true
    this.deps.beforeEnd?.()
    void closeWithin(this.deps.close, this.deps.wait(QUIT_TIMEOUT_MS)).then((outcome) => {
      this.finished = true
      if (outcome === 'timed-out') {
        console.error(`Vouch gave up waiting for its data to close after ${QUIT_TIMEOUT_MS} ms.`)
        // app.exit ends at once without another before-quit / will-quit round.
        this.app.exit(0)
        return
      }
      this.app.quit()
    })
  }
}
