import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import type { AppStatus } from '@shared/ipc'
import type { Result } from '@shared/result'
import { call, unsavedChange } from '../api/client'
import { statusStore } from '../store/status'
import { installFakeCore } from '../test/fakeBridge'
import { StatusBanner } from './StatusBanner'

const diskFull: NonNullable<AppStatus['problem']> = {
  kind: 'write-failed',
  message: 'Your change was not saved because the disk is full.',
}

/** A fake core whose disk is full until `fix()`; contact.create then works again. */
function installFullDisk() {
  const fake = installFakeCore()
  fake.status = { ...fake.status, problem: diskFull }
  let full = true
  const invoke = fake.bridge.invoke
  window.vouch = {
    ...fake.bridge,
    invoke: async (envelope): Promise<Result<unknown>> => {
      if (full && envelope.command === 'contact.create') {
        fake.calls.push(envelope)
        return { ok: false, code: 'write-failed', message: diskFull.message }
      }
      return invoke(envelope)
    },
  }
  return {
    fake,
    fix: () => {
      full = false
      fake.status = { ...fake.status, problem: null }
    },
  }
}

afterEach(async () => {
  cleanup()
  statusStore.stop()
  // Leave no unsaved change behind for the next test.
  const pending = unsavedChange()
  if (pending) {
    window.vouch = installFakeCore().bridge
    await pending.retry()
  }
  window.vouch = undefined
})

describe('StatusBanner after a failed write', () => {
  it('says the last change was not saved and re-sends it on Retry', async () => {
    const { fake, fix } = installFullDisk()
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

    fix()
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Retry' })))
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull())
    expect(unsavedChange()).toBeNull()
    // The very same change was sent three times, and stored once.
    const creates = fake.calls.filter((c) => c.command === 'contact.create')
    expect(creates).toHaveLength(3)
    for (const c of creates) expect(c.input).toEqual({ name: 'Ada', notes: 'met at the meetup' })
    expect([...fake.contacts.values()].map((c) => c.name)).toEqual(['Ada'])
  })

  it('keeps offering the retry when another write cleared the status problem', async () => {
    const { fake } = installFullDisk()
    statusStore.start()
    render(<StatusBanner />)
    await call('contact.create', { name: 'Grace' })
    fake.status = { ...fake.status, problem: null }
    fake.emit({ type: 'status', status: fake.status })
    expect(await screen.findByRole('button', { name: 'Retry' })).toBeTruthy()
    expect(screen.getByTestId('status-banner').textContent).toContain('not saved')
  })

  it('shows no retry when nothing failed', async () => {
    installFakeCore()
    statusStore.start()
    render(<StatusBanner />)
    await call('contact.create', { name: 'Linus' })
    expect(screen.queryByTestId('status-banner')).toBeNull()
    expect(unsavedChange()).toBeNull()
  })
})
