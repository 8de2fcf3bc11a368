import { describe, expect, it, vi } from 'vitest'
import { CloseToTray, shouldHideOnClose, type ClosableWindow } from './closeToTray'

describe('shouldHideOnClose', () => {
  it('hides only with close-to-tray on, a tray present and no quit under way', () => {
    expect(shouldHideOnClose({ closeToTray: true, hasTray: true, quitting: false })).toBe(true)
    expect(shouldHideOnClose({ closeToTray: false, hasTray: true, quitting: false })).toBe(false)
    expect(shouldHideOnClose({ closeToTray: true, hasTray: false, quitting: false })).toBe(false)
    expect(shouldHideOnClose({ closeToTray: true, hasTray: true, quitting: true })).toBe(false)
  })
})

describe('CloseToTray', () => {
  function window() {
    let close: (event: { preventDefault(): void }) => void = () => {}
    const fake: ClosableWindow & { close(): boolean } = {
      on: (_event, listener) => (close = listener),
      hide: vi.fn(),
      /** Clicks the close button; true when the window would really close. */
      close() {
        let prevented = false
        close({ preventDefault: () => (prevented = true) })
        return !prevented
      },
    }
    return fake
  }

  it('hides the window instead of closing it once the setting is on, until a quit starts', () => {
    const quit = { quitting: false }
    const closeToTray = new CloseToTray({ present: true }, quit)
    const w = window()
    closeToTray.watch(w)
    expect(w.close()).toBe(true)
    closeToTray.setEnabled(true)
    expect(w.close()).toBe(false)
    expect(w.hide).toHaveBeenCalledOnce()
    quit.quitting = true
    expect(w.close()).toBe(true)
  })
})
