import { chromium, type Page } from '@playwright/test'
import type { CoreEvent } from '@shared/ipc'
import { openCore } from '../electron/core/index'
import { APP_ORIGIN, serveRenderer } from '../e2e/harness/serveRenderer'
import { CHROMIUM_ARGS } from '../scripts/chromium'
import { chromiumPath } from '../playwright.config'
import { dataFolder, makeDataset, removeFolder } from './dataset'
import { summarize, type Summary } from './stats'

/** What the board measured, each in ms to the next frame after the change. */
export interface BoardModeResults {
  /** From navigation start to the first frame of the app's first screen with its content. */
  firstScreen: Summary
  firstRender: Summary
  filterKeystroke: Summary
  clearFilter: Summary
  moveCard: Summary
  domNodes: number
  /** JSON bytes the core answered from navigation until the first screen settled. */
  openBytes: number
  /** JSON bytes the core answered to show the board (click on Board until it settled). */
  boardBytes: number
}

export interface BoardResults {
  cards: number
  virtualized: BoardModeResults
}

/** In-page helpers: defined by an init script, so they exist before the app's code runs. */
function installProbe(): void {
  type Check = () => boolean
  let pending: Promise<number> | null = null
  const untilFrame = (start: number, done: Check): Promise<number> =>
    new Promise((resolveFrame) => {
      const tick = () => {
        if (done()) resolveFrame(performance.now() - start)
        else requestAnimationFrame(tick)
      }
      requestAnimationFrame(tick)
    })
  const checks: Record<string, (arg: string) => boolean> = {
    boardShown: () => document.querySelector('[data-testid="card"]') !== null,
    filtered: () =>
      (document.querySelector('[data-testid="board-count"]')?.textContent ?? '').includes(' of '),
    unfiltered: () =>
      document.querySelector('[data-testid="card"]') !== null &&
      !(document.querySelector('[data-testid="board-count"]')?.textContent ?? ' of ').includes(
        ' of ',
      ),
    inColumn: (arg) => {
      const [id, stage] = arg.split('|')
      const card = document.querySelector(`[data-contact-id="${id ?? ''}"]`)
      return (
        card?.closest(`[data-testid="column-${stage ?? ''}"]`) !== null &&
        card?.querySelector('[aria-pressed="true"]') === null
      )
    },
  }
  // The first screen: the app shell with the view's content (no part still loading), timed
  // from navigation start, polled every frame from before the app's code runs.
  let firstScreen: number | null = null
  const pollFirstScreen = () => {
    const app = document.querySelector('[data-testid="app"]')
    const main = app?.querySelector('main')
    const shown =
      main !== null &&
      main !== undefined &&
      main.textContent !== '' &&
      document.querySelector('[aria-busy="true"]') === null
    if (shown) firstScreen = performance.now()
    else requestAnimationFrame(pollFirstScreen)
  }
  requestAnimationFrame(pollFirstScreen)
  const bench = {
    firstScreen(): number | null {
      return firstScreen
    },
    /** Start timing at the next keydown or click (capture phase), finishing at the first frame where `check` holds. */
    arm(check: string, arg: string, on: 'keydown' | 'click'): void {
      pending = new Promise<number>((resolveArm) => {
        window.addEventListener(
          on,
          () => {
            const start = performance.now()
            void untilFrame(start, () => checks[check]?.(arg) ?? false).then(resolveArm)
          },
          { capture: true, once: true },
        )
      })
    },
    result(): Promise<number> {
      return pending ?? Promise.reject(new Error('not armed'))
    },
    /** Resolves after `frames` consecutive frames shorter than 50 ms: the page has settled. */
    settle(frames: number): Promise<void> {
      return new Promise((resolveSettle) => {
        let last = performance.now()
        let calm = 0
        const tick = () => {
          const now = performance.now()
          calm = now - last < 50 ? calm + 1 : 0
          last = now
          if (calm >= frames) resolveSettle()
          else requestAnimationFrame(tick)
        }
        requestAnimationFrame(tick)
      })
    },
    nodes(): number {
      return document.getElementsByTagName('*').length
    },
  }
  Object.defineProperty(window, '__bench', { value: bench })
  const listeners = new Set<(event: unknown) => void>()
  Object.defineProperty(window, 'vouch', {
    value: Object.freeze({
      invoke: (envelope: { command: string; input: unknown }) => window.__vouchInvoke(envelope),
      subscribe: (listener: (event: unknown) => void) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    }),
  })
  Object.defineProperty(window, '__vouchEmit', {
    value: (event: unknown) => {
      for (const listener of [...listeners]) listener(event)
    },
  })
}

interface BenchWindow {
  __bench: {
    firstScreen: () => number | null
    arm: (check: string, arg: string, on: 'keydown' | 'click') => void
    result: () => Promise<number>
    settle: (frames: number) => Promise<void>
    nodes: () => number
  }
  __vouchEmit: (event: CoreEvent) => void
  __vouchInvoke: (envelope: { command: string; input: unknown }) => Promise<unknown>
}
/** The page's globals as installProbe defined them. */
declare const window: Window & BenchWindow

async function measure(
  page: Page,
  check: string,
  arg: string,
  on: 'keydown' | 'click',
  act: () => Promise<void>,
): Promise<number> {
  await page.evaluate(([c, a, o]) => window.__bench.arm(c, a, o), [check, arg, on] as const)
  await act()
  const ms = await page.evaluate(() => window.__bench.result())
  await page.evaluate(() => window.__bench.settle(20))
  console.log(`     ${check}: ${ms.toFixed(0)} ms`)
  return ms
}

