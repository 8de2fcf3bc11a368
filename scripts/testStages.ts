// The stages of `npm test` (scripts/test.ts) and its arguments: kept apart to be unit-tested.

/**
 * `background`: the stage runs at a lower CPU priority. The unit tests can use every core for as
 * long as they get it; the end-to-end tests wait on the browser and the disk between short bursts,
 * and a burst that waits behind a unit worker makes the whole run longer. So when both run, the
 * unit tests take what the others leave.
 */
export const STAGES = {
  typecheck: { script: 'typecheck', what: 'tsc -b over every tsconfig', background: false },
  lint: { script: 'lint:code', what: 'ESLint, type-aware, with the boundaries', background: false },
  format: { script: 'format:check', what: 'Prettier --check', background: false },
  unit: {
    script: 'test:unit',
    what: 'vitest: node, isolated, slow and dom projects',
    background: true,
  },
  e2e: {
    script: 'test:e2e',
    what: 'build, then Playwright in Chromium against the real core',
    background: false,
  },
} as const

export type StageName = keyof typeof STAGES

const NAMES = Object.keys(STAGES) as StageName[]

const isStage = (name: string): name is StageName => (NAMES as string[]).includes(name)

/** `npm test -- [--serial] [stage ...]`: no stage named means all of them, in the table's order. */
export function parseArgs(args: readonly string[]): { stages: StageName[]; serial: boolean } {
  let serial = false
  const named = new Set<StageName>()
  for (const arg of args) {
    if (arg === '--serial') serial = true
    else if (isStage(arg)) named.add(arg)
    else
      throw new Error(
        `npm test: unknown argument "${arg}". Stages: ${NAMES.join(', ')}; option: --serial.`,
      )
  }
  const stages = named.size === 0 ? NAMES : NAMES.filter((name) => named.has(name))
  return { stages, serial }
}

/** 870 → "0.9 s", 61_000 → "1 min 1 s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}
