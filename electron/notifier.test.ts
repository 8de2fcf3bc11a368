import { describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '@shared/ipc'
import { weeklyReviewNotification } from './core/reminders/digest'
import type { OsNotification } from './notifier'

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => ({ Notification: vi.fn() }))

const {
  handleOrphanActivations,
  keepAfterClose,
  MAX_LIVE_NOTIFICATIONS,
  Notifier,
  NOTICE_HINTS,
  noticeEvent,
  notificationContent,
} = await import('./notifier')

type Listener = (details: { reason?: string }, error: string) => void

/** A stand-in for Electron's Notification that records listeners and can fire them. */
class FakeOs implements OsNotification {
  readonly listeners = new Map<string, Listener>()
  readonly show = vi.fn()
  on(event: 'click', listener: () => void): this
  on(event: 'close', listener: (details: { reason?: string }) => void): this
  on(event: 'failed', listener: (event: unknown, error: string) => void): this
  on(event: string, listener: Listener): this {
    this.listeners.set(event, listener)
    return this
  }
}

function fakeOs() {
  const os = new FakeOs()
  const created: { title: string; body: string }[] = []
  const fire = (event: string, reason?: string) =>
    os.listeners.get(event)?.(reason === undefined ? {} : { reason }, 'no notification daemon')
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

  it('opens the weekly review, after the window, when its notification is clicked', async () => {
    const { instance, events, showWindow, fire } = notifier(true)
    let shown = false
    showWindow.mockImplementation(async () => {
      await Promise.resolve()
      shown = true
    })
    instance.notify(weeklyReviewNotification(false))
    fire('click')
    await vi.waitFor(() => expect(events).toEqual([{ type: 'open-review' }]))
    expect(shown).toBe(true)
    expect(instance.liveCount).toBe(0)
  })

  it("gives the weekly review's banner a Start review instead of a contact", () => {
    const { instance, events } = notifier(false)
    instance.notify(weeklyReviewNotification(true))
    expect(events).toMatchObject([
      { type: 'notice', notification: { title: 'Vouch — your weekly review', opensReview: true } },
    ])
    expect(events[0]).not.toHaveProperty('notification.contactId')
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

describe('keepAfterClose', () => {
  it('lets go of a notification only when the user dismissed it', () => {
    expect(keepAfterClose('userCanceled')).toBe(false)
    expect(keepAfterClose('timedOut')).toBe(true)
    expect(keepAfterClose('applicationHidden')).toBe(true)
    expect(keepAfterClose(undefined)).toBe(true)
  })
})

describe('Notifier, after a notification closes', () => {
  it('still opens the contact from Action Center after the toast timed out', async () => {
    const { instance, events, fire } = notifier(true)
    instance.notify(thanks)
    fire('close', 'timedOut')
    expect(instance.liveCount).toBe(1)
    fire('click')
    await vi.waitFor(() => expect(events).toEqual([{ type: 'open-contact', contactId: 'c1' }]))
    expect(instance.liveCount).toBe(0)
  })

  it('lets go of one the user dismissed, and of the oldest beyond the cap', () => {
    const { instance, fire } = notifier(true)
    instance.notify(thanks)
    fire('close', 'userCanceled')
    expect(instance.liveCount).toBe(0)
    const many = new Notifier({
      platform: 'win32',
      emit: () => {},
      showWindow: async () => {},
      isSupported: () => true,
      create: () => new FakeOs(),
    })
    for (let i = 0; i < MAX_LIVE_NOTIFICATIONS + 7; i++)
      many.notify({ ...thanks, contactId: `c${i}` })
    expect(many.liveCount).toBe(MAX_LIVE_NOTIFICATIONS)
  })
})

describe('handleOrphanActivations', () => {
  it('opens the window for a toast clicked after its object is gone, on Windows only', () => {
    for (const platform of ['win32', 'darwin', 'linux']) {
      const registered: Array<() => void> = []
      const showWindow = vi.fn()
      handleOrphanActivations(
        platform,
        { handleActivation: (cb) => registered.push(cb), isSupported: () => true },
        showWindow,
      )
      registered.forEach((cb) => cb())
      expect(showWindow).toHaveBeenCalledTimes(platform === 'win32' ? 1 : 0)
    }
  })

  it('on Windows registers the toast activator at once, after the handler', () => {
    const calls: string[] = []
    const notification = {
      handleActivation: () => void calls.push('handleActivation'),
      isSupported: () => calls.push('isSupported') > 0,
    }
    handleOrphanActivations('darwin', notification, () => {})
    expect(calls).toEqual([])
    handleOrphanActivations('win32', notification, () => {})
    expect(calls).toEqual(['handleActivation', 'isSupported'])
  })
})
