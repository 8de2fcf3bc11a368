import { describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '@shared/ipc'

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => ({ Menu: {}, nativeImage: {}, Tray: vi.fn() }))

const { TrayController } = await import('./trayController')

function setup(options: { trayFails?: boolean } = {}) {
  const emitted: CoreEvent[] = []
  let listener: (event: CoreEvent) => void = () => {}
  const refresh = vi.fn(async () => {})
  const list = { now: '2026-03-01T10:00:00.000Z', due: [], upcoming: [] }
  const core = {
    invoke: vi.fn(async (command: string) => ({
      ok: true as const,
      value: command === 'reminder.list' ? list : null,
    })),
    subscribe: (l: (event: CoreEvent) => void) => {
      listener = l
      return () => {}
    },
    emit: (event: CoreEvent) => emitted.push(event),
  }
  const deps = {
    platform: 'win32',
    core,
    showWindow: vi.fn(async () => {}),
    notifier: { open: vi.fn(async (_id: string) => {}) },
    quit: { quit: vi.fn() },
    createTray: () => {
      if (options.trayFails) throw new Error('no StatusNotifier host')
      return { refresh }
    },
  }
  const controller = new TrayController(deps)
  return { controller, deps, core, emitted, refresh, list, fire: (e: CoreEvent) => listener(e) }
}

describe('TrayController', () => {
  it('redraws at once and whenever the reminders change', () => {
    const { refresh, fire } = setup()
    expect(refresh).toHaveBeenCalledTimes(1)
    fire({ type: 'reminders', due: 3 })
    fire({ type: 'changed', collections: ['contacts'] })
    expect(refresh).toHaveBeenCalledTimes(2)
  })

  it('runs each menu action', async () => {
    const { controller, deps, core, emitted, list } = setup()
    controller.act({ type: 'open' }, null)
    expect(deps.showWindow).toHaveBeenCalledOnce()
    controller.act({ type: 'open-contact', contactId: 'c9' }, null)
    expect(deps.notifier.open).toHaveBeenCalledWith('c9')
    controller.act({ type: 'log-touch' }, null)
    await vi.waitFor(() => expect(emitted).toEqual([{ type: 'log-touch' }]))
    controller.act({ type: 'snooze-all-day' }, list)
    expect(core.invoke).toHaveBeenCalledWith('reminder.snoozeAll', {
      until: '2026-03-02T10:00:00.000Z',
    })
    controller.act({ type: 'quit' }, null)
    expect(deps.quit.quit).toHaveBeenCalledOnce()
  })

  it('carries on without a tray where the desktop has none', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { controller } = setup({ trayFails: true })
    expect(controller.present).toBe(false)
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
    expect(setup().controller.present).toBe(true)
  })
})
