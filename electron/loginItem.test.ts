import { describe, expect, it, vi } from 'vitest'
import { LoginItem, loginItemChange, type LoginItemApp } from './loginItem'

describe('loginItemChange', () => {
  it('changes the login item only for a packaged app on macOS or Windows, when it differs', () => {
    const base = { isPackaged: true, platform: 'darwin', wanted: true, current: false }
    expect(loginItemChange(base)).toBe(true)
    expect(loginItemChange({ ...base, platform: 'win32', wanted: false, current: true })).toBe(
      false,
    )
    expect(loginItemChange({ ...base, current: true })).toBeNull()
    expect(loginItemChange({ ...base, isPackaged: false })).toBeNull()
    expect(loginItemChange({ ...base, platform: 'linux' })).toBeNull()
  })
})

function fakeApp(isPackaged: boolean, openAtLogin: boolean) {
  const app = {
    isPackaged,
    getLoginItemSettings: vi.fn(() => ({ openAtLogin })),
    setLoginItemSettings: vi.fn((settings: { openAtLogin: boolean }) => {
      openAtLogin = settings.openAtLogin
    }),
  } satisfies LoginItemApp
  return app
}

describe('LoginItem', () => {
  it('registers once when the setting turns on, and unregisters when it turns off', () => {
    const app = fakeApp(true, false)
    const item = new LoginItem(app, 'win32')
    item.apply(true)
    item.apply(true)
    expect(app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }]])
    item.apply(false)
    expect(app.setLoginItemSettings.mock.calls.at(-1)).toEqual([{ openAtLogin: false }])
  })

  it('leaves the OS alone when it already agrees, in development and on Linux', () => {
    const agrees = fakeApp(true, true)
    new LoginItem(agrees, 'darwin').apply(true)
    expect(agrees.setLoginItemSettings).not.toHaveBeenCalled()
    const dev = fakeApp(false, false)
    new LoginItem(dev, 'darwin').apply(true)
    expect(dev.getLoginItemSettings).not.toHaveBeenCalled()
    expect(dev.setLoginItemSettings).not.toHaveBeenCalled()
    const linux = fakeApp(true, false)
    new LoginItem(linux, 'linux').apply(true)
    expect(linux.setLoginItemSettings).not.toHaveBeenCalled()
  })
})
