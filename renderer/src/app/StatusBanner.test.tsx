import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { Fault } from '@testing/core/faultyFs'
import { closeRealCores, installRealCore } from '@testing/renderer/realBridge'
import { call, unsavedChange } from '../api/client'
import { statusStore } from '../store/status'
import { StatusBanner } from './StatusBanner'

/** The disk fills up half-way through a journal line, as in electron/core/faults.test.ts. */
const diskFull: Fault = {
  code: 'ENOSPC',
  at: new Set(['write']),
  pathIncludes: 'vouch.journal',
  partialWrite: true,
}

afterEach(async () => {
  cleanup()
  statusStore.stop()
  // Leave no unsaved change behind for the next test.
  const pending = unsavedChange()
  if (pending) {
    await installRealCore(window)
    await pending.retry()
  }
  window.vouch = undefined
  await closeRealCores()
})

const names = async (real: Awaited<ReturnType<typeof installRealCore>>) =>
  (await real.core.call('contact.list', {})).map((c) => c.name)

describe('StatusBanner after a failed write', () => {
  it('says the last change was not saved and re-sends it on Retry', async () => {
    const real = await installRealCore(window)
    real.disk.set(diskFull)
    statusStore.start()
    render(<StatusBanner />)
    const failed = await call('contact.create', { name: 'Ada', notes: 'met at the meetup' })
    expect(failed).toMatchObject({ ok: false, code: 'write-failed' })

    const banner = await screen.findByTestId('status-banner')
    expect(banner.textContent).toContain('Vouch could not save your latest changes.')
    expect(screen.getByTestId('unsaved-change').textContent).toContain(
      'Your last change was not saved.',
    )
    const retry = screen.getByRole('button', { name: 'Retry' })

    // Still full: the retry fails, says so, and keeps the change.
    await act(async () => fireEvent.click(retry))
    await waitFor(() =>
      expect(screen.getByTestId('unsaved-change').textContent).toContain('Retrying failed'),
    )
    expect(unsavedChange()?.command).toBe('contact.create')
    expect(await names(real)).toEqual([])

    real.disk.set(null)
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retry' })))
    // While it runs the button reads "Retrying…": wait for the answer, not for the button.
    await waitFor(() => expect(unsavedChange()).toBeNull())
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Retry/ })).toBeNull())
    // The core reports the disk healthy again, so the banner goes.
    await waitFor(() => expect(screen.queryByTestId('status-banner')).toBeNull())
    // The very same change was sent three times, and stored once.
    const creates = real.calls.filter((c) => c.command === 'contact.create')
    expect(creates).toHaveLength(3)
    for (const c of creates) expect(c.input).toEqual({ name: 'Ada', notes: 'met at the meetup' })
    expect(await names(real)).toEqual(['Ada'])
  })

  it('keeps offering the retry when another write cleared the status problem', async () => {
    const real = await installRealCore(window)
    real.disk.set(diskFull)
    statusStore.start()
    render(<StatusBanner />)
    await call('contact.create', { name: 'Grace' })
    await screen.findByTestId('status-banner')
    // The disk is fixed and another change goes through: the core's problem clears.
    real.disk.set(null)
    expect(await call('contact.create', { name: 'Linus' })).toMatchObject({ ok: true })
    await waitFor(async () => expect((await real.core.call('app.status', {})).problem).toBeNull())
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeTruthy()
    expect(screen.getByTestId('status-banner').textContent).toContain('not saved')
    expect(await names(real)).toEqual(['Linus'])
  })

  it('shows no retry when nothing failed', async () => {
    const real = await installRealCore(window)
    statusStore.start()
    render(<StatusBanner />)
    await call('contact.create', { name: 'Linus' })
    expect(screen.queryByTestId('status-banner')).toBeNull()
    expect(unsavedChange()).toBeNull()
    expect(await names(real)).toEqual(['Linus'])
  })
})
