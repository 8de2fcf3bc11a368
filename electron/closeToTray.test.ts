import { describe, expect, it, vi } from 'vitest'
import { closeAction, CloseToTray, type ClosableWindow } from './closeToTray'

describe('closeAction', () => {
  const base = { closeToTray: true, hasTray: true, quitting: false, fullScreen: false }

  it('hides only with close-to-tray on, a tray present and no quit under way', () => {
    expect(closeAction({ ...base, platform: 'win32' })).toBe('hide')
    expect(closeAction({ ...base, platform: 'win32', closeToTray: false })).toBe('close')
    expect(closeAction({ ...base, platform: 'win32', hasTray: false })).toBe('close')
    expect(closeAction({ ...base, platform: 'darwin', quitting: true })).toBe('close')
  })

  it('leaves full screen before hiding on macOS only', () => {
    expect(closeAction({ ...base, platform: 'darwin', fullScreen: true })).toBe(
      'leave-full-screen-then-hide',
    )
    expect(closeAction({ ...base, platform: 'darwin' })).toBe('hide')
    expect(closeAction({ ...base, platform: 'linux', fullScreen: true })).toBe('hide')
    expect(closeAction({ ...base, platform: 'darwin', fullScreen: true, quitting: true })).toBe(
      'close',
    )
  })
})

describe('CloseToTray', () => {
  function window() {
    let close: (event: { preventDefault(): void }) => void = () => {}
    const leave: Array<() => void> = []
    const state = { fullScreen: false }
    const fake = {
      state,
      on: (_event: 'close', listener: typeof close) => (close = listener),
      once: (_event: 'leave-full-screen', listener: () => void) => leave.push(listener),
      hide: vi.fn(),
      isFullScreen: () => state.fullScreen,
      setFullScreen: vi.fn((flag: boolean) => {
        state.fullScreen = flag
      }),
      /** Clicks the close button; true when the window would really close. */
      close() {
        let prevented = false
        close({ preventDefault: () => (prevented = true) })
        return !prevented
      },
      /** The full-screen exit animation ends. */
      leftFullScreen() {
        for (const listener of leave.splice(0)) listener()
      },
    } satisfies ClosableWindow & Record<string, unknown>
    return fake
  }

  it('hides the window instead of closing it once the setting is on, until a quit starts', () => {
    const quit = { quitting: false }
    const closeToTray = new CloseToTray({ present: true }, quit, 'win32')
    const w = window()
    closeToTray.watch(w)
    expect(w.close()).toBe(true)
    closeToTray.setEnabled(true)
    expect(w.close()).toBe(false)
    expect(w.hide).toHaveBeenCalledOnce()
    quit.quitting = true
    expect(w.close()).toBe(true)
  })

  it('on macOS takes a full-screen window out of full screen, then hides it once', () => {
    const closeToTray = new CloseToTray({ present: true }, { quitting: false }, 'darwin')
    closeToTray.setEnabled(true)
    const w = window()
    w.state.fullScreen = true
    closeToTray.watch(w)
    expect(w.close()).toBe(false)
    expect(w.close()).toBe(false)
    expect(w.setFullScreen.mock.calls).toEqual([[false]])
    expect(w.hide).not.toHaveBeenCalled()
    w.leftFullScreen()
    expect(w.hide).toHaveBeenCalledOnce()
  })
})
