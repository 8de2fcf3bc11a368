import { describe, expect, it, vi } from 'vitest'

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => ({ BrowserWindow: vi.fn(), shell: { openExternal: vi.fn() } }))

const { blockNavigation, denyPermission, denyWindowOpen, mainWindowOptions } =
  await import('./window')

function navigation(url: string) {
  const event = { url, preventDefault: vi.fn() }
  blockNavigation(event)
  return event.preventDefault
}

describe('mainWindowOptions', () => {
  it('isolates and sandboxes the renderer', () => {
    const options = mainWindowOptions('/app/out/preload/preload.cjs')
    expect(options.title).toBe('Vouch')
    expect(options.show).toBe(false)
    expect(options.webPreferences).toMatchObject({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      webSecurity: true,
    })
  })
})

describe('mainWindowOptions placement', () => {
  it('opens at the given bounds and background, else 1280×800 on the light background', () => {
    const bounds = { x: 10, y: 20, width: 900, height: 600 }
    expect(mainWindowOptions('/p.cjs', { bounds, backgroundColor: '#111215' })).toMatchObject({
      ...bounds,
      backgroundColor: '#111215',
      minWidth: 800,
      minHeight: 560,
    })
    const defaults = mainWindowOptions('/p.cjs')
    expect(defaults).toMatchObject({ width: 1280, height: 800, backgroundColor: '#f6f7f9' })
    expect(defaults.x).toBeUndefined()
  })
})

describe('blockNavigation', () => {
  it('lets the app navigate within its own origin', () => {
    expect(navigation('app://vouch/index.html')).not.toHaveBeenCalled()
  })

  it('stops every other destination', () => {
    for (const url of [
      'https://example.com/',
      'http://vouch/index.html',
      'file:///etc/passwd',
      'app://evil/index.html',
      'javascript:alert(1)',
    ]) {
      expect(navigation(url), url).toHaveBeenCalledOnce()
    }
  })
})

describe('denyWindowOpen', () => {
  it('never opens a window and sends safe links to the operating system', async () => {
    const open = vi.fn(async (_url: string) => {})
    expect(denyWindowOpen({ url: 'https://example.com/profile' }, open)).toEqual({ action: 'deny' })
    expect(denyWindowOpen({ url: 'mailto:ada@example.com' }, open)).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(open).toHaveBeenCalledTimes(2))
    expect(open.mock.calls.map(([url]) => url)).toEqual([
      'https://example.com/profile',
      'mailto:ada@example.com',
    ])
  })

  it('drops unsafe links without opening anything', async () => {
    const open = vi.fn(async (_url: string) => {})
    for (const url of ['file:///etc/passwd', 'https://good.com@evil.com', 'app://vouch/x']) {
      expect(denyWindowOpen({ url }, open)).toEqual({ action: 'deny' })
    }
    // A safe link afterwards proves the unsafe ones had their chance to reach `open`.
    denyWindowOpen({ url: 'https://example.com/' }, open)
    await vi.waitFor(() => expect(open).toHaveBeenCalled())
    expect(open.mock.calls).toEqual([['https://example.com/']])
  })
})

describe('denyPermission', () => {
  it('refuses every permission but a clipboard write', () => {
    const allowed = vi.fn()
    denyPermission({}, 'clipboard-sanitized-write', allowed)
    expect(allowed).toHaveBeenCalledWith(true)
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
    ]) {
      const callback = vi.fn()
      denyPermission({}, permission, callback)
      expect(callback).toHaveBeenCalledWith(false)
    }
  })
})
