import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, renderHook, waitFor } from '@testing-library/react'
import { makeContact } from '@testing/builders'
import { closeRealCores, installRealCore, type RealCore } from '@testing/renderer/realBridge'
import { foundContact, useContact } from './contact'

afterEach(async () => {
  cleanup()
  window.vouch = undefined
  await closeRealCores()
})

const ada = makeContact({ id: 'ada', name: 'Ada Lovelace' })
const grace = makeContact({ id: 'grace', name: 'Grace Hopper' })

const gets = (real: RealCore) => real.calls.filter((c) => c.command === 'contact.get').length

describe('useContact', () => {
  it('loads the person, then follows the changes the core makes to them', async () => {
    const real = await installRealCore(window, { contacts: [ada, grace] })
    const { result } = renderHook(() => useContact(ada.id))
    expect(result.current).toEqual({ kind: 'loading' })
    await waitFor(() => expect(foundContact(result.current)?.name).toBe('Ada Lovelace'))

    const before = gets(real)
    // A change made in the core, as another window or the tray would make it.
    await real.core.call('contact.update', { id: ada.id, name: 'Ada King' })
    await waitFor(() => expect(foundContact(result.current)?.name).toBe('Ada King'))
    // The change event carries the person: applied as it came, with no second contact.get.
    expect(gets(real)).toBe(before)

    await real.core.call('contact.delete', { id: ada.id })
    await waitFor(() =>
      expect(result.current).toEqual({ kind: 'missing', message: 'This person is in the trash.' }),
    )
  })

  it('says so when the person stops existing (their creation undone)', async () => {
    const real = await installRealCore(window, { contacts: [] })
    const linus = await real.core.call('contact.create', { name: 'Linus' })
    const { result } = renderHook(() => useContact(linus.id))
    await waitFor(() => expect(foundContact(result.current)?.name).toBe('Linus'))
    await real.core.call('undo', {})
    await waitFor(() =>
      expect(result.current).toEqual({ kind: 'missing', message: 'This person no longer exists.' }),
    )
  })

  it('follows a change that moves many people at once', async () => {
    const real = await installRealCore(window, { contacts: [ada, grace] })
    const { result } = renderHook(() => useContact(ada.id))
    await waitFor(() => expect(result.current.kind).toBe('found'))
    await real.core.call('contact.bulk', { ids: [ada.id, grace.id], set: { stage: 'building' } })
    await waitFor(() => expect(foundContact(result.current)?.stage).toBe('building'))
  })

  it('shows loading, not the previous person, when the id changes', async () => {
    await installRealCore(window, { contacts: [ada, grace] })
    const { result, rerender } = renderHook(({ id }) => useContact(id), {
      initialProps: { id: ada.id },
    })
    await waitFor(() => expect(foundContact(result.current)?.name).toBe('Ada Lovelace'))
    rerender({ id: grace.id })
    expect(result.current).toEqual({ kind: 'loading' })
    await waitFor(() => expect(foundContact(result.current)?.name).toBe('Grace Hopper'))
  })

  it('says why when the core has no such person, and asks nothing without an id', async () => {
    const real = await installRealCore(window, { contacts: [] })
    const { result } = renderHook(() => useContact('nobody'))
    await waitFor(() => expect(result.current.kind).toBe('missing'))
    expect(result.current).toEqual({ kind: 'missing', message: 'That contact no longer exists.' })

    const before = real.calls.length
    const none = renderHook(() => useContact(null))
    expect(none.result.current.kind).toBe('missing')
    expect(real.calls.length).toBe(before)
  })
})
