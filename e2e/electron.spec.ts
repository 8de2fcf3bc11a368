import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { installedElectron } from './harness/electronBinary'
import { BoardPage } from './pages/BoardPage'

const executablePath = installedElectron()

test.describe('the packaged shell in real Electron', () => {
  test.skip(
    executablePath === null,
    'Electron binary not installed (it downloads on first run and this machine has no network for it) — see README',
  )

  test('opens the board, saves through the preload bridge and exposes nothing else', async () => {
    const userData = await mkdtemp(join(tmpdir(), 'vouch-electron-'))
    const app = await electron.launch({
      ...(executablePath ? { executablePath } : {}),
      args: ['.'],
      cwd: resolve(import.meta.dirname, '..'),
      env: { ...process.env, VOUCH_USER_DATA: userData },
    })
    try {
      const page = await app.firstWindow()
      await expect(page.locator('[data-testid="app"]')).toBeVisible()
      expect(await page.title()).toBe('Vouch')

      // Through the UI, so the write travels renderer → preload → IPC → core.
      const board = new BoardPage(page)
      await board.quickAdd('Katherine Johnson')
      await expect(
        board.cardsIn('Identified').filter({ hasText: 'Katherine Johnson' }),
      ).toHaveCount(1)

      const surface = await page.evaluate(() => ({
        bridge: Object.keys(window.vouch ?? {}).sort(),
        requireType: typeof Reflect.get(globalThis, 'require'),
        processType: typeof Reflect.get(globalThis, 'process'),
      }))
      expect(surface).toEqual({
        bridge: ['invoke', 'subscribe'],
        requireType: 'undefined',
        processType: 'undefined',
      })

      // Quitting closes the core, which compacts the journal into vouch.json.
      await app.close()
      expect(await readFile(join(userData, 'vouch.json'), 'utf8')).toContain('Katherine Johnson')
      // Closing the window remembered where it was, for the next launch.
      const windowState: unknown = JSON.parse(
        await readFile(join(userData, 'window-state.json'), 'utf8'),
      )
      expect(windowState).toMatchObject({
        bounds: { width: expect.any(Number), height: expect.any(Number) },
        maximized: false,
      })
    } finally {
      await app.close()
      await rm(userData, { recursive: true, force: true })
    }
  })
})
