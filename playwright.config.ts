import { defineConfig } from '@playwright/test'

/** Debian's Chromium: Playwright cannot download its own browsers on these machines. */
export const chromiumPath = process.env.VOUCH_CHROMIUM ?? '/usr/bin/chromium'

export default defineConfig({
  testDir: 'e2e',
  testMatch: '*.spec.ts',
  tsconfig: './tsconfig.e2e.json',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  // Playwright empties its outputDir on start: keep it apart from vitest's test-results/unit.json.
  outputDir: 'test-results/e2e-artifacts',
  // `npm run test:e2e` runs only `e2e`; `docs` regenerates README screenshots on demand
  // (npx playwright test --project=docs).
  projects: [
    { name: 'e2e', testIgnore: ['docs.spec.ts', 'screens.spec.ts'] },
    { name: 'docs', testMatch: 'docs.spec.ts' },
    // Screenshots of every view, light and dark, for review: npx playwright test --project=screens
    { name: 'screens', testMatch: 'screens.spec.ts' },
  ],
  use: {
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
})
