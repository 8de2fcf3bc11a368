import { describe, expect, it, vi } from 'vitest'
import { buildTrayModel, type TrayAction } from '@shared/trayMenu'

/** What the fake Tray and nativeImage saw. */
const seen = vi.hoisted(() => ({
  events: [] as string[],
  images: [] as Array<{
    reps: Array<{ scaleFactor: number; width: number; height: number; bytes: number }>
    template: boolean
  }>,
}))

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => {
  class Tray {
    on(event: string) {
      seen.events.push(event)
    }
    setToolTip() {}
  }
  const nativeImage = {
    createEmpty() {
      const image = {
        reps: [] as Array<{ scaleFactor: number; width: number; height: number; bytes: number }>,
        template: false,
        addRepresentation(o: {
          scaleFactor: number
          width: number
          height: number
          buffer: Buffer
        }) {
          image.reps.push({
            scaleFactor: o.scaleFactor,
            width: o.width,
            height: o.height,
            bytes: o.buffer.length,
          })
        },
        setTemplateImage(on: boolean) {
          image.template = on
        },
      }
      seen.images.push(image)
      return image
    },
  }
  return { Menu: {}, nativeImage, Tray }
})

const { clickOpensWindow, trayMenuTemplate, trayPlatform, VouchTray } = await import('./tray')
const { badgeBox, badgeText, BADGE_COLOUR, MARK_COLOUR, trayBitmap, trayIconRgba } =
  await import('./trayIcon')

describe('trayMenuTemplate', () => {
  it('maps every tray item to a menu entry whose click runs its action', () => {
    const model = buildTrayModel({
      platform: 'linux',
      due: [{ contactId: 'c1', name: 'Ada & Co', kind: 'thanks-owed', detail: 'Acme' }],
    })
    const actions: TrayAction[] = []
    const template = trayMenuTemplate(model.items, (a) => actions.push(a))
    expect(template.map((t) => t.type ?? t.label)).toEqual([
      'Due now',
      'Thank Ada && Co — Acme',
      'separator',
      'Log touch…',
      'Snooze all for a day',
      'separator',
      'Open Vouch',
      'Quit',
    ])
    expect(template[0]?.enabled).toBe(false)
    for (const entry of template) entry.click?.()
    expect(actions).toEqual([
      { type: 'open-contact', contactId: 'c1' },
      { type: 'log-touch' },
      { type: 'snooze-all-day' },
      { type: 'open' },
      { type: 'quit' },
    ])
  })

  it('disables Snooze all when nothing is due', () => {
    const template = trayMenuTemplate(
      buildTrayModel({ platform: 'win32', due: [] }).items,
      () => {},
    )
    expect(template.find((t) => t.id === 'snooze-all-day')?.enabled).toBe(false)
  })
})

describe('trayPlatform', () => {
  it('treats every other OS as Linux', () => {
    expect(['darwin', 'win32', 'linux', 'freebsd'].map(trayPlatform)).toEqual([
      'darwin',
      'win32',
      'linux',
      'linux',
    ])
  })
})

describe('clickOpensWindow', () => {
  it('opens the window on a click on Windows and Linux, never on macOS (the click opens the menu there)', () => {
    expect(['darwin', 'win32', 'linux', 'freebsd'].map(clickOpensWindow)).toEqual([
      false,
      true,
      true,
      true,
    ])
  })
})

describe('VouchTray', () => {
  it('listens to click only where it opens the window, and gives the icon 1× and 2× pixels', () => {
    for (const platform of ['darwin', 'win32', 'linux']) {
      seen.events.length = 0
      seen.images.length = 0
      new VouchTray({ platform, list: async () => null, onAction: () => {} })
      expect(seen.events, platform).toEqual(platform === 'darwin' ? [] : ['click'])
      expect(seen.images[0]?.reps).toEqual([
        { scaleFactor: 1, width: 16, height: 16, bytes: 16 * 16 * 4 },
        { scaleFactor: 2, width: 32, height: 32, bytes: 32 * 32 * 4 },
      ])
      expect(seen.images[0]?.template, platform).toBe(platform === 'darwin')
    }
  })
})

