import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  clampBounds,
  defaultBounds,
  loadWindowState,
  MIN_SIZE,
  saveWindowState,
  WINDOW_STATE_FILE,
  type Rect,
} from './windowState'

// Work areas as Electron reports them: the display minus the taskbar / menu bar.
const laptop: Rect = { x: 0, y: 0, width: 1366, height: 728 } // 1366×768, 40 px taskbar
const big: Rect = { x: 0, y: 25, width: 2560, height: 1415 } // 2560×1440 under a menu bar
const rightMonitor: Rect = { x: 1366, y: 0, width: 1920, height: 1040 }
const leftMonitor: Rect = { x: -1920, y: 0, width: 1920, height: 1040 }

const inside = (r: Rect, area: Rect) =>
  r.x >= area.x &&
  r.y >= area.y &&
  r.x + r.width <= area.x + area.width &&
  r.y + r.height <= area.y + area.height

describe('defaultBounds', () => {
  it('fits a 1366×768 screen, centred, and is 1280×800 where there is room', () => {
    const small = defaultBounds(laptop)
    expect(small).toEqual({ x: 43, y: 0, width: 1280, height: 728 })
    expect(inside(small, laptop)).toBe(true)
    expect(defaultBounds(big)).toEqual({ x: 640, y: 333, width: 1280, height: 800 })
  })

  it('never exceeds a work area smaller than the minimum size', () => {
    const tiny: Rect = { x: 0, y: 0, width: 640, height: 480 }
    expect(defaultBounds(tiny)).toEqual({ x: 0, y: 0, width: 640, height: 480 })
  })
})

describe('clampBounds', () => {
  it('keeps a window that is fully on a display', () => {
    const saved = { x: 100, y: 80, width: 1000, height: 600 }
    expect(clampBounds(saved, [laptop], laptop)).toEqual(saved)
    const onSecond = { x: 1500, y: 100, width: 1200, height: 800 }
    expect(clampBounds(onSecond, [laptop, rightMonitor], laptop)).toEqual(onSecond)
  })

  it('pulls a window hanging off an edge back inside the display that shows most of it', () => {
    const hanging = { x: 1000, y: 500, width: 1000, height: 600 }
    const result = clampBounds(hanging, [laptop], laptop)
    expect(result).toEqual({ x: 366, y: 128, width: 1000, height: 600 })
    // Straddling two monitors: it lands on the one with the larger share.
    const straddling = { x: 1100, y: 100, width: 1000, height: 700 }
    const moved = clampBounds(straddling, [laptop, rightMonitor], laptop)
    expect(inside(moved, rightMonitor)).toBe(true)
    expect(moved).toEqual({ x: 1366, y: 100, width: 1000, height: 700 })
  })

  it('shrinks a window saved on a bigger screen to the work area', () => {
    const huge = { x: 0, y: 25, width: 2400, height: 1400 }
    expect(clampBounds(huge, [laptop], laptop)).toEqual({ x: 0, y: 0, width: 1366, height: 728 })
  })

  it('falls back to the default when its monitor is gone or only a sliver would show', () => {
    const onUnplugged = { x: -1800, y: 100, width: 1200, height: 800 }
    expect(clampBounds(onUnplugged, [leftMonitor, laptop], laptop)).toEqual({
      x: -1800,
      y: 100,
      width: 1200,
      height: 800,
    })
    expect(clampBounds(onUnplugged, [laptop], laptop)).toEqual(defaultBounds(laptop))
    const sliver = { x: 1330, y: 100, width: 1000, height: 600 }
    expect(clampBounds(sliver, [laptop], laptop)).toEqual(defaultBounds(laptop))
    expect(clampBounds(null, [laptop], laptop)).toEqual(defaultBounds(laptop))
  })

  it('grows a window below the minimum size', () => {
    const small = { x: 10, y: 10, width: 300, height: 200 }
    expect(clampBounds(small, [laptop], laptop)).toMatchObject(MIN_SIZE)
  })

  it('always returns a window inside some work area', () => {
    const areas = [laptop, rightMonitor]
    for (let x = -3000; x <= 4000; x += 350) {
      for (let y = -1000; y <= 2000; y += 250) {
        const result = clampBounds({ x, y, width: 1100, height: 700 }, areas, laptop)
        expect(
          areas.some((area) => inside(result, area)),
          `${x},${y}`,
        ).toBe(true)
      }
    }
  })
})

describe('window state file', () => {
  let dir = ''
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'vouch-window-'))
  })
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  const state = {
    bounds: { x: -1500, y: 40, width: 1200, height: 760 },
    maximized: true,
    theme: 'dark' as const,
  }

  it('round-trips, leaving no temp file behind', async () => {
    expect(loadWindowState(dir)).toBeNull()
    expect(saveWindowState(dir, state)).toBe(true)
    expect(loadWindowState(dir)).toEqual(state)
    expect(await readdir(dir)).toEqual([WINDOW_STATE_FILE])
    saveWindowState(dir, { ...state, maximized: false })
    expect(loadWindowState(dir)?.maximized).toBe(false)
  })

  it('reads a damaged or foreign file as "no saved state"', async () => {
    const file = join(dir, WINDOW_STATE_FILE)
    for (const content of [
      '',
      '{"bounds": {"x": 1',
      'null',
      '[]',
      '{"bounds":{"x":"0","y":0,"width":800,"height":600},"maximized":false}',
      '{"bounds":{"x":0,"y":0,"width":0,"height":600},"maximized":false}',
      '{"bounds":{"x":0,"y":0,"width":1e300,"height":600},"maximized":false}',
      '\u0000\u0000\u0000',
    ]) {
      await writeFile(file, content)
      expect(loadWindowState(dir), JSON.stringify(content)).toBeNull()
    }
  })

  it('fills in a theme missing from an older file', async () => {
    await writeFile(
      join(dir, WINDOW_STATE_FILE),
      '{"bounds":{"x":0,"y":0,"width":900,"height":600},"maximized":false}',
    )
    expect(loadWindowState(dir)?.theme).toBe('system')
  })

  it('reports a failed save and keeps the previous file', async () => {
    saveWindowState(dir, state)
    const missing = join(dir, 'no-such-folder')
    const warn = vi.fn()
    expect(saveWindowState(missing, state, warn)).toBe(false)
    // A state that is not a valid one is refused rather than written.
    const invalid = { ...state, bounds: { ...state.bounds, width: Number.NaN } }
    expect(saveWindowState(dir, invalid, warn)).toBe(false)
    expect(warn).toHaveBeenCalledTimes(2)
    expect(JSON.parse(await readFile(join(dir, WINDOW_STATE_FILE), 'utf8'))).toEqual(state)
    expect(await readdir(dir)).toEqual([WINDOW_STATE_FILE])
  })
})
