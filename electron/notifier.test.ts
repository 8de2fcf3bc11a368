import { describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '@shared/ipc'
import type { OsNotification } from './notifier'

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => ({ Notification: vi.fn() }))

const { Notifier, NOTICE_HINTS, noticeEvent, notificationContent } = await import('./notifier')

type Listener = (event: unknown, error: string) => void

/** A stand-in for Electron's Notification that records listeners and can fire them. */
class FakeOs implements OsNotification {
  readonly listeners = new Map<string, Listener>()
  readonly show = vi.fn()
  on(event: 'click' | 'close', listener: () => void): this
  on(event: 'failed', listener: Listener): this
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener)
    return this
  }
}

function fakeOs() {
  const os = new FakeOs()
  const created: { title: string; body: string }[] = []
  const fire = (event: string) => os.listeners.get(event)?.({}, 'no notification daemon')
  const create = (options: { title: string; body: string }) => {
    created.push(options)
    return os
  }
  return { os, create, created, fire }
}

function notifier(supported: boolean, platform: 'linux' | 'darwin' = 'linux') {
  const events: CoreEvent[] = []
  const showWindow = vi.fn(() => Promise.resolve())
  const fake = fakeOs()
  const instance = new Notifier({
    platform,
    emit: (e) => events.push(e),
    showWindow,
    isSupported: () => supported,
    create: fake.create,
  })
  return { instance, events, showWindow, ...fake }
}

const thanks = {
  kind: 'thanks-owed' as const,
  title: 'Thank-you owed: Ada <b>Lovelace</b>',
  body: 'For the reference to R&D\u202E',
  contactId: 'c1',
}

describe('notificationContent', () => {
  it('escapes markup in the body on Linux only and strips bidi controls', () => {
    expect(notificationContent(thanks, 'linux')).toEqual({
      title: 'Thank-you owed: Ada <b>Lovelace</b>',
      body: 'For the reference to R&amp;D',
    })
    expect(notificationContent(thanks, 'darwin').body).toBe('For the reference to R&D')
  })
})

describe('Notifier', () => {
  it('shows an OS notification whose click shows the window, then opens the contact', async () => {
    const { instance, events, showWindow, os, created, fire } = notifier(true)
    instance.notify(thanks)
    expect(created).toEqual([notificationContent(thanks, 'linux')])
    expect(os.show).toHaveBeenCalledOnce()
    fire('click')
    await vi.waitFor(() => expect(events).toEqual([{ type: 'open-contact', contactId: 'c1' }]))
    expect(showWindow).toHaveBeenCalledOnce()
  })

  it('opens only the window for a digest, which names no contact', async () => {
    const { instance, events, showWindow, fire } = notifier(true)
    instance.notify({ kind: 'digest', title: 'Vouch — due today', body: '2 people to contact' })
    fire('click')
    await vi.waitFor(() => expect(showWindow).toHaveBeenCalledOnce())
    expect(events).toEqual([])
  })

  it('falls back to an in-app banner where notifications are unsupported, with the hint once', () => {
    const { instance, events, created } = notifier(false)
    instance.notify(thanks)
    instance.notify({ ...thanks, contactId: 'c2' })
    expect(created).toEqual([])
    expect(events).toEqual([
      {
        type: 'notice',
        notification: {
          title: 'Thank-you owed: Ada <b>Lovelace</b>',
          body: 'For the reference to R&D',
          contactId: 'c1',
        },
        reason: 'unsupported',
        hint: NOTICE_HINTS.unsupported,
      },
      noticeEvent({ ...thanks, contactId: 'c2' }, 'unsupported', false),
    ])
    expect(events[1]).not.toHaveProperty('hint')
  })

  it('turns a failed notification into a banner', () => {
    const { instance, events, fire } = notifier(true)
    instance.notify(thanks)
    fire('failed')
    expect(events).toMatchObject([{ type: 'notice', reason: 'failed', hint: NOTICE_HINTS.failed }])
  })
})