describe('the tray icon', () => {
  /** RGBA of one pixel of a straight-alpha icon. */
  const pixel = (rgba: Uint8Array, side: number, x: number, y: number) => {
    const i = (y * side + x) * 4
    return [rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]]
  }

  it('says the count up to 9, then 9+', () => {
    expect([0, 1, 9, 10, 250].map(badgeText)).toEqual(['', '1', '9', '9+', '9+'])
  })

  it('draws 16 px at 1× and 32 px at 2×, with the mark in the centre and clear corners', () => {
    for (const scale of [1, 2]) {
      const side = 16 * scale
      const icon = trayIconRgba(0, scale, 'colour')
      expect(icon).toHaveLength(side * side * 4)
      expect(pixel(icon, side, 0, side - 1)[3]).toBe(0)
      expect(pixel(icon, side, 3 * scale, 8 * scale)).toEqual([...MARK_COLOUR, 255])
    }
  })

  it('puts a red badge with white digits in the top-right corner only when something is due', () => {
    for (const scale of [1, 2]) {
      const side = 16 * scale
      const box = badgeBox('3')
      const some = trayIconRgba(3, scale, 'colour')
      const none = trayIconRgba(0, scale, 'colour')
      // The badge's left column, clear of the digit; the digit's top-left dot.
      const x = Math.floor((box.x + 0.5) * scale)
      const y = Math.floor((box.y + 3.5) * scale)
      expect(pixel(some, side, x, y)).toEqual([...BADGE_COLOUR, 255])
      expect(pixel(none, side, x, y)).not.toEqual([...BADGE_COLOUR, 255])
      expect(pixel(some, side, (box.x + 1) * scale, (box.y + 1) * scale)).toEqual([
        255, 255, 255, 255,
      ])
    }
  })

  it('keeps every digit legible at 16 px: whole white pixels on the red, each digit its own pattern', () => {
    const digitPixels = (count: number) => {
      const icon = trayIconRgba(count, 1, 'colour')
      const box = badgeBox(badgeText(count))
      const rows: string[] = []
      for (let y = box.y + 1; y < box.y + 6; y++) {
        let row = ''
        for (let x = box.x + 1; x < box.x + box.width - 1; x++) {
          const [r, g, b, a] = pixel(icon, 16, x, y)
          const white = r === 255 && g === 255 && b === 255 && a === 255
          const red = r === BADGE_COLOUR[0] && g === BADGE_COLOUR[1] && b === BADGE_COLOUR[2]
          expect(white || red, `${count} at ${x},${y}`).toBe(true)
          row += white ? '1' : '0'
        }
        rows.push(row)
      }
      return rows.join('/')
    }
    const patterns = [1, 2, 3, 4, 5, 6, 7, 8, 9].map(digitPixels)
    expect(new Set(patterns).size).toBe(9)
    expect(digitPixels(1)).toBe('010/110/010/010/111')
    expect(digitPixels(12)).toBe(digitPixels(99))
  })

  it('draws a template image for macOS: black and clear only, no badge', () => {
    const template = trayIconRgba(5, 2, 'template')
    for (let i = 0; i < template.length; i += 4)
      expect([template[i], template[i + 1], template[i + 2]]).toEqual([0, 0, 0])
    expect(Buffer.from(template).equals(Buffer.from(trayIconRgba(0, 2, 'template')))).toBe(true)
  })

  it('hands Electron premultiplied BGRA', () => {
    const rgba = trayIconRgba(3, 1, 'colour')
    const bgra = trayBitmap(3, 1, 'colour')
    for (let i = 0; i < rgba.length; i += 4) {
      const a = rgba[i + 3] ?? 0
      expect(bgra[i + 3]).toBe(a)
      expect(bgra[i]).toBe(Math.round(((rgba[i + 2] ?? 0) * a) / 255))
      expect(bgra[i + 2]).toBe(Math.round(((rgba[i] ?? 0) * a) / 255))
    }
  })
})
