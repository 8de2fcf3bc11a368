/**
 * Windows identity. The AppUserModelID equals electron-builder's appId, which the NSIS
 * installer stamps on its Start Menu shortcut (templates/nsis/include/installer.nsh,
 * WinShell::SetLnkAUMI); the login item's registry value is named after it too.
 */
export const APP_USER_MODEL_ID = 'app.vouch.desktop'

/**
 * The COM class Windows starts or calls when a Vouch toast is clicked in Action Center. Fixed,
 * not Electron's per-run random one, so a toast shown by an earlier run still activates this
 * one. Electron writes it to HKCU\Software\Classes\CLSID and to the Start Menu shortcut
 * "<productName>.lnk" it keeps (shell/browser/notifications/win/windows_toast_activator.cc).
 * electron-builder has no option for it (no toast CLSID in app-builder-lib's scheme.json).
 * Never change it: shortcuts and Action Center entries of installed copies carry it.
 * https://www.electronjs.org/docs/latest/api/app#appsettoastactivatorclsidid-windows
 */
export const TOAST_ACTIVATOR_CLSID = '{80142004-23F1-4EA9-A5B0-FD33E6967686}'

/** The part of Electron's app the Windows identity uses. */
export interface IdentityApp {
  setAppUserModelId: (id: string) => void
  setToastActivatorCLSID: (id: string) => void
}

/**
 * Sets both ids on Windows (Electron defines these methods there only); must run before the
 * first notification and before the login item is written.
 */
export function applyWindowsIdentity(platform: string, app: IdentityApp): void {
  if (platform !== 'win32') return
  app.setAppUserModelId(APP_USER_MODEL_ID)
  app.setToastActivatorCLSID(TOAST_ACTIVATOR_CLSID)
}
