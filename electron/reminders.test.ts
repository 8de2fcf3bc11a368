import { describe, expect, it, vi } from 'vitest'

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => ({
  app: {},
  BrowserWindow: vi.fn(),
  Menu: {},
  powerMonitor: {},
  Notification: vi.fn(),
  nativeImage: {},
  Tray: vi.fn(),
}))

const { appMenuTemplate, shouldHideOnClose } = await import('./reminders')

describe('appMenuTemplate', () => {
  it('offers Open Vouch and Quit, and keeps the Edit menu for copy and paste', () => {
    const open = vi.fn()
    const quit = vi.fn()
    const [app, edit] = appMenuTemplate(open, quit)
    const submenu = Array.isArray(app?.submenu) ? app.submenu : []
    expect(submenu.map((item) => item.label ?? item.type)).toEqual([
      'Open Vouch',
      'separator',
      'Quit',
    ])
    expect(edit?.role).toBe('editMenu')
  })
})

describe('shouldHideOnClose', () => {
  it('hides only with close-to-tray on, a tray present and no quit under way', () => {
    expect(shouldHideOnClose({ closeToTray: true, hasTray: true, quitting: false })).toBe(true)
    expect(shouldHideOnClose({ closeToTray: false, hasTray: true, quitting: false })).toBe(false)
    expect(shouldHideOnClose({ closeToTray: true, hasTray: false, quitting: false })).toBe(false)
    expect(shouldHideOnClose({ closeToTray: true, hasTray: true, quitting: true })).toBe(false)
  })
})
