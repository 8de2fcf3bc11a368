import type { Core } from './core/types'

/** How often the core works out reminders while the app runs. */
export const TICK_INTERVAL_MS = 60_000

/** Where the ticker hears that the computer woke up (Electron's powerMonitor). */
export interface ResumeSource {
  on(event: 'resume', listener: () => void): unknown
}

/**
 * Works out reminders now, every minute, and at once after sleep (the interval is late then).
 * The interval is unref'd: it never keeps the process alive on its own.
 */
export function startTicker(
  core: Pick<Core, 'tick'>,
  power: ResumeSource,
  every: (run: () => void, ms: number) => { unref(): unknown } = setInterval,
): void {
  const tick = () => {
    core.tick().catch((error: unknown) => console.error('Vouch reminders failed:', error))
  }
  tick()
  every(tick, TICK_INTERVAL_MS).unref()
  power.on('resume', tick)
}
