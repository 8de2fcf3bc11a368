import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WINDOW_BACKGROUND } from './theme'
import { defaultBounds, WINDOW_STATE_FILE } from './windowState'

type Listener = () => void

/** The fake Electron the window talks to: one 1366×768 display and an OS in light mode. */
const fake = vi.hoisted(() => {
  const state = {
    osDark: false,
    workAreas: [{ x: 0, y: 0, width: 1366, height: 728 }],
    themeSource: 'system' as 'system' | 'light' | 'dark',
    windows: [] as Array<{
      options: { x?: number; y?: number; width?: number; height?: number; backgroundColor?: string }
      listeners: Map<string, Listener[]>
      backgrounds: string[]
      shown: number
      visible: boolean
      minimized: boolean
      maximized: boolean
      bounds: { x: number; y: number; width: number; height: number }
      normalBounds: { x: number; y: number; width: number; height: number }
    }>,
  }
  return state
})

vi.mock('electron', () => {
  class BrowserWindow {
    private readonly record
    webContents = {
      on() {},
      setWindowOpenHandler() {},
      isLoading: () => false,
      once() {},
    }
    constructor(options: (typeof fake.windows)[number]['options']) {
      this.record = {
        options,
        listeners: new Map<string, Listener[]>(),
        backgrounds: [] as string[],
        shown: 0,
        visible: false,
        minimized: false,
        maximized: false,
        bounds: {
          x: options.x ?? 0,
          y: options.y ?? 0,
          width: options.width ?? 0,
          height: options.height ?? 0,
        },
        normalBounds: {
          x: options.x ?? 0,
          y: options.y ?? 0,
          width: options.width ?? 0,
          height: options.height ?? 0,
        },
      }
      fake.windows.push(this.record)
    }
    on(event: string, listener: Listener) {
      this.record.listeners.set(event, [...(this.record.listeners.get(event) ?? []), listener])
    }
    once(event: string, listener: Listener) {
      this.on(event, listener)
    }
    async loadURL() {}
    isDestroyed = () => false
    isMinimized = () => this.record.minimized
    show() {
      this.record.shown++
      this.record.visible = true
    }
    isVisible = () => this.record.visible
    isFullScreen = () => false
    // Windows reports a minimized window at -32000, -32000.
    getBounds = () =>
      this.record.minimized ? { ...this.record.bounds, x: -32000, y: -32000 } : this.record.bounds
    setBounds(bounds: (typeof fake.windows)[number]['bounds']) {
      this.record.bounds = bounds
      // A minimized window keeps the bounds as the ones it restores to.
      if (this.record.minimized) this.record.normalBounds = bounds
    }
    focus() {}
    restore() {
      this.record.minimized = false
      this.record.bounds = this.record.normalBounds
      this.record.visible = true
    }
    maximize() {
      this.record.maximized = true
    }
    isMaximized = () => this.record.maximized
    getNormalBounds = () => this.record.normalBounds
    setBackgroundColor(colour: string) {
      this.record.backgrounds.push(colour)
    }
  }
  const nativeTheme = {
    get themeSource() {
      return fake.themeSource
    },
    set themeSource(value: 'system' | 'light' | 'dark') {
      fake.themeSource = value
    },
    get shouldUseDarkColors() {
      return fake.themeSource === 'system' ? fake.osDark : fake.themeSource === 'dark'
    },
    on() {},
    off() {},
  }
  const screen = {
    getAllDisplays: () => fake.workAreas.map((workArea) => ({ workArea })),
    getPrimaryDisplay: () => ({ workArea: fake.workAreas[0] }),
  }
  return { BrowserWindow, nativeTheme, screen, shell: {} }
})

const { MainWindow, whenLoaded } = await import('./mainWindow')

const laptop = { x: 0, y: 0, width: 1366, height: 728 }
let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouch-main-window-'))
  fake.windows.length = 0
  fake.themeSource = 'system'
  fake.osDark = false
  fake.workAreas = [laptop]
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

function mainWindow(quitting = false) {
  return new MainWindow({ preloadPath: '/p.cjs', dataDir: dir, isQuitting: () => quitting })
}
const fire = (event: string) => fake.windows[0]?.listeners.get(event)?.forEach((l) => l())

