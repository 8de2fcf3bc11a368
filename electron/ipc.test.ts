import { describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '@shared/ipc'
import type { Result } from '@shared/result'

// A stand-in ipcMain that records its handler, since the real module needs the Electron binary.
const handlers = new Map<string, (event: unknown, envelope: unknown) => unknown>()
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: (event: unknown, envelope: unknown) => unknown) =>
      handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}))

const { handleInvoke, isTrustedSender, wireIpc } = await import('./ipc')

function fakeCore() {
  const listeners = new Set<(event: CoreEvent) => void>()
  return {
    invoke: vi.fn(async (command: string, input: unknown): Promise<Result<unknown>> => ({
      ok: true,
      value: { command, input },
    })),
    subscribe: (listener: (event: CoreEvent) => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => {},
    emit: (event: CoreEvent) => listeners.forEach((listener) => listener(event)),
    listenerCount: () => listeners.size,
  }
}

const appFrame = { url: 'app://vouch/index.html', parent: null }
const refused = {
  ok: false,
  code: 'invalid-envelope',
  message: 'Refused: the request did not come from Vouch.',
}

describe('isTrustedSender', () => {
  it('trusts only the app origin', () => {
    expect(isTrustedSender('app://vouch/index.html')).toBe(true)
    expect(isTrustedSender('app://vouch/index.html#/contact/1')).toBe(true)
    expect(isTrustedSender('https://vouch/index.html')).toBe(false)
    expect(isTrustedSender('app://vouch.evil.com/index.html')).toBe(false)
    expect(isTrustedSender('file:///app/out/renderer/index.html')).toBe(false)
    expect(isTrustedSender('')).toBe(false)
    expect(isTrustedSender(undefined)).toBe(false)
  })
})

describe('handleInvoke', () => {
  it('passes a well-formed request from the main frame to the core', async () => {
    const core = fakeCore()
    const result = await handleInvoke(core, appFrame, { command: 'contact.list', input: {} })
    expect(result).toEqual({ ok: true, value: { command: 'contact.list', input: {} } })
  })

  it('refuses frames from another origin, subframes and vanished frames', async () => {
    const core = fakeCore()
    const envelope = { command: 'contact.list', input: {} }
    expect(await handleInvoke(core, { url: 'https://evil.com/', parent: null }, envelope)).toEqual(
      refused,
    )
    expect(await handleInvoke(core, { url: 'app://vouch/x', parent: appFrame }, envelope)).toEqual(
      refused,
    )
    expect(await handleInvoke(core, null, envelope)).toEqual(refused)
    expect(core.invoke).not.toHaveBeenCalled()
  })

  it('refuses envelopes that are not objects with a command name', async () => {
    const core = fakeCore()
    for (const envelope of [
      null,
      undefined,
      'contact.list',
      42,
      [],
      { input: {} },
      { command: 7 },
    ]) {
      const result = await handleInvoke(core, appFrame, envelope)
      expect(result).toMatchObject({ ok: false, code: 'invalid-envelope' })
    }
    expect(core.invoke).not.toHaveBeenCalled()
  })
})

describe('wireIpc', () => {
  it('registers the invoke channel and forwards core events to the window', async () => {
    const core = fakeCore()
    const send = vi.fn()
    const window = { isDestroyed: () => false, webContents: { send } }
    const unwire = wireIpc(core, () => window)

    const handler = handlers.get('vouch:invoke')
    expect(handler).toBeDefined()
    const event = { senderFrame: appFrame }
    expect(await handler?.(event, { command: 'app.status', input: {} })).toMatchObject({ ok: true })

    core.emit({ type: 'changed', collections: ['contacts'] })
    expect(send).toHaveBeenCalledWith('vouch:event', { type: 'changed', collections: ['contacts'] })

    unwire()
    expect(handlers.has('vouch:invoke')).toBe(false)
    expect(core.listenerCount()).toBe(0)
  })

  it('drops events while the window is closed or gone', () => {
    const core = fakeCore()
    const send = vi.fn()
    let window: { isDestroyed: () => boolean; webContents: { send: typeof send } } | null = {
      isDestroyed: () => true,
      webContents: { send },
    }
    const unwire = wireIpc(core, () => window)
    core.emit({ type: 'changed', collections: ['contacts'] })
    window = null
    core.emit({ type: 'changed', collections: ['contacts'] })
    expect(send).not.toHaveBeenCalled()
    unwire()
  })
})
