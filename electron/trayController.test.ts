import { describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '@shared/ipc'
import { useTempCores } from '@testing/core/tempCores'
import { CoreCallError } from './core/types'
import type { TrayControllerDeps } from './trayController'

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => ({ Menu: {}, nativeImage: {}, Tray: vi.fn() }))

const { TrayController } = await import('./trayController')

const temp = useTempCores(() => ({
  now: () => new Date('2026-03-01T10:00:00.000Z'),
  compactAfterMs: 600_000,
}))

async function setup(options: { trayFails?: boolean } = {}) {
  const emitted: CoreEvent[] = []
  let listener: (event: CoreEvent) => void = () => {}
  const refresh = vi.fn(async () => {})
  const list = { now: '2026-03-01T10:00:00.000Z', due: [], upcoming: [] }
  const real = await temp.open()
  const calls: Array<[string, unknown]> = []
  const refusing = { value: false }
  // The real core, refusing on demand as a read-only or closing core does.
  const core: TrayControllerDeps['core'] = {
    call: (command, input) => {
      calls.push([command, input])
      if (refusing.value)
        return Promise.reject(
          new CoreCallError(command, { ok: false, code: 'read-only', message: 'Read-only.' }),
        )
      return real.call(command, input)
    },
    subscribe: (l: (event: CoreEvent) => void) => {
      listener = l
      return () => {}
    },
    emit: (event: CoreEvent) => emitted.push(event),
  }
  let trayDeps: Parameters<NonNullable<TrayControllerDeps['createTray']>>[0] | null = null
  const deps = {
    platform: 'win32',
    core,
    showWindow: vi.fn(async () => {}),
    notifier: { open: vi.fn(async (_id: string) => {}) },
    quit: { quit: vi.fn() },
    createTray: (given: Parameters<NonNullable<TrayControllerDeps['createTray']>>[0]) => {
      if (options.trayFails) throw new Error('no StatusNotifier host')
      trayDeps = given
      return { refresh }
    },
  }
  const controller = new TrayController(deps)
  const trayList = () => {
    if (trayDeps === null) throw new Error('no tray')
    return trayDeps.list()
  }
  return {
    controller,
    deps,
    calls,
    refusing,
    emitted,
    refresh,
    list,
    trayList,
    fire: (e: CoreEvent) => listener(e),
  }
}

describe('TrayController', () => {
  it('redraws at once and whenever the reminders change', async () => {
    const { refresh, fire } = await setup()
    expect(refresh).toHaveBeenCalledTimes(1)
    fire({ type: 'reminders', due: 3 })
    fire({ type: 'changed', collections: ['contacts'] })
    expect(refresh).toHaveBeenCalledTimes(2)
  })

  it('runs each menu action', async () => {
    const { controller, deps, calls, emitted, list, refresh } = await setup()
    expect(controller.present).toBe(true)
    controller.act({ type: 'open' }, null)
    expect(deps.showWindow).toHaveBeenCalledOnce()
    controller.act({ type: 'open-contact', contactId: 'c9' }, null)
    expect(deps.notifier.open).toHaveBeenCalledWith('c9')
    controller.act({ type: 'log-touch' }, null)
    await vi.waitFor(() => expect(emitted).toEqual([{ type: 'log-touch' }]))
    controller.act({ type: 'snooze-all-day' }, list)
    expect(calls.at(-1)).toEqual(['reminder.snoozeAll', { until: '2026-03-02T10:00:00.000Z' }])
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(2))
    controller.act({ type: 'quit' }, null)
    expect(deps.quit.quit).toHaveBeenCalledOnce()
  })

  it('carries on without a tray where the desktop has none', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { controller } = await setup({ trayFails: true })
    expect(controller.present).toBe(false)
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
  })

  it('lists the reminders of the core, and none when the core refuses; a refused snooze still redraws', async () => {
    const { controller, refusing, refresh, list, trayList } = await setup()
    expect(await trayList()).toEqual({ now: list.now, due: [], upcoming: [] })
    refusing.value = true
    expect(await trayList()).toBeNull()
    controller.act({ type: 'snooze-all-day' }, list)
    await vi.waitFor(() => expect(refresh).toHaveBeenCalledTimes(2))
  })
})
