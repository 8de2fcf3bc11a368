import { describe, expect, it, vi } from 'vitest'
import { APP_USER_MODEL_ID, applyWindowsIdentity, TOAST_ACTIVATOR_CLSID } from './appIdentity'

describe('applyWindowsIdentity', () => {
  it('sets the AppUserModelID and the fixed toast activator CLSID on Windows only', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const app = { setAppUserModelId: vi.fn(), setToastActivatorCLSID: vi.fn() }
      applyWindowsIdentity(platform, app)
      const calls = platform === 'win32' ? 1 : 0
      expect(app.setAppUserModelId).toHaveBeenCalledTimes(calls)
      expect(app.setToastActivatorCLSID).toHaveBeenCalledTimes(calls)
      if (calls) {
        expect(app.setAppUserModelId).toHaveBeenCalledWith(APP_USER_MODEL_ID)
        expect(app.setToastActivatorCLSID).toHaveBeenCalledWith(TOAST_ACTIVATOR_CLSID)
      }
    }
  })

  it('uses a CLSID in the brace-wrapped form Electron prefers', () => {
    expect(TOAST_ACTIVATOR_CLSID).toMatch(
      /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/,
    )
  })
})
