import { readFile, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Page } from '@playwright/test'
import {
  CONTENT_SECURITY_POLICY,
  contentTypeFor,
  resolveRendererFile,
} from '../../electron/protocol'

/** Where the harness serves the built renderer from; page.route answers it, nothing listens. */
export const APP_ORIGIN = 'http://vouch.localhost'
/** The renderer as `electron-vite build` leaves it. */
export const RENDERER_DIR = resolve(import.meta.dirname, '../../out/renderer')

/**
 * Answer the page's requests to APP_ORIGIN from the built renderer, with the app's CSP and the
 * same path resolver as the app:// protocol, so the page runs as it does in the app.
 */
export async function serveRenderer(page: Page, rendererDir: string = RENDERER_DIR): Promise<void> {
  try {
    await stat(join(rendererDir, 'index.html'))
  } catch {
    throw new Error(`No built renderer in ${rendererDir}: run "npx electron-vite build" first.`)
  }
  await page.route(`${APP_ORIGIN}/**`, async (route) => {
    const { pathname } = new URL(route.request().url())
    const file = resolveRendererFile(rendererDir, pathname)
    const body = file === null ? null : await readFile(file).catch(() => null)
    if (file === null || body === null) {
      await route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' })
      return
    }
    await route.fulfill({
      status: 200,
      body,
      contentType: contentTypeFor(file),
      headers: { 'content-security-policy': CONTENT_SECURITY_POLICY },
    })
  })
}
