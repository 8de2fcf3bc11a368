import { describe, expect, it, vi } from 'vitest'
import { closeWithin, QUIT_TIMEOUT_MS, QuitGuard, type QuitApp } from './quit'

type Listener = (event: { preventDefault(): void }) => void

/** An app that records quit/exit and lets the test fire its events like Electron would. */
function fakeApp() {
  const listeners = new Map<string, Listener[]>()
  const calls: string[] = []
  const app: QuitApp & { fire(event: string): boolean } = {
    on(event: string, listener: Listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener])
      return app
    },
    quit() {
      calls.push('quit')
      // Electron emits before-quit, then (windows closed) will-quit, unless it is prevented.
      if (!app.fire('before-quit')) return
      app.fire('will-quit')
    },
    exit(code = 0) {
      calls.push(`exit ${code}`)
    },
    /** Fires an event; false when a listener prevented it. */
    fire(event: string) {
      let prevented = false
      for (const l of listeners.get(event) ?? []) l({ preventDefault: () => (prevented = true) })
      if (event === 'will-quit' && !prevented) calls.push('ended')
      return !prevented
    },
  }
  return { app, calls }
}

/** A deadline the test ends by hand, with the ms it was asked for. */
function manualDeadline() {
  let end = () => {}
  const asked: number[] = []
  const wait = (ms: number) => {
    asked.push(ms)
    return new Promise<void>((resolve) => (end = resolve))
  }
  return { wait, asked, end: () => end() }
}

const never = () => new Promise<void>(() => {})

describe('closeWithin', () => {
  it('reports closed, failed or timed out', async () => {
    expect(await closeWithin(async () => {}, never())).toBe('closed')
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await closeWithin(() => Promise.reject(new Error('disk gone')), never())).toBe('failed')
    expect(error).toHaveBeenCalledOnce()
    expect(await closeWithin(never, Promise.resolve())).toBe('timed-out')
    error.mockRestore()
  })

  it('turns a close that throws synchronously into "failed"', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const close = () => {
      throw new Error('boom')
    }
    expect(await closeWithin(close, never())).toBe('failed')
    error.mockRestore()
  })
})

describe('QuitGuard', () => {
  it('waits for the core to close, then ends the app once', async () => {
    const { app, calls } = fakeApp()
    let closed = () => {}
    const close = vi.fn(() => new Promise<void>((resolve) => (closed = resolve)))
    const deadline = manualDeadline()
    const beforeEnd = vi.fn()
    const guard = new QuitGuard(app, { close, wait: deadline.wait, beforeEnd })
    guard.quit()
    expect(guard.quitting).toBe(true)
    expect(calls).toEqual(['quit'])
    await vi.waitFor(() => expect(close).toHaveBeenCalledOnce())
    expect(deadline.asked).toEqual([QUIT_TIMEOUT_MS])
    expect(beforeEnd).toHaveBeenCalledOnce()
    // A second quit request while closing starts nothing new.
    guard.quit()
    await Promise.resolve()
    expect(close).toHaveBeenCalledOnce()
    closed()
    await vi.waitFor(() => expect(calls.at(-1)).toBe('ended'))
    expect(calls).toEqual(['quit', 'quit', 'quit', 'ended'])
  })

  it('exits when close() never settles and the time box runs out', async () => {
    const { app, calls } = fakeApp()
    const deadline = manualDeadline()
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    const guard = new QuitGuard(app, { close: never, wait: deadline.wait })
    guard.quit()
    await Promise.resolve()
    expect(calls).toEqual(['quit'])
    deadline.end()
    await vi.waitFor(() => expect(calls).toEqual(['quit', 'exit 0']))
    expect(error).toHaveBeenCalledOnce()
    error.mockRestore()
  })

  it('marks a quit from the OS (Cmd+Q, the dock, the role menu item) as quitting', () => {
    const { app } = fakeApp()
    const guard = new QuitGuard(app, { close: never, wait: () => never() })
    expect(guard.quitting).toBe(false)
    app.fire('before-quit')
    expect(guard.quitting).toBe(true)
  })

  it('starts quitting when Windows ends the session, saving the window at the query', async () => {
    const { app, calls } = fakeApp()
    const handlers = new Map<string, () => void>()
    const beforeEnd = vi.fn()
    const guard = new QuitGuard(app, { close: async () => {}, wait: () => never(), beforeEnd })
    guard.watchSessionEnd({ on: (event, listener) => handlers.set(event, listener) })
    handlers.get('query-session-end')?.()
    expect(beforeEnd).toHaveBeenCalledOnce()
    expect(calls).toEqual([])
    handlers.get('session-end')?.()
    expect(guard.quitting).toBe(true)
    await vi.waitFor(() => expect(calls.at(-1)).toBe('ended'))
  })
})
