import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

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
      },
    })
  })

  it('packages only the build output under the app id, for every platform', async () => {
    expect(await builderConfig()).toMatchObject({
      appId: 'app.vouch.desktop',
      productName: 'Vouch',
      directories: { output: 'dist' },
      files: ['out/**', 'package.json'],
      linux: { target: ['AppImage', 'deb'], category: 'Office' },
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

  it('starts the main process the build writes', async () => {
    const pkg: unknown = JSON.parse(await readFile(resolve(root, 'package.json'), 'utf8'))
    expect(pkg).toMatchObject({ main: 'out/main/main.js' })
  })
})
