import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { APP_USER_MODEL_ID, TOAST_ACTIVATOR_CLSID } from './appIdentity'

const root = resolve(import.meta.dirname, '..')

async function builderConfig(): Promise<unknown> {
  return parse(await readFile(resolve(root, 'electron-builder.yml'), 'utf8'))
}

describe('electron-builder.yml', () => {
  it('burns the hardening fuses into the packaged binary', async () => {
    expect(await builderConfig()).toMatchObject({
      electronFuses: {
        runAsNode: false,
        enableNodeOptionsEnvironmentVariable: false,
        enableNodeCliInspectArguments: false,
        onlyLoadAppFromAsar: true,
        enableEmbeddedAsarIntegrityValidation: true,
        enableCookieEncryption: true,
        grantFileProtocolExtraPrivileges: false,
      },
    })
  })

  it('re-signs the macOS app ad hoc after flipping the fuses, so an unsigned arm64 build launches', async () => {
    expect(await builderConfig()).toMatchObject({
      electronFuses: { resetAdHocDarwinSignature: true },
      mac: { hardenedRuntime: true, notarize: true },
    })
  })

  it('gives Windows toasts one identity: appId is the AppUserModelID, the shortcut is "<productName>.lnk"', async () => {
    const config = await builderConfig()
    const pkg: unknown = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'))
    expect(config).toMatchObject({ appId: APP_USER_MODEL_ID, productName: 'Vouch' })
    expect(pkg).toMatchObject({ productName: 'Vouch' })
    // Electron keeps the toast activator CLSID on %APPDATA%\…\Programs\<app name>.lnk, the
    // shortcut the installer creates under this name (per-user installs).
    expect(config).toMatchObject({ nsis: { shortcutName: 'Vouch' }, win: { target: 'nsis' } })
    expect(TOAST_ACTIVATOR_CLSID).toMatch(
      /^\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}$/,
    )
    expect(TOAST_ACTIVATOR_CLSID).not.toMatch(/^\{0{8}-/)
  })

  it('packages only the build output under the app id, for every platform', async () => {
    expect(await builderConfig()).toMatchObject({
      appId: 'app.vouch.desktop',
      productName: 'Vouch',
      directories: { output: 'dist' },
      files: ['out/**', 'package.json'],
      linux: { target: ['deb', 'AppImage'], category: 'Office' },
      mac: { target: 'dmg', category: 'public.app-category.productivity' },
      win: { target: 'nsis' },
    })
  })

  it('points at icons that exist', async () => {
    const config = await builderConfig()
    const icons = ['build/icon.png', 'build/icon.icns', 'build/icon.ico', 'build/icons/512x512.png']
    for (const icon of icons) {
      await expect(readFile(resolve(root, icon)), icon).resolves.toBeInstanceOf(Buffer)
    }
    expect(config).toMatchObject({
      linux: { icon: 'build/icons' },
      mac: { icon: 'build/icon.icns' },
      win: { icon: 'build/icon.ico' },
    })
  })

  it('passes electron-builder’s own schema (an unknown option, such as a CLSID, fails here)', async () => {
    const { validateConfiguration } = await import('app-builder-lib/out/util/config/config')
    const { DebugLogger } = await import('builder-util')
    const config: unknown = await builderConfig()
    const record = typeof config === 'object' && config !== null ? config : {}
    await expect(validateConfiguration(record, new DebugLogger(false))).resolves.toBeUndefined()
    // Typed loosely on purpose: the schema check, not the compiler, is what is tested here.
    const withUnknown: object = { ...record, nsis: { toastActivatorClsid: TOAST_ACTIVATOR_CLSID } }
    await expect(validateConfiguration(withUnknown, new DebugLogger(false))).rejects.toThrow(
      /configuration\.nsis/,
    )
  })

  it('starts the main process the build writes', async () => {
    const pkg: unknown = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({ main: 'out/main/main.js' })
  })
})
