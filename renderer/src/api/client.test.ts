import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '@shared/ipc'
import { makeContact } from '@testing/builders'
import { closeRealCores, installRealCore } from '@testing/renderer/realBridge'
import { call, subscribe } from './client'

afterEach(async () => {
  window.vouch = undefined
  await closeRealCores()
})

describe('call', () => {
  it('sends the command and input and returns the parsed output', async () => {
    const real = await installRealCore(window, {
      contacts: [makeContact({ name: 'Ada Lovelace' })],
    })
    const result = await call('contact.list', {})
    expect(real.calls).toEqual([{ command: 'contact.list', input: {} }])
    expect(result.ok && result.value.map((c) => c.name)).toEqual(['Ada Lovelace'])
  })

  it('passes the core’s refusal through with its field issues, and stores nothing', async () => {
    const real = await installRealCore(window)
    const result = await call('contact.create', { name: '   ' })
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid-input',
      issues: [{ path: 'name', message: 'Name is required' }],
    })
    expect(await real.core.call('contact.list', {})).toEqual([])
  })

  it('sends what the IPC copy keeps: a Date is refused by the contract, not stored as an object', async () => {
    const real = await installRealCore(window, {
      contacts: [makeContact({ id: 'ada', name: 'Ada Lovelace' })],
    })
    const at = new Date('2025-01-01T12:00:00.000Z')
    // The renderer's types forbid this; the transport still must not turn it into valid JSON.
    const input: Record<string, unknown> = { contactId: 'ada', kind: 'message', at, note: '' }
    const sent = await real.bridge.invoke({ command: 'interaction.log', input })
    expect(sent).toMatchObject({ ok: false, code: 'invalid-input' })
    expect(await real.core.call('interaction.list', { contactId: 'ada' })).toEqual([])
  })

  it('returns a failure instead of throwing when there is no bridge or it throws', async () => {
    expect(await call('app.status', {})).toMatchObject({ ok: false, code: 'closed' })
    window.vouch = {
      invoke: () => Promise.reject(new Error('binding gone')),
      subscribe: () => () => {},
    }
    const result = await call('app.status', {})
    expect(result).toMatchObject({ ok: false, code: 'internal' })
    expect(!result.ok && result.message).toContain('binding gone')
  })

  it('refuses an answer that does not match the command’s output schema', async () => {
    window.vouch = {
      invoke: () => Promise.resolve({ ok: true, value: { label: 42 } }),
      subscribe: () => () => {},
    }
    expect(await call('undo', {})).toMatchObject({ ok: false, code: 'internal' })
  })
})

describe('subscribe', () => {
  it('delivers core events until unsubscribed', async () => {
    const real = await installRealCore(window)
    const listener = vi.fn<(event: CoreEvent) => void>()
    const unsubscribe = subscribe(listener)
    await call('contact.create', { name: 'Ada Lovelace' })
    await vi.waitFor(() =>
      expect(listener).toHaveBeenCalledWith(
        expect.objectContaining({ type: 'changed', collections: ['contacts'] }),
      ),
    )
    const before = listener.mock.calls.length
    unsubscribe()
    real.core.emit({ type: 'open-contact', contactId: 'ada' })
    await call('contact.create', { name: 'Grace Hopper' })
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(listener).toHaveBeenCalledTimes(before)
  })
})
