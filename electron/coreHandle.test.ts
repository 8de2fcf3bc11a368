import { describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '@shared/ipc'
import { CoreCallError, type Core } from './core/types'
import { CoreHandle } from './coreHandle'

function fakeCore() {
  const listeners: Array<(event: CoreEvent) => void> = []
  const core: Core = {
    invoke: vi.fn(async (command: string) => ({ ok: true as const, value: command })),
    request: async () => {
      throw new Error('not used by the shell')
    },
    // The tray and the shell's settings call; this fake answers every call with a refusal.
    call: vi.fn(async (command: string) => {
      throw new CoreCallError(command, { ok: false, code: 'not-found', message: 'No such thing.' })
    }),
    subscribe: (listener) => {
      listeners.push(listener)
      return () => {}
    },
    close: vi.fn(async () => {}),
    tick: async () => {},
    settled: async () => {},
    emit: (event) => listeners.forEach((l) => l(event)),
  }
  return core
}

describe('CoreHandle', () => {
  it('holds requests made while the core opens and answers them once it is open', async () => {
    const handle = new CoreHandle()
    const core = fakeCore()
    let open: (core: Core) => void = () => {}
    const opened = handle.open(() => new Promise<Core>((resolve) => (open = resolve)))
    const answer = handle.invoke('contact.list', {})
    const called = handle.call('contact.get', { id: 'c1' })
    const events: CoreEvent[] = []
    handle.subscribe((e) => events.push(e))
    handle.emit({ type: 'go', view: 'board' })
    open(core)
    await opened
    expect(await answer).toEqual({ ok: true, value: 'contact.list' })
    await expect(called).rejects.toMatchObject({ command: 'contact.get', code: 'not-found' })
    expect(core.call).toHaveBeenCalledWith('contact.get', { id: 'c1' })
    await vi.waitFor(() => expect(events).toEqual([{ type: 'go', view: 'board' }]))
    core.emit({ type: 'reminders', due: 2 })
    expect(events.at(-1)).toEqual({ type: 'reminders', due: 2 })
    await handle.close()
    expect(core.close).toHaveBeenCalledOnce()
  })

  it('answers with a failure, and closes at once, when the core could not open', async () => {
    const handle = new CoreHandle()
    await expect(handle.open(() => Promise.reject(new Error('locked')))).rejects.toThrow('locked')
    expect(await handle.invoke('contact.list', {})).toMatchObject({ ok: false, code: 'closed' })
    await expect(handle.call('contact.list', {})).rejects.toMatchObject({ code: 'closed' })
    await expect(handle.close()).resolves.toBeUndefined()
    await expect(new CoreHandle().close()).resolves.toBeUndefined()
  })
})
