import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium'

/**
 * A Chromium already on the machine (Debian's on CI: Playwright cannot download its own
 * browsers there). `npm run test:e2e` runs scripts/ensure-chromium.ts first, which finds one
 * or says what to install.
 */
export const chromiumPath = findChromium()?.path ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  tsconfig: './tsconfig.e2e.json',
  // Each test opens its own core on its own temp data folder, so tests run in parallel; two
  // workers suit the 2-core CI machine (VOUCH_E2E_WORKERS overrides).
  workers: Number(process.env.VOUCH_E2E_WORKERS ?? 2),
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  // Playwright empties its outputDir on start: keep it apart from vitest's test-results/unit.json.
  outputDir: 'test-results/e2e-artifacts',
  // `npm run test:e2e` runs only `e2e`; `docs` regenerates README screenshots on demand
  // (npx playwright test --project=docs).
  projects: [
    { name: 'e2e', testIgnore: 'docs.spec.ts' },
    { name: 'docs', testMatch: 'docs.spec.ts' },
  ],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    },
  },
})
