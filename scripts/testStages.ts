// The stages of `npm test` (scripts/test.ts), the phases they run in, and its arguments: kept
// apart from the runner to be unit-tested.

/**
 * Each stage is an npm script. Stages of one phase run side by side, phases one after another,
 * and a phase starts only if every stage before it passed.
 *
 * Why only the static checks share a phase (measured on the 2-core CI machine,
 * docs/ARCHITECTURE.md "Running the tests"): tsc, ESLint and Prettier each compute on one core
 * for under a minute, so side by side they take about as long as ESLint alone. The unit tests
 * keep both cores busy, and the end-to-end tests (two Playwright workers, each driving a Chromium)
 * do too: all five at once took 7 min 34 s on a fresh clone, one at a time 7 min 1 s.
 */
export const STAGES = {
  typecheck: { script: 'typecheck', what: 'tsc -b over every tsconfig', phase: 1 },
  lint: { script: 'lint:code', what: 'ESLint, type-aware, with the boundaries', phase: 1 },
  format: { script: 'format:check', what: 'Prettier --check', phase: 1 },
  unit: { script: 'test:unit', what: 'vitest: node, isolated, slow and dom projects', phase: 2 },
  e2e: {
    script: 'test:e2e',
    what: 'build, then Playwright in Chromium against the real core',
    phase: 3,
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

/** The stages grouped into the phases they run in, in order; `serial` gives each its own. */
export function phasesOf(stages: readonly StageName[], serial: boolean): StageName[][] {
  if (serial) return stages.map((stage) => [stage])
  const phases = new Map<number, StageName[]>()
  for (const stage of stages) {
    const phase = STAGES[stage].phase
    phases.set(phase, [...(phases.get(phase) ?? []), stage])
  }
  return [...phases.entries()].sort(([a], [b]) => a - b).map(([, group]) => group)
}

/** 870 → "0.9 s", 61_000 → "1 min 1 s". */
export function formatDuration(ms: number): string {
  if (ms < 10_000) return `${(ms / 1000).toFixed(1)} s`
  const seconds = Math.round(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`
}
