import { availableParallelism } from 'node:os'
import { resolve } from 'node:path'
import { defineConfig } from 'vitest/config'

const alias = {
  '@shared': resolve(import.meta.dirname, 'shared'),
  '@testing': resolve(import.meta.dirname, 'testing'),
}

/**
 * Suites that spend seconds each (killed child processes, injected disk faults, simulated
 * years): their own project, so `npm run test:unit:fast` leaves them out while `npm test` and
 * CI run everything.
 */
const SLOW = [
  'electron/core/crash.test.ts',
  'electron/core/faults.test.ts',
  'electron/core/reminders/*.sim.test.ts',
  'electron/core/reminders/*.sim.*.test.ts',
]

/**
 * Suites that need a module graph and process of their own: they mock `electron` with vi.mock or
 * set the process's time zone before any Date exists.
 */
const ISOLATED = ['electron/*.test.ts', '**/*.newYork.test.ts', '**/*.ny.test.ts']

export default defineConfig({
  test: {
    // Many suites wait on the disk (every durable write is fsynced) rather than compute: at least
    // four workers overlap those waits even on a 2-core machine (unit stage 187 s → 136 s there).
    maxWorkers: Math.max(4, availableParallelism()),
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'scripts/**/*.test.ts',
            'testing/**/*.test.ts',
          ],
          exclude: [...SLOW, ...ISOLATED],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          isolate: false,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'isolated',
          environment: 'node',
          include: ISOLATED,
          exclude: SLOW,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'slow',
          environment: 'node',
          include: SLOW,
          // A safety net, not a measure: on two cores shared with other work, a kill -9 series
          // once took four minutes.
          testTimeout: 600_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'dom',
          environment: 'happy-dom',
          setupFiles: ['testing/renderer/setup.ts'],
          include: ['renderer/**/*.test.tsx', 'renderer/**/*.test.ts'],
          // Renderer tests open the real core on a temp folder (testing/renderer/realBridge.ts)
          // and render whole views: generous on a busy 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // One happy-dom and one module graph per worker instead of per file: setting up the
          // environment and importing React and the views again for each file was about 3/4 of
          // this project's time. Each test unmounts what it rendered and closes its core.
          isolate: false,
        },
      },
    ],
  },
})
