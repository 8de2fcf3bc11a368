import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import type { VouchBridge } from '@shared/bridge'
import type { CoreEvent } from '@shared/ipc'
import type { Result } from '@shared/result'
import { openCore } from '../electron/core'
import type { Core, CoreOptions } from '../electron/core/types'
import { notificationClickEvent } from '../electron/core/reminders/clickEvent'
import type { VouchNotification } from '../electron/core/reminders/types'
import { FakeClock } from '@testing/reminders/simulation'
import { APP_ORIGIN, serveRenderer } from './harness/serveRenderer'

declare global {
  interface Window {
    vouch?: VouchBridge
    /** Playwright binding to the core in the test process (set by exposeBinding). */
    __vouchInvoke?: (envelope: { command: string; input: unknown }) => Promise<Result<unknown>>
    /** Pushes a core event to the page's subscribers (defined by the init script). */
    __vouchEmit?: (event: CoreEvent) => void
  }
}

export { APP_ORIGIN }

/** What open() passes to openCore besides the data folder: a clock today, more later. */
export type OpenOptions = Omit<CoreOptions, 'dataDir'>

/** The test's handle on the app: the real core behind a Chromium page running the renderer. */
export interface VouchHarness {
  /** Opens the real core (openCore from electron/core/index.ts) on dataDir (or reuses the one core() opened), bridges page to it, loads the built renderer over http, and waits until [data-testid="app"] is visible. */
  open: (options?: OpenOptions) => Promise<Page>
  /** Closes the core, reopens it on the same dataDir, reloads the page and waits for [data-testid="app"]: a full app restart. */
  restart: () => Promise<Page>
  /** The live core (opened lazily if open() was not called yet), to seed data with core.call('contact.create', {...}) before or after open(). */
  core: () => Promise<Core>
  /** Absolute path of <dataDir>/vouch.json. */
  readonly dataFile: string
  /** Every reminder the core delivered, in order (the recording notifier passed as `notify`). */
  readonly notifications: VouchNotification[]
  /** Runs one reminder tick at the core's clock, as the app does every minute. */
  tick(): Promise<void>
  /** Does what clicking the notification does in the app: sends what it opens (the contact, the weekly review) to the page. */
  clickNotification(notification: VouchNotification): Promise<void>
}

/** A clock a test sets and advances: `vouch.open({ now: clock.now })`, then `clock.set(...)`. */
export { FakeClock }

/** Defines window.vouch in the page exactly as the preload does, over the Playwright binding. */
function installBridge(): void {
  const listeners = new Set<(event: CoreEvent) => void>()
  const bridge: VouchBridge = {
    invoke: (envelope) => {
      const invoke = window.__vouchInvoke
      if (!invoke) return Promise.reject(new Error('The test harness binding is missing.'))
      return invoke({ command: envelope.command, input: envelope.input })
    },
    subscribe: (listener) => {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
  Object.defineProperty(window, 'vouch', { value: Object.freeze(bridge), enumerable: true })
  window.__vouchEmit = (event) => {
    for (const listener of [...listeners]) listener(event)
  }
}

/** Collects console errors and uncaught exceptions of the page, to fail the test on any. */
function watchForErrors(page: Page): string[] {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() !== 'error') return
    // Chromium asks for /favicon.ico on its own; its 404 is not the app's doing.
    if (message.location().url.endsWith('/favicon.ico')) return
    problems.push(`console error: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`))
  return problems
}

/** Playwright test with a per-test data folder and the Vouch harness. */
export const test = base.extend<{ dataDir: string; vouch: VouchHarness }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'vouch-e2e-'))
    await use(dir)
    await rm(dir, { recursive: true, force: true })
  },

  vouch: async ({ page, dataDir }, use) => {
    const problems = watchForErrors(page)
    let core: Core | null = null
    let coreOptions: OpenOptions = {}
    let unsubscribe: () => void = () => {}
    // One core at a time: the data folder's lock refuses a second, so opening waits for closing.
    let opening: Promise<Core> | null = null
    let closing: Promise<void> = Promise.resolve()
    let disposed = false
    let bridged = false
    let loaded = false

    const startCore = async (): Promise<Core> => {
      await closing
      const opened = await openCore({
        notify: (n) => harness.notifications.push(n),
        ...coreOptions,
        dataDir,
      })
      unsubscribe = opened.subscribe((event) => {
        // The page may be navigating or closed; the next load lists everything afresh anyway.
        page.evaluate((e) => window.__vouchEmit?.(e), event).catch(() => {})
      })
      core = opened
      return opened
    }

    const liveCore = async (): Promise<Core> => {
      if (disposed) throw new Error('The test is over: its core is closed.')
      if (core) return core
      opening ??= startCore().finally(() => {
        opening = null
      })
      return opening
    }

    const stopCore = async (): Promise<void> => {
      const running = core ?? (opening ? await opening.catch(() => null) : null)
      core = null
      unsubscribe()
      unsubscribe = () => {}
      closing = running ? running.close() : Promise.resolve()
      await closing
    }

    const waitForApp = async (): Promise<Page> => {
      await expect(page.locator('[data-testid="app"]')).toBeVisible()
      return page
    }

    const harness: VouchHarness = {
      dataFile: join(dataDir, 'vouch.json'),
      notifications: [],

      async tick() {
        await (await liveCore()).tick()
      },

      async clickNotification(notification) {
        // The shell's notifier emits this through the core, so it reaches the page the same way.
        const event = notificationClickEvent(notification)
        if (event !== null) (await liveCore()).emit(event)
      },

      core: liveCore,

      async open(options) {
        if (options && Object.values(options).some((value) => value !== undefined)) {
          coreOptions = { ...coreOptions, ...options }
          // A core seeded through core() runs without these options: restart it with them.
          if (core) await stopCore()
        }
        await liveCore()
        if (!bridged) {
          await page.exposeBinding('__vouchInvoke', async (_source, envelope: unknown) => {
            if (disposed) return { ok: false, code: 'closed', message: 'The test is over.' }
            const target = await liveCore()
            if (
              typeof envelope !== 'object' ||
              envelope === null ||
              !('command' in envelope) ||
              typeof envelope.command !== 'string'
            ) {
              return { ok: false, code: 'invalid-envelope', message: 'A command needs a name.' }
            }
            return target.invoke(envelope.command, 'input' in envelope ? envelope.input : undefined)
          })
          await page.addInitScript(installBridge)
          await serveRenderer(page)
          bridged = true
        }
        await page.goto(`${APP_ORIGIN}/index.html`)
        loaded = true
        return waitForApp()
      },

      async restart() {
        if (!loaded) return harness.open()
        await stopCore()
        await liveCore()
        await page.reload()
        return waitForApp()
      },
    }

    await use(harness)

    disposed = true
    await stopCore()
    expect(problems, 'the page logged errors').toEqual([])
  },
})

export { expect }
