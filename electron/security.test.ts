import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it, vi } from 'vitest'

// Static checks of the Electron hardening that electron/window.test.ts and
// electron/builderConfig.test.ts do not already make: the CSP in both places, every
// webPreference that matters, and that createMainWindow really installs the handlers.

type Listener = (...args: unknown[]) => unknown
const created: Array<{
  options: unknown
  on: Map<string, Listener>
  windowOpen: Listener | null
  loaded: string | null
}> = []

vi.mock('electron', () => {
  class BrowserWindow {
    constructor(options: unknown) {
      const record = {
        options,
        on: new Map<string, Listener>(),
        windowOpen: null as Listener | null,
        loaded: null as string | null,
      }
      created.push(record)
      this.webContents = {
        on: (name: string, listener: Listener) => record.on.set(name, listener),
        setWindowOpenHandler: (listener: Listener) => (record.windowOpen = listener),
      }
      this.loadURL = async (url: string) => {
        record.loaded = url
      }
    }
    webContents: unknown
    loadURL: (url: string) => Promise<void>
    once() {}
  }
  return { BrowserWindow, shell: { openExternal: vi.fn() } }
})

const { createMainWindow, hardenSession, mainWindowOptions } = await import('./window')
const { CONTENT_SECURITY_POLICY, APP_ENTRY_URL } = await import('./protocol')

const root = resolve(import.meta.dirname, '..')

/** The CSP as a map of directive → sources, for order-insensitive comparison. */
function directives(policy: string): Map<string, string> {
  return new Map(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '')
      .map((d) => {
        const [name = '', ...sources] = d.split(/\s+/)
        return [name, sources.join(' ')]
      }),
  )
}

async function metaPolicy(file: string): Promise<string> {
  const html = await readFile(resolve(root, file), 'utf8')
  const match = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)
  if (!match?.[1]) throw new Error(`${file} has no CSP <meta>`)
  return match[1]
}

describe('Content-Security-Policy', () => {
  it('the header allows only the app’s own scripts, styles and connections, and no framing', () => {
    const csp = directives(CONTENT_SECURITY_POLICY)
    expect(csp.get('default-src')).toBe("'self'")
    expect(csp.get('script-src')).toBe("'self'")
    expect(csp.get('style-src')).toBe("'self'")
    expect(csp.get('connect-src')).toBe("'self'")
    expect(csp.get('object-src')).toBe("'none'")
    expect(csp.get('base-uri')).toBe("'none'")
    expect(csp.get('form-action')).toBe("'none'")
    expect(csp.get('frame-src')).toBe("'none'")
    expect(csp.get('frame-ancestors')).toBe("'none'")
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|http:|https:/)
  })

  it('the <meta> in renderer/index.html says the same (frame-ancestors only works as a header)', async () => {
    const header = directives(CONTENT_SECURITY_POLICY)
    // Chromium ignores frame-ancestors in a <meta> and logs an error for it, so it is header-only.
    header.delete('frame-ancestors')
    expect(directives(await metaPolicy('renderer/index.html'))).toEqual(header)
  })
})

describe('main window web preferences', () => {
  it('turns off every Node, webview and insecure-content switch and enables no experiments', () => {
    const prefs = mainWindowOptions('/p.cjs').webPreferences ?? {}
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // Middle-click cannot open links around the window-open handler.
      disableBlinkFeatures: 'Auxclick',
    })
    expect(prefs.experimentalFeatures).toBeUndefined()
    expect(prefs.enableBlinkFeatures).toBeUndefined()
    expect(prefs.nodeIntegrationInWorker).not.toBe(true)
  })
})

describe('createMainWindow', () => {
  it('loads only the app entry and installs the navigation, webview and window-open guards and the context menu', async () => {
    createMainWindow('/p.cjs')
    const window = created.at(-1)
    expect(window?.loaded).toBe(APP_ENTRY_URL)
    expect(window?.options).toEqual(mainWindowOptions('/p.cjs'))

    for (const name of ['will-navigate', 'will-redirect']) {
      const preventDefault = vi.fn()
      window?.on.get(name)?.({ url: 'https://evil.example/', preventDefault })
      expect(preventDefault, name).toHaveBeenCalled()
    }
    expect(window?.on.has('context-menu')).toBe(true)
    const webview = vi.fn()
    window?.on.get('will-attach-webview')?.({ preventDefault: webview })
    expect(webview).toHaveBeenCalled()
    expect(window?.windowOpen?.({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(window?.windowOpen?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })
})

describe('hardenSession', () => {
  it('denies every permission request and check but a clipboard write', () => {
    const installed: { request?: Listener; check?: Listener } = {}
    const session = {
      setPermissionRequestHandler: (handler: Listener) => (installed.request = handler),
      setPermissionCheckHandler: (handler: Listener) => (installed.check = handler),
    }
    // hardenSession takes an Electron Session; only these two methods are used.
    hardenSession(session as unknown as Parameters<typeof hardenSession>[0])
    expect(installed.request).toBeDefined()
    expect(installed.check).toBeDefined()
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
    ]) {
      const callback = vi.fn()
      installed.request?.({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
      expect(installed.check?.({}, permission)).toBe(false)
    }
    const allowed = vi.fn()
    installed.request?.({}, 'clipboard-sanitized-write', allowed)
    expect(allowed).toHaveBeenCalledWith(true)
    expect(installed.check?.({}, 'clipboard-sanitized-write')).toBe(true)
  })
})
