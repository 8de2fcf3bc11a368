import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, renderHook, waitFor } from '@testing-library/react'
import { installFakeCore, makeContact } from '../test/fakeBridge'
import { foundContact, useContact } from './contact'

afterEach(() => {
  cleanup()
  window.vouch = undefined
})

const ada = makeContact({ name: 'Ada Lovelace' })
const grace = makeContact({ name: 'Grace Hopper' })

describe('useContact', () => {
  it('loads the person, then follows the changes that name them', async () => {
    const core = installFakeCore([ada, grace])
    const { result } = renderHook(() => useContact(ada.id))
    expect(result.current).toEqual({ kind: 'loading' })
    await waitFor(() => expect(foundContact(result.current)?.name).toBe('Ada Lovelace'))

    const calls = core.calls.length
    act(() =>
      core.emit({
        type: 'changed',
        collections: ['contacts'],
        contacts: { put: [{ ...ada, name: 'Ada King' }], deleted: [] },
      }),
    )
    expect(foundContact(result.current)?.name).toBe('Ada King')
    // A delta is applied as it came: no second contact.get.
    expect(core.calls.length).toBe(calls)

    act(() =>
      core.emit({
        type: 'changed',
        collections: ['contacts'],
        contacts: { put: [{ ...ada, trashedAt: '2025-02-01T00:00:00.000Z' }], deleted: [] },
      }),
    )
    expect(result.current).toEqual({ kind: 'missing', message: 'This person is in the trash.' })

    act(() =>
      core.emit({
        type: 'changed',
        collections: ['contacts'],
        contacts: { put: [], deleted: [ada.id] },
      }),
    )
    expect(result.current).toEqual({ kind: 'missing', message: 'This person no longer exists.' })
  })

  it('fetches again after a change too big to name its contacts', async () => {
    const core = installFakeCore([ada])
    const { result } = renderHook(() => useContact(ada.id))
    await waitFor(() => expect(result.current.kind).toBe('found'))
    core.contacts.set(ada.id, { ...ada, company: 'Analytical Engines' })
    act(() => core.emit({ type: 'changed', collections: ['contacts'] }))
    await waitFor(() => expect(foundContact(result.current)?.company).toBe('Analytical Engines'))
  })

  it('shows loading, not the previous person, when the id changes', async () => {
    installFakeCore([ada, grace])
    const { result, rerender } = renderHook(({ id }) => useContact(id), {
      initialProps: { id: ada.id },
    })
    await waitFor(() => expect(foundContact(result.current)?.name).toBe('Ada Lovelace'))
    rerender({ id: grace.id })
    expect(result.current).toEqual({ kind: 'loading' })
    await waitFor(() => expect(foundContact(result.current)?.name).toBe('Grace Hopper'))
  })

  it('says why when the core has no such person, and asks nothing without an id', async () => {
    const core = installFakeCore([])
    const { result } = renderHook(() => useContact('nobody'))
    await waitFor(() => expect(result.current.kind).toBe('missing'))
    expect(result.current).toEqual({ kind: 'missing', message: 'That contact no longer exists.' })

    const before = core.calls.length
    const none = renderHook(() => useContact(null))
    expect(none.result.current.kind).toBe('missing')
    expect(core.calls.length).toBe(before)
  })
})
