import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { dirname, join } from 'node:path'

/** What the OS says about launching Vouch at login. */
export interface LoginItemState {
  openAtLogin: boolean
  /** Windows: false when the entry exists but is turned off in Task Manager or Settings. */
  executableWillLaunchAtLogin?: boolean
}

/** The part of Electron's app the login item uses (a fake in tests). */
export interface LoginItemApp {
  readonly isPackaged: boolean
  getLoginItemSettings: () => LoginItemState
  setLoginItemSettings: (settings: { openAtLogin: boolean }) => void
}

/**
 * Whether Vouch will really start at login. On Windows openAtLogin stays true for an entry the
 * user turned off in Task Manager; executableWillLaunchAtLogin does not.
 * https://www.electronjs.org/docs/latest/api/app#appgetloginitemsettingsoptions-macos-windows
 */
export function launchesAtLogin(state: LoginItemState): boolean {
  return state.executableWillLaunchAtLogin ?? state.openAtLogin
}

/**
 * Whether to change the OS login item, and to what; null leaves it alone. Only a packaged app
 * registers (a dev build would register the bare Electron binary), and only when the user
 * changes the setting while Vouch runs: the value read at launch is not written back, so a user
 * who removed Vouch in System Settings or Task Manager is not overridden at the next launch
 * (on macOS each SMAppService registration also posts a "Login item added" notice).
 */
export function loginItemChange(state: {
  isPackaged: boolean
  atLaunch: boolean
  wanted: boolean
  current: boolean
}): boolean | null {
  if (!state.isPackaged || state.atLaunch) return null
  return state.wanted === state.current ? null : state.wanted
}

/** Where a login item lives: Electron's on macOS and Windows, an XDG autostart entry on Linux. */
export interface LoginItemStore {
  read: () => boolean
  write: (openAtLogin: boolean) => void
}

/** The OS login item through app.get/setLoginItemSettings (macOS and Windows only). */
export function electronLoginItems(app: LoginItemApp): LoginItemStore {
  return {
    read: () => launchesAtLogin(app.getLoginItemSettings()),
    write: (openAtLogin) => app.setLoginItemSettings({ openAtLogin }),
  }
}

/** The autostart file: $XDG_CONFIG_HOME/autostart/vouch.desktop, named like the installed launcher. */
export function autostartFile(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  const config = env.XDG_CONFIG_HOME?.startsWith('/') ? env.XDG_CONFIG_HOME : join(home, '.config')
  return join(config, 'autostart', 'vouch.desktop')
}

/**
 * An Exec= argument: quoted and escaped as the Desktop Entry spec asks ("Exec key"), then with
 * backslashes doubled, as every string value of the file is unescaped once more.
 * https://specifications.freedesktop.org/desktop-entry-spec/latest/exec-variables.html
 */
export function desktopExecArgument(path: string): string {
  const quoted = `"${path.replace(/["`$\\]/g, (c) => `\\${c}`)}"`
  return quoted.replace(/\\/g, '\\\\').replace(/%/g, '%%')
}

/** The autostart entry that launches the installed Vouch at login. */
export function autostartEntry(executable: string): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=Vouch',
    'Comment=Build and keep strong professional references',
    `Exec=${desktopExecArgument(executable)}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n')
}

/**
 * Linux has no Electron login items (setLoginItemSettings is macOS and Windows only:
 * https://www.electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows);
 * desktops start what $XDG_CONFIG_HOME/autostart lists instead
 * (https://specifications.freedesktop.org/autostart-spec/latest/). An AppImage runs from a
 * temporary mount, so its entry points at the AppImage file itself ($APPIMAGE).
 */
export function xdgAutostart(file: string, executable: string): LoginItemStore {
  return {
    read: () => {
      try {
        // Hidden=true or a GNOME switch turned off mean the entry is disabled.
        const entry = readFileSync(file, 'utf8')
        return (
          /^Exec=/m.test(entry) &&
          !/^Hidden=true\s*$/m.test(entry) &&
          !/^X-GNOME-Autostart-enabled=false\s*$/m.test(entry)
        )
      } catch {
        return false
      }
    },
    write: (openAtLogin) => {
      if (!openAtLogin) {
        try {
          unlinkSync(file)
        } catch {
          // Already gone.
        }
        return
      }
      mkdirSync(dirname(file), { recursive: true })
      const temp = `${file}.${process.pid}.tmp`
      writeFileSync(temp, autostartEntry(executable))
      renameSync(temp, file)
    },
  }
}

/** The login item store for this OS; null where there is none. */
export function loginItemStore(
  app: LoginItemApp,
  platform: string,
  env: NodeJS.ProcessEnv = process.env,
): LoginItemStore | null {
  if (platform === 'darwin' || platform === 'win32') return electronLoginItems(app)
  if (platform === 'linux')
    return xdgAutostart(autostartFile(env), env.APPIMAGE ?? process.execPath)
  return null
}

/**
 * Applies Settings.launchAtLogin when the user changes it. On Windows the registry value is
 * named after the AppUserModelID, so app.setAppUserModelId must have run first.
 */
export class LoginItem {
  private lastWanted: boolean | null = null

  constructor(
    private readonly isPackaged: boolean,
    private readonly store: LoginItemStore | null,
    private readonly warn: (message: string, error: unknown) => void = console.warn,
  ) {}

  apply(wanted: boolean): void {
    if (this.lastWanted === wanted) return
    const atLaunch = this.lastWanted === null
    this.lastWanted = wanted
    if (this.store === null || !this.isPackaged || atLaunch) return
    try {
      const change = loginItemChange({
        isPackaged: this.isPackaged,
        atLaunch,
        wanted,
        current: this.store.read(),
      })
      if (change !== null) this.store.write(change)
    } catch (error) {
      this.warn('Vouch could not change whether it opens at login:', error)
    }
  }
}
