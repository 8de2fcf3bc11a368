import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { Theme } from '@shared/domain'

// This module imports nothing from electron: the clamping and the file are plain Node, tested
// on real temp folders. The window wiring (electron/window.ts) feeds it Electron's rectangles.

/** A rectangle in screen coordinates (Electron's Rectangle). */
export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

/** The smallest window the app lays out in; the BrowserWindow's minWidth / minHeight. */
export const MIN_SIZE = { width: 800, height: 560 } as const
/** The preferred first size: 1280×800, shrunk to fit smaller screens (1366×768 and up). */
export const PREFERRED_SIZE = { width: 1280, height: 800 } as const
/** How much of a saved window must still be on a display for it to reopen there. */
const MIN_VISIBLE = { width: 120, height: 60 } as const

const Coordinate = z.number().int().min(-100_000).max(100_000)
const Length = z.number().int().min(1).max(100_000)
const Bounds = z.object({ x: Coordinate, y: Coordinate, width: Length, height: Length })

/** What the shell remembers between runs: the normal bounds, maximized, and the last theme. */
export const WindowState = z.object({
  bounds: Bounds,
  maximized: z.boolean(),
  /** Settings.theme as last applied, so the next launch paints its first frame right. */
  theme: Theme.default('system'),
})
export type WindowState = z.infer<typeof WindowState>

/** The file, in userData next to (not inside) the data files the core owns. */
export const WINDOW_STATE_FILE = 'window-state.json'

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const right = Math.min(a.x + a.width, b.x + b.width)
  const bottom = Math.min(a.y + a.height, b.y + b.height)
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null
}

const clamp = (value: number, low: number, high: number) =>
  Math.min(Math.max(value, low), Math.max(low, high))

/** Fit a size to an area: never above it, never below the minimum unless the area is smaller. */
function fitSize(size: { width: number; height: number }, area: Rect) {
  return {
    width: Math.min(Math.max(size.width, MIN_SIZE.width), area.width),
    height: Math.min(Math.max(size.height, MIN_SIZE.height), area.height),
  }
}

/** The first-run bounds: the preferred size shrunk to the work area, centred in it. */
export function defaultBounds(workArea: Rect): Rect {
  const { width, height } = fitSize(PREFERRED_SIZE, workArea)
  return {
    x: Math.round(workArea.x + (workArea.width - width) / 2),
    y: Math.round(workArea.y + (workArea.height - height) / 2),
    width,
    height,
  }
}

/**
 * Where a saved window reopens: on the display whose work area shows most of it, shrunk to
 * that work area and moved fully inside it. A window no display shows enough of (its monitor
 * was unplugged, the resolution dropped) goes back to the default on the primary display.
 */
export function clampBounds(saved: Rect | null, workAreas: readonly Rect[], primary: Rect): Rect {
  if (saved === null) return defaultBounds(primary)
  let best: { area: Rect; visible: Rect } | null = null
  for (const area of workAreas) {
    const visible = intersection(saved, area)
    if (visible === null) continue
    if (best === null || visible.width * visible.height > best.visible.width * best.visible.height)
      best = { area, visible }
  }
  if (
    best === null ||
    best.visible.width < Math.min(MIN_VISIBLE.width, saved.width) ||
    best.visible.height < Math.min(MIN_VISIBLE.height, saved.height)
  )
    return defaultBounds(primary)
  const { area } = best
  const { width, height } = fitSize(saved, area)
  return {
    x: clamp(saved.x, area.x, area.x + area.width - width),
    y: clamp(saved.y, area.y, area.y + area.height - height),
    width,
    height,
  }
}

/** Reads the saved state; a missing, unreadable or damaged file gives null (use the defaults). */
export function loadWindowState(dir: string): WindowState | null {
  try {
    const parsed = WindowState.safeParse(
      JSON.parse(readFileSync(join(dir, WINDOW_STATE_FILE), 'utf8')),
    )
    return parsed.success ? parsed.data : null
  } catch {
    return null
  }
}

/**
 * Writes the state atomically: a temp file of this process, then a rename over the old one, so
 * a crash leaves either the old file or the new one. Failing to save is logged, never thrown:
 * the next launch simply opens at the default.
 */
export function saveWindowState(
  dir: string,
  state: WindowState,
  warn: (message: string, error: unknown) => void = console.warn,
): boolean {
  const file = join(dir, WINDOW_STATE_FILE)
  const temp = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temp, `${JSON.stringify(WindowState.parse(state))}\n`)
    renameSync(temp, file)
    return true
  } catch (error) {
    warn('Vouch could not remember the window position:', error)
    try {
      unlinkSync(temp)
    } catch {
      // Nothing was written.
    }
    return false
  }
}
