import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '@shared/ipc'
import { call, subscribe } from './client'
import { installFakeCore, makeContact } from '../test/fakeBridge'

afterEach(() => {
  window.vouch = undefined
})

describe('call', () => {
  it('sends the command and input and returns the parsed output', async () => {
    const fake = installFakeCore([makeContact({ name: 'Ada Lovelace' })])
    const result = await call('contact.list', {})
    expect(fake.calls).toEqual([{ command: 'contact.list', input: {} }])
    expect(result.ok && result.value.map((c) => c.name)).toEqual(['Ada Lovelace'])
  })

  it('passes the core’s refusal through with its field issues', async () => {
    installFakeCore()
    const result = await call('contact.create', { name: '   ' })
    expect(result).toMatchObject({
      ok: false,
      code: 'invalid-input',
      issues: [{ path: 'name', message: 'Name is required' }],
    })
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
  it('delivers core events until unsubscribed', () => {
    const fake = installFakeCore()
    const listener = vi.fn<(event: CoreEvent) => void>()
    const unsubscribe = subscribe(listener)
    fake.emit({ type: 'changed', collections: ['contacts'] })
    unsubscribe()
    fake.emit({ type: 'changed', collections: ['contacts'] })
    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith({ type: 'changed', collections: ['contacts'] })
  })
})
