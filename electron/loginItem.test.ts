import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  autostartEntry,
  autostartFile,
  desktopExecArgument,
  electronLoginItems,
  launchesAtLogin,
  LoginItem,
  loginItemChange,
  loginItemStore,
  xdgAutostart,
  type LoginItemApp,
  type LoginItemState,
} from './loginItem'

describe('loginItemChange', () => {
  it('changes the login item only for a packaged app, after launch, when it differs', () => {
    const base = { isPackaged: true, atLaunch: false, wanted: true, current: false }
    expect(loginItemChange(base)).toBe(true)
    expect(loginItemChange({ ...base, wanted: false, current: true })).toBe(false)
    expect(loginItemChange({ ...base, current: true })).toBeNull()
    expect(loginItemChange({ ...base, isPackaged: false })).toBeNull()
    expect(loginItemChange({ ...base, atLaunch: true })).toBeNull()
  })

  it('counts a Windows entry turned off in Task Manager as not launching', () => {
    expect(launchesAtLogin({ openAtLogin: true, executableWillLaunchAtLogin: false })).toBe(false)
    expect(launchesAtLogin({ openAtLogin: true })).toBe(true)
  })
})

function fakeApp(isPackaged: boolean, state: LoginItemState) {
  const app = {
    isPackaged,
    getLoginItemSettings: vi.fn(() => state),
    setLoginItemSettings: vi.fn((settings: { openAtLogin: boolean }) => {
      state = {
        openAtLogin: settings.openAtLogin,
        executableWillLaunchAtLogin: settings.openAtLogin,
      }
    }),
  } satisfies LoginItemApp
  return app
}

describe('LoginItem', () => {
  it('leaves the OS as it is at launch, even when the user removed Vouch there', () => {
    const app = fakeApp(true, { openAtLogin: false })
    new LoginItem(true, electronLoginItems(app)).apply(true)
    expect(app.setLoginItemSettings).not.toHaveBeenCalled()
  })

  it('registers when the user turns the setting on, and unregisters when it turns off', () => {
    const app = fakeApp(true, { openAtLogin: false })
    const item = new LoginItem(true, electronLoginItems(app))
    item.apply(false)
    item.apply(true)
    item.apply(true)
    expect(app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }]])
    item.apply(false)
    expect(app.setLoginItemSettings.mock.calls.at(-1)).toEqual([{ openAtLogin: false }])
  })

  it('turns a Windows entry disabled in Task Manager back on when the user asks for it', () => {
    const app = fakeApp(true, { openAtLogin: true, executableWillLaunchAtLogin: false })
    const item = new LoginItem(true, electronLoginItems(app))
    item.apply(false)
    item.apply(true)
    expect(app.setLoginItemSettings.mock.calls).toEqual([[{ openAtLogin: true }]])
  })

  it('writes nothing in development, and reports an OS refusal instead of throwing', () => {
    const dev = fakeApp(false, { openAtLogin: false })
    const item = new LoginItem(false, electronLoginItems(dev))
    item.apply(false)
    item.apply(true)
    expect(dev.getLoginItemSettings).not.toHaveBeenCalled()
    expect(dev.setLoginItemSettings).not.toHaveBeenCalled()
    const warn = vi.fn()
    const refusing = new LoginItem(
      true,
      {
        read: () => false,
        write: () => {
          throw new Error('denied')
        },
      },
      warn,
    )
    refusing.apply(false)
    refusing.apply(true)
    expect(warn).toHaveBeenCalledOnce()
  })
})

describe('Linux autostart', () => {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vouch-autostart-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  it('lives in $XDG_CONFIG_HOME/autostart, or ~/.config/autostart', () => {
    expect(autostartFile({ XDG_CONFIG_HOME: '/x/config' }, '/home/a')).toBe(
      '/x/config/autostart/vouch.desktop',
    )
    expect(autostartFile({ XDG_CONFIG_HOME: 'relative' }, '/home/a')).toBe(
      '/home/a/.config/autostart/vouch.desktop',
    )
  })

  it('quotes the executable as the Desktop Entry spec asks', () => {
    expect(desktopExecArgument('/opt/Vouch/vouch')).toBe('"/opt/Vouch/vouch"')
    expect(desktopExecArgument('/home/a b/$HOME "x"\\y%')).toBe(
      '"/home/a b/\\\\$HOME \\\\"x\\\\"\\\\\\\\y%%"',
    )
    expect(autostartEntry('/opt/Vouch/vouch')).toContain('\nExec="/opt/Vouch/vouch"\n')
  })

  it('writes the entry when turned on, removes it when off, and reads a disabled one as off', async () => {
    const file = join(dir, 'autostart', 'vouch.desktop')
    const store = xdgAutostart(file, '/tmp/Vouch.AppImage')
    expect(store.read()).toBe(false)
    store.write(true)
    expect(await readFile(file, 'utf8')).toContain('Exec="/tmp/Vouch.AppImage"')
    expect(store.read()).toBe(true)
    store.write(false)
    expect(store.read()).toBe(false)
    store.write(false)
    await writeFile(file, autostartEntry('/opt/Vouch/vouch') + 'Hidden=true\n')
    expect(store.read()).toBe(false)
  })

  it('is the store on Linux, pointing at the AppImage when there is one', async () => {
    const env = { XDG_CONFIG_HOME: dir, APPIMAGE: '/home/a/Vouch.AppImage' }
    const app = fakeApp(true, { openAtLogin: false })
    const item = new LoginItem(true, loginItemStore(app, 'linux', env))
    item.apply(false)
    item.apply(true)
    expect(await readFile(join(dir, 'autostart', 'vouch.desktop'), 'utf8')).toContain(
      'Exec="/home/a/Vouch.AppImage"',
    )
    expect(app.setLoginItemSettings).not.toHaveBeenCalled()
    expect(loginItemStore(app, 'freebsd', env)).toBeNull()
  })
})
