/** The part of Electron's app the login item uses (a fake in tests). */
export interface LoginItemApp {
  readonly isPackaged: boolean
  getLoginItemSettings(): { openAtLogin: boolean }
  setLoginItemSettings(settings: { openAtLogin: boolean }): void
}

/**
 * Whether to change the OS login item, and to what; null leaves it alone. Only a packaged app
 * registers (a dev build would register the bare Electron binary), only where Electron has
 * login items (macOS and Windows: https://www.electronjs.org/docs/latest/api/app#appsetloginitemsettingssettings-macos-windows),
 * and only when the setting differs from what the OS already has, so a user who removed Vouch
 * in System Settings is not overridden at every launch unless the setting itself changes.
 */
export function loginItemChange(state: {
  isPackaged: boolean
  platform: string
  wanted: boolean
  current: boolean
}): boolean | null {
  if (!state.isPackaged) return null
  if (state.platform !== 'darwin' && state.platform !== 'win32') return null
  return state.wanted === state.current ? null : state.wanted
}

/**
 * Applies Settings.launchAtLogin when it changes (and once at start). On Windows the registry
 * value is named after the AppUserModelID, so app.setAppUserModelId must have run first.
 */
export class LoginItem {
  private lastWanted: boolean | null = null

  constructor(
    private readonly app: LoginItemApp,
    private readonly platform: string,
  ) {}

  apply(wanted: boolean): void {
    if (this.lastWanted === wanted) return
    this.lastWanted = wanted
    if (!this.app.isPackaged) return
    const change = loginItemChange({
      isPackaged: this.app.isPackaged,
      platform: this.platform,
      wanted,
      current: this.app.getLoginItemSettings().openAtLogin,
    })
    if (change !== null) this.app.setLoginItemSettings({ openAtLogin: change })
  }
}