/** Counts the JSON bytes of the core's answers, between resets. */
interface ByteMeter {
  read: () => number
  reset: () => void
}

async function runMode(
  page: Page,
  repeats: number,
  moveIds: readonly string[],
  bytes: ByteMeter,
): Promise<BoardModeResults> {
  const screens: number[] = []
  let openBytes = 0
  let boardBytes = 0
  const first: number[] = []
  const filter: number[] = []
  const clear: number[] = []
  const move: number[] = []
  let domNodes = 0
  // Cold opens: a fresh page each time, timed from navigation start to the first screen.
  for (let r = 0; r < repeats; r++) {
    bytes.reset()
    await page.goto(`${APP_ORIGIN}/index.html`)
    await page.getByTestId('app').waitFor()
    const shown = await page.waitForFunction(() => window.__bench.firstScreen())
    const at = Number(await shown.jsonValue())
    await page.evaluate(() => window.__bench.settle(30))
    openBytes = Math.max(openBytes, bytes.read())
    screens.push(at)
    console.log(`     first screen: ${at.toFixed(0)} ms, ${(bytes.read() / 1024).toFixed(0)} KB`)
  }
  const boardNav = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Board', exact: true })
  const neutralNav = page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: /^Trash/ })
  await page.evaluate(() => window.__bench.settle(30))
  for (let r = 0; r < repeats; r++) {
    // From the (empty) Trash, so the time is the board's own, not unmounting a heavy view.
    await neutralNav.click()
    await page.evaluate(() => window.__bench.settle(10))
    bytes.reset()
    first.push(await measure(page, 'boardShown', '', 'click', () => boardNav.click()))
    boardBytes = Math.max(boardBytes, bytes.read())
    domNodes = Math.max(domNodes, await page.evaluate(() => window.__bench.nodes()))
    const search = page.getByRole('searchbox', { name: 'Search people' })
    await search.focus()
    filter.push(await measure(page, 'filtered', '', 'keydown', () => page.keyboard.press('y')))
    domNodes = Math.max(domNodes, await page.evaluate(() => window.__bench.nodes()))
    clear.push(
      await measure(page, 'unfiltered', '', 'keydown', () => page.keyboard.press('Backspace')),
    )
    // Keyboard move: pick the first card of Identified up, one column right, drop (timed).
    const id = moveIds[r % moveIds.length] ?? ''
    const handle = page.locator(
      `[data-contact-id="${id}"] [role="button"][aria-roledescription="movable card"]`,
    )
    await handle.scrollIntoViewIfNeeded()
    await handle.focus()
    await page.keyboard.press('Space')
    await page.keyboard.press('ArrowRight')
    await page.evaluate(() => window.__bench.settle(5))
    move.push(
      await measure(page, 'inColumn', `${id}|building`, 'keydown', () =>
        page.keyboard.press('Space'),
      ),
    )
    domNodes = Math.max(domNodes, await page.evaluate(() => window.__bench.nodes()))
  }
  return {
    firstScreen: summarize(screens),
    openBytes,
    boardBytes,
    firstRender: summarize(first),
    filterKeystroke: summarize(filter),
    clearFilter: summarize(clear),
    moveCard: summarize(move),
    domNodes,
  }
}

/**
 * The app and its board in Chromium over a real core holding `cards` contacts: cold opens to
 * the first screen (and the bytes they move), then the board's first render, a filter
 * keystroke, clearing it and a keyboard move.
 */
export async function benchBoard(cards: number, repeats: number): Promise<BoardResults> {
  const dataset = makeDataset(cards, 3)
  const browser = await chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS })
  const dir = await dataFolder(dataset, 'board')
  const core = await openCore({ dataDir: dir })
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } })
  page.setDefaultTimeout(300_000)
  const unsubscribe = core.subscribe((event) => {
    page.evaluate((e) => window.__vouchEmit(e), event).catch(() => undefined)
  })
  let answered = 0
  const bytes: ByteMeter = { read: () => answered, reset: () => (answered = 0) }
  try {
    await page.exposeBinding(
      '__vouchInvoke',
      async (_source, envelope: { command: string; input: unknown }) => {
        const result = await core.invoke(envelope.command, envelope.input)
        // What crosses the bridge: Playwright serializes it, as Electron's IPC would.
        answered += JSON.stringify(result).length
        return result
      },
    )
    // tsx compiles with esbuild's keepNames, which wraps inner functions in a __name()
    // helper that the page does not have: give it one before the probe's source runs.
    await page.addInitScript({
      content: `var __name = (fn) => fn; (${installProbe.toString()})()`,
    })
    await serveRenderer(page)
    // The first cards of Identified, in board order: each repeat moves the next one.
    const moveIds = dataset.file.contacts
      .filter((c) => c.stage === 'identified' && (c.triage ?? 'kept') === 'kept')
      .sort((a, b) => a.order - b.order)
      .slice(0, repeats)
      .map((c) => c.id)
    return { cards, virtualized: await runMode(page, repeats, moveIds, bytes) }
  } finally {
    unsubscribe()
    await page.close()
    await core.close()
    await removeFolder(dir)
    await browser.close()
  }
}