describe('MainWindow', () => {
  it('opens at the default that fits the screen, in the OS theme, the first time', () => {
    fake.osDark = true
    mainWindow().show()
    expect(fake.windows[0]?.options).toMatchObject({
      ...defaultBounds(laptop),
      backgroundColor: WINDOW_BACKGROUND.dark,
    })
  })

  it('reopens where it was, clamped to the screen, maximized and in the saved theme', async () => {
    const saved = { bounds: { x: 900, y: 300, width: 1000, height: 700 }, maximized: true }
    await writeFile(join(dir, WINDOW_STATE_FILE), JSON.stringify({ ...saved, theme: 'dark' }))
    mainWindow().show()
    expect(fake.windows[0]?.options).toMatchObject({
      x: 366,
      y: 28,
      width: 1000,
      height: 700,
      backgroundColor: WINDOW_BACKGROUND.dark,
    })
    expect(fake.themeSource).toBe('dark')
    fire('ready-to-show')
    expect(fake.windows[0]).toMatchObject({ maximized: true, shown: 1 })
  })

  it('remembers its bounds, maximized state and theme when it closes', async () => {
    const window = mainWindow()
    window.show()
    window.setTheme('light')
    const record = fake.windows[0]
    if (record) {
      record.normalBounds = { x: 40, y: 50, width: 900, height: 600 }
      record.maximized = true
    }
    fire('close')
    expect(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual({
      bounds: { x: 40, y: 50, width: 900, height: 600 },
      maximized: true,
      theme: 'light',
    })
  })

  it('repaints its background when the theme setting changes, and remembers the theme at once', async () => {
    const window = mainWindow()
    window.show()
    window.setTheme('dark')
    expect(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'))).toMatchObject({
      theme: 'dark',
    })
    window.setTheme('light')
    expect(fake.windows[0]?.backgrounds).toEqual([WINDOW_BACKGROUND.dark, WINDOW_BACKGROUND.light])
  })

  it('moves a hidden window back onto the screen when its monitor was unplugged meanwhile', () => {
    const monitor = { x: 1366, y: 0, width: 1920, height: 1040 }
    fake.workAreas = [laptop, monitor]
    const window = mainWindow()
    window.show()
    const record = fake.windows[0]
    if (record === undefined) throw new Error('no window')
    record.bounds = { x: 1500, y: 100, width: 1000, height: 700 }
    window.show()
    expect(record.bounds).toEqual({ x: 1500, y: 100, width: 1000, height: 700 })
    record.visible = false // Closed to the tray.
    fake.workAreas = [laptop]
    window.show()
    expect(record.bounds).toEqual(defaultBounds(laptop))
    expect(record.visible).toBe(true)
  })

  it('leaves a window minimized and then hidden where it was restored to', () => {
    const window = mainWindow()
    window.show()
    const record = fake.windows[0]
    if (record === undefined) throw new Error('no window')
    record.normalBounds = { x: 40, y: 50, width: 900, height: 600 }
    Object.assign(record, { minimized: true, visible: false })
    window.show()
    expect(record.bounds).toEqual({ x: 40, y: 50, width: 900, height: 600 })
  })

  it('shows nothing once a quit has begun', async () => {
    const window = mainWindow(true)
    expect(window.show()).toBeNull()
    expect(await window.showLoaded()).toBeNull()
    expect(fake.windows).toEqual([])
  })
})

describe('whenLoaded', () => {
  type FailListener = (e: unknown, code: number, text: string, url: string, main: boolean) => void
  type Listener = (() => void) | FailListener

  /** A WebContents stand-in that counts its listeners and fires them with Electron's arguments. */
  function page() {
    const listeners = new Set<{ event: string; listener: Listener }>()
    function on(event: 'did-finish-load', listener: () => void): void
    function on(event: 'did-fail-load', listener: FailListener): void
    function on(event: string, listener: Listener): void {
      listeners.add({ event, listener })
    }
    const fake = {
      loading: true,
      isLoading: () => fake.loading,
      on,
      off(event: string, listener: unknown) {
        for (const entry of listeners)
          if (entry.event === event && entry.listener === listener) listeners.delete(entry)
      },
      finish() {
        for (const entry of [...listeners])
          if (entry.event === 'did-finish-load') entry.listener({}, 0, '', '', true)
      },
      fail(main: boolean) {
        for (const entry of [...listeners])
          if (entry.event === 'did-fail-load')
            entry.listener({}, -6, 'ERR_FILE_NOT_FOUND', '', main)
      },
      count: () => listeners.size,
    }
    return fake
  }

  it('resolves at once for a loaded page, and on load for a loading one, leaving no listener', async () => {
    const loaded = page()
    loaded.loading = false
    await whenLoaded(loaded)
    expect(loaded.count()).toBe(0)
    const loading = page()
    const done = whenLoaded(loading)
    loading.finish()
    await done
    expect(loading.count()).toBe(0)
  })

  it('resolves when the main frame fails to load, not when a subframe does', async () => {
    const failing = page()
    let settled = false
    const done = whenLoaded(failing).then(() => (settled = true))
    failing.fail(false)
    await Promise.resolve()
    expect(settled).toBe(false)
    failing.fail(true)
    await done
    expect(failing.count()).toBe(0)
  })
})
