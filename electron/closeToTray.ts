/** Whether closing the window should hide it: close-to-tray is on, a tray exists and no quit is under way. */
export function shouldHideOnClose(state: {
  closeToTray: boolean
  hasTray: boolean
  quitting: boolean
}): boolean {
  return state.closeToTray && state.hasTray && !state.quitting
}

/** The part of a BrowserWindow close-to-tray uses. */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown
  hide(): void
}

/** Keeps Vouch running in the tray when its window is closed, while Settings.closeToTray is on. */
export class CloseToTray {
  private enabled = false

  constructor(
    private readonly tray: { readonly present: boolean },
    private readonly quit: { readonly quitting: boolean },
  ) {}

  /** Follows Settings.closeToTray. */
  setEnabled(enabled: boolean): void {
    this.enabled = enabled
  }

  /** Watches a window's close button (every window, as it is created). */
  watch(window: ClosableWindow): void {
    window.on('close', (event) => {
      const state = {
        closeToTray: this.enabled,
        hasTray: this.tray.present,
        quitting: this.quit.quitting,
      }
      if (!shouldHideOnClose(state)) return
      event.preventDefault()
      window.hide()
    })
  }
}
