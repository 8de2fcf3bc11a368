// The tray icon as raw pixels: a round Vouch mark, and a red badge with the due count.
// Drawn here rather than loaded from pre-rendered PNGs so every count is right at every scale.
// Everything is laid out on a 16-unit grid; scale 1 is the 16 px icon, scale 2 the 32 px one.

/** Side of the tray icon in points: 16 px at 1×, 32 px at 2× (nativeImage representations). */
export const TRAY_ICON_POINTS = 16
/** The scale factors drawn; the OS picks (or scales from) the nearest. */
export const TRAY_ICON_SCALES = [1, 2] as const

/** 'colour' for Windows and Linux; 'template' for macOS, where only the alpha counts and the menu bar tints it. */
export type TrayIconStyle = 'colour' | 'template'

// 3×5 pixel digits, one string per row; '+' for counts above 9. At 1× a dot is one pixel.
const GLYPHS: Record<string, readonly string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
  '+': ['000', '010', '111', '010', '000'],
}

type Rgb = readonly [number, number, number]
/** The mark's green and the badge's red (white digits on it read at 16 px). */
export const MARK_COLOUR: Rgb = [45, 106, 79]
export const BADGE_COLOUR: Rgb = [214, 40, 40]
const WHITE: Rgb = [255, 255, 255]
const BLACK: Rgb = [0, 0, 0]

/** What the badge says: nothing for 0, the count up to 9, then "9+". */
export function badgeText(count: number): string {
  if (count <= 0) return ''
  return count > 9 ? '9+' : String(Math.floor(count))
}

/** Where the badge sits, in units: a pill in the top-right corner sized to its text. */
export function badgeBox(text: string): { x: number; y: number; width: number; height: number } {
  const width = text.length * 4 - 1 + 2
  return { x: TRAY_ICON_POINTS - width, y: 0, width, height: 7 }
}

/** A straight-alpha RGBA canvas with anti-aliased shapes (4×4 samples a pixel). */
class Canvas {
  readonly rgba: Float64Array
  constructor(
    readonly size: number,
    readonly scale: number,
  ) {
    this.rgba = new Float64Array(size * size * 4)
  }

  /** Paints colour (or clears, with null) where `inside(ux, uy)` holds, in units. */
  fill(inside: (ux: number, uy: number) => boolean, colour: Rgb | null): void {
    const n = 4
    for (let y = 0; y < this.size; y++) {
      for (let x = 0; x < this.size; x++) {
        let hits = 0
        for (let sy = 0; sy < n; sy++)
          for (let sx = 0; sx < n; sx++)
            if (inside((x + (sx + 0.5) / n) / this.scale, (y + (sy + 0.5) / n) / this.scale)) hits++
        if (hits > 0) this.blend(x, y, colour, hits / (n * n))
      }
    }
  }

  /** Paints a whole pixel, for the digits, which are drawn on the pixel grid to stay sharp. */
  pixel(x: number, y: number, colour: Rgb): void {
    if (x >= 0 && y >= 0 && x < this.size && y < this.size) this.blend(x, y, colour, 1)
  }

  private blend(x: number, y: number, colour: Rgb | null, coverage: number): void {
    const i = (y * this.size + x) * 4
    const a = this.rgba[i + 3] ?? 0
    if (colour === null) {
      this.rgba[i + 3] = a * (1 - coverage)
      return
    }
    const out = coverage + a * (1 - coverage)
    for (let c = 0; c < 3; c++) {
      const below = this.rgba[i + c] ?? 0
      this.rgba[i + c] = (colour[c]! * coverage + below * a * (1 - coverage)) / out
    }
    this.rgba[i + 3] = out
  }
}

const distanceToSegment = (
  px: number,
  py: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
) => {
  const t = Math.max(
    0,
    Math.min(
      1,
      ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2),
    ),
  )
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)))
}

const insidePill = (box: ReturnType<typeof badgeBox>, grow: number) => (ux: number, uy: number) => {
  const r = box.height / 2 + grow
  const cy = box.y + box.height / 2
  const left = box.x + box.height / 2
  const right = box.x + box.width - box.height / 2
  const cx = Math.max(left, Math.min(right, ux))
  return Math.hypot(ux - cx, uy - cy) <= r
}

/**
 * The icon at a scale as straight-alpha RGBA bytes, (16·scale)² pixels. With a count (colour
 * style only: macOS shows the count as the tray title) a red pill in the top-right corner
 * carries it in white, cut out from the mark by a clear ring so it reads on any panel.
 */
export function trayIconRgba(count: number, scale: number, style: TrayIconStyle): Uint8Array {
  const size = TRAY_ICON_POINTS * scale
  const canvas = new Canvas(size, scale)
  const ink = style === 'template' ? BLACK : MARK_COLOUR
  canvas.fill((x, y) => Math.hypot(x - 8, y - 8) <= 7.5, ink)
  // A "V" for Vouch: white on the colour mark, knocked out of the template one.
  const v = (x: number, y: number) =>
    Math.min(
      distanceToSegment(x, y, 4.6, 4.8, 8, 11.6),
      distanceToSegment(x, y, 11.4, 4.8, 8, 11.6),
    ) <= 0.95
  canvas.fill(v, style === 'template' ? null : WHITE)
  const text = style === 'colour' ? badgeText(count) : ''
  if (text !== '') {
    const box = badgeBox(text)
    canvas.fill(insidePill(box, 1), null)
    canvas.fill(insidePill(box, 0), BADGE_COLOUR)
    let left = (box.x + 1) * scale
    const top = (box.y + 1) * scale
    for (const char of text) {
      const glyph = GLYPHS[char] ?? []
      glyph.forEach((row, gy) => {
        for (let gx = 0; gx < row.length; gx++) {
          if (row[gx] !== '1') continue
          for (let dy = 0; dy < scale; dy++)
            for (let dx = 0; dx < scale; dx++)
              canvas.pixel(left + gx * scale + dx, top + gy * scale + dy, WHITE)
        }
      })
      left += 4 * scale
    }
  }
  // Colours are 0–255, alpha 0–1.
  return Uint8Array.from(canvas.rgba, (value, i) =>
    Math.round(Math.min(255, Math.max(0, i % 4 === 3 ? value * 255 : value))),
  )
}

/**
 * The same pixels as premultiplied BGRA, the layout nativeImage reads from a raw buffer
 * (Skia's N32 premultiplied on little-endian machines: shell/common/skia_util.cc,
 * AddImageSkiaRepFromBuffer, in electron/electron).
 */
export function trayBitmap(count: number, scale: number, style: TrayIconStyle): Buffer {
  const rgba = trayIconRgba(count, scale, style)
  const out = Buffer.alloc(rgba.length)
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3] ?? 0
    out[i] = Math.round(((rgba[i + 2] ?? 0) * a) / 255)
    out[i + 1] = Math.round(((rgba[i + 1] ?? 0) * a) / 255)
    out[i + 2] = Math.round(((rgba[i] ?? 0) * a) / 255)
    out[i + 3] = a
  }
  return out
}
