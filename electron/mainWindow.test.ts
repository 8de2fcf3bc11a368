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
    themeSource: 'system' as 'system' | 'light' | 'dark',
    windows: [] as Array<{
      options: { x?: number; y?: number; width?: number; height?: number; backgroundColor?: string }
      listeners: Map<string, Listener[]>
      backgrounds: string[]
      shown: number
      maximized: boolean
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
        maximized: false,
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
    isMinimized = () => false
    show() {
      this.record.shown++
    }
    focus() {}
    restore() {}
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
  const workArea = { x: 0, y: 0, width: 1366, height: 728 }
  const screen = {
    getAllDisplays: () => [{ workArea }],
    getPrimaryDisplay: () => ({ workArea }),
  }
  return { BrowserWindow, nativeTheme, screen, shell: {} }
})

const { MainWindow } = await import('./mainWindow')

const laptop = { x: 0, y: 0, width: 1366, height: 728 }
let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vouch-main-window-'))
  fake.windows.length = 0
  fake.themeSource = 'system'
  fake.osDark = false
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

  it('shows nothing once a quit has begun', async () => {
    const window = mainWindow(true)
    expect(window.show()).toBeNull()
    expect(await window.showLoaded()).toBeNull()
    expect(fake.windows).toEqual([])
  })
})
