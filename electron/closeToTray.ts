/** What the close button does: let the window close, hide it, or first leave full screen (macOS). */
export type CloseAction = 'close' | 'hide' | 'leave-full-screen-then-hide'

/**
 * The close button's action: hide only with close-to-tray on, a tray present and no quit under
 * way. A full-screen window on macOS leaves full screen first: hide() there only orders the
 * window out and leaves its full-screen Space behind, black (NativeWindowMac::Hide in
 * shell/browser/native_window_mac.mm has no full-screen exit;
 * https://github.com/electron/electron/issues/39572, open).
 */
export function closeAction(state: {
  closeToTray: boolean
  hasTray: boolean
  quitting: boolean
  fullScreen: boolean
  platform: string
}): CloseAction {
  if (!state.closeToTray || !state.hasTray || state.quitting) return 'close'
  return state.platform === 'darwin' && state.fullScreen ? 'leave-full-screen-then-hide' : 'hide'
}

/** The part of a BrowserWindow close-to-tray uses. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
  once(event: 'leave-full-screen', listener: () => void): unknown
  hide(): void
  isFullScreen(): boolean
  setFullScreen(flag: boolean): void
}

/** Keeps Vouch running in the tray when its window is closed, while Settings.closeToTray is on. */
export class CloseToTray {
  private enabled = false

  constructor(
    private readonly tray: { readonly present: boolean },
    private readonly quit: { readonly quitting: boolean },
    private readonly platform: string,
  ) {}

  /** Follows Settings.closeToTray. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled
  }

  /** Watches a window's close button (every window, as it is created). */
  watch(window: ClosableWindow): void {
    let leaving = false
    window.on('close', (event) => {
      const action = closeAction({
        closeToTray: this.enabled,
        hasTray: this.tray.present,
        quitting: this.quit.quitting,
        fullScreen: window.isFullScreen(),
        platform: this.platform,
      })
      if (action === 'close') return
      event.preventDefault()
      // A click while leaving full screen waits for the same hide.
      if (leaving) return
      if (action === 'hide') {
        window.hide()
        return
      }
      // Hidden once the exit animation has ended.
      leaving = true
      window.once('leave-full-screen', () => {
        leaving = false
        window.hide()
      })
      window.setFullScreen(false)
    })
  }
}
