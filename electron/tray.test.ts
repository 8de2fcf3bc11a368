import { describe, expect, it, vi } from 'vitest'
import { buildTrayModel, type TrayAction } from '@shared/trayMenu'

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => ({ Menu: {}, nativeImage: {}, Tray: vi.fn() }))

const { trayMenuTemplate, trayPlatform } = await import('./tray')
const { badgeText, trayBitmap, TRAY_ICON_SIZE } = await import('./trayIcon')

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

describe('the tray icon', () => {
  const pixel = (bitmap: Buffer, x: number, y: number) => {
    const i = (y * TRAY_ICON_SIZE + x) * 4
    // BGRA → RGBA for reading.
    return [bitmap[i + 2], bitmap[i + 1], bitmap[i], bitmap[i + 3]]
  }

  it('says the count up to 9, then 9+', () => {
    expect([0, 1, 9, 10, 250].map(badgeText)).toEqual(['', '1', '9', '9+', '9+'])
  })

  it('draws a red badge in the top-right corner only when something is due', () => {
    const none = trayBitmap(0)
    const some = trayBitmap(3)
    expect(none).toHaveLength(TRAY_ICON_SIZE * TRAY_ICON_SIZE * 4)
    // Just inside the badge's disc, clear of the digit.
    expect(pixel(some, TRAY_ICON_SIZE - 3, 9)).toEqual([214, 40, 40, 255])
    expect(pixel(none, TRAY_ICON_SIZE - 3, 9)).not.toEqual([214, 40, 40, 255])
    // The corners stay transparent, the centre is the mark.
    expect(pixel(some, 0, TRAY_ICON_SIZE - 1)[3]).toBe(0)
    expect(pixel(none, 16, 28)[3]).toBe(255)
  })

  it('draws different digits differently', () => {
    expect(trayBitmap(1).equals(trayBitmap(7))).toBe(false)
    expect(trayBitmap(12).equals(trayBitmap(99))).toBe(true)
  })
})
