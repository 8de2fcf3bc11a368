import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { delimiter, join } from 'node:path'
import { chromium } from '@playwright/test'

/**
 * Flags for a headless Chromium on a machine without a GPU, sandbox or network: the e2e specs,
 * the board benchmark and the icon script all launch it with these.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Executable names of a system Chromium or Chrome, looked up on PATH in this order. */
const SYSTEM_BROWSERS = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable']

/** Where a Chromium was found, and how. */
export interface FoundChromium {
  path: string
  source: 'VOUCH_CHROMIUM' | 'system' | 'playwright'
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | null {
  for (const folder of (env.PATH ?? '').split(delimiter)) {
    if (folder === '') continue
    const candidate = join(folder, name)
    if (existsSync(candidate)) return candidate
  }
  return null
}

/** Playwright's own Chromium, when `npx playwright install chromium` has put it on disk. */
function playwrightChromium(): string | null {
  try {
    const path = chromium.executablePath()
    return existsSync(path) ? path : null
  } catch {
    return null
  }
}

/**
 * The Chromium the tests drive: $VOUCH_CHROMIUM, /usr/bin/chromium, a Chromium or Chrome on
 * PATH, or Playwright's own download. Null when there is none.
 */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  debianPath = '/usr/bin/chromium',
  ownChromium: () => string | null = playwrightChromium,
): FoundChromium | null {
  const override = env.VOUCH_CHROMIUM
  if (override) return existsSync(override) ? { path: override, source: 'VOUCH_CHROMIUM' } : null
  if (existsSync(debianPath)) return { path: debianPath, source: 'system' }
  for (const name of SYSTEM_BROWSERS) {
    const path = onPath(name, env)
    if (path) return { path, source: 'system' }
  }
  const own = ownChromium()
  return own ? { path: own, source: 'playwright' } : null
}

/** What to run when no Chromium is found, for this platform. */
export function installAdvice(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'linux') {
    return 'Install one: `sudo apt-get install chromium` (Debian/Ubuntu), or `npx playwright install chromium`; or point VOUCH_CHROMIUM at a Chromium or Chrome executable.'
  }
  return 'Install one: `npx playwright install chromium`, or point VOUCH_CHROMIUM at a Chrome or Chromium executable.'
}

/**
 * Find a Chromium, or fetch Playwright's where that works (not under CI, where the script
 * installs Debian's). Returns the path, or throws with the one command to run.
 */
export function ensureChromium(env: NodeJS.ProcessEnv = process.env): FoundChromium {
  const found = findChromium(env)
  if (found) return found
  if (env.VOUCH_CHROMIUM) {
    throw new Error(`VOUCH_CHROMIUM is set to ${env.VOUCH_CHROMIUM}, which does not exist.`)
  }
  if (!env.CI) {
    try {
      execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' })
    } catch {
      // Offline or blocked: fall through to the advice below.
    }
    const own = playwrightChromium()
    if (own) return { path: own, source: 'playwright' }
  }
  throw new Error(`No Chromium found for the end-to-end tests. ${installAdvice()}`)
}
