// The tray icon as raw pixels: a round Vouch mark, and a red badge with the due count.
// Drawn here rather than loaded from pre-rendered PNGs so every count is correct at any size.

/** Side of the tray bitmap in pixels (the OS scales it; 32 is crisp on 1x and 2x panels). */
export const TRAY_ICON_SIZE = 32

// 3×5 pixel digits, one string per row; '+' for counts above 9.
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

type Rgba = readonly [number, number, number, number]
const MARK: Rgba = [45, 106, 79, 255]
const BADGE: Rgba = [214, 40, 40, 255]
const WHITE: Rgba = [255, 255, 255, 255]

/** What the badge says: nothing for 0, the count up to 9, then "9+". */
export function badgeText(count: number): string {
  if (count <= 0) return ''
  return count > 9 ? '9+' : String(Math.floor(count))
}

/**
 * The icon as a BGRA bitmap (the layout nativeImage.createFromBitmap reads), size × size.
 * With a count, a red disc in the top-right corner carries it in white.
 */
export function trayBitmap(count: number, size = TRAY_ICON_SIZE): Buffer {
  const pixels = Buffer.alloc(size * size * 4)
  const put = (x: number, y: number, [r, g, b, a]: Rgba) => {
    if (x < 0 || y < 0 || x >= size || y >= size) return
    const i = (y * size + x) * 4
    pixels[i] = b
    pixels[i + 1] = g
    pixels[i + 2] = r
    pixels[i + 3] = a
  }
  const disc = (cx: number, cy: number, radius: number, colour: Rgba) => {
    for (let y = Math.floor(cy - radius); y <= cy + radius; y++) {
      for (let x = Math.floor(cx - radius); x <= cx + radius; x++) {
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= radius ** 2) put(x, y, colour)
      }
    }
  }
  disc(size / 2, size / 2, size * 0.42, MARK)
  // A "V" for Vouch, two strokes meeting at the bottom.
  const scale = size / 32
  for (let t = 0; t <= 10 * scale; t += 0.25) {
    for (let w = 0; w < 2 * scale; w++) {
      put(Math.round(10 * scale + t * 0.6 + w), Math.round(10 * scale + t * 1.2), WHITE)
      put(Math.round(22 * scale - t * 0.6 - w), Math.round(10 * scale + t * 1.2), WHITE)
    }
  }
  const text = badgeText(count)
  if (text === '') return pixels
  const radius = size * 0.3
  const cx = size - radius
  const cy = radius
  disc(cx, cy, radius, BADGE)
  const dot = Math.max(1, Math.floor(size / 16))
  const width = text.length * 3 * dot + (text.length - 1) * dot
  let left = Math.round(cx - width / 2)
  const top = Math.round(cy - (5 * dot) / 2)
  for (const char of text) {
    const glyph = GLYPHS[char] ?? []
    glyph.forEach((row, gy) => {
      for (let gx = 0; gx < row.length; gx++) {
        if (row[gx] !== '1') continue
        for (let dy = 0; dy < dot; dy++)
          for (let dx = 0; dx < dot; dx++) put(left + gx * dot + dx, top + gy * dot + dy, WHITE)
      }
    })
    left += 4 * dot
  }
  return pixels
}
