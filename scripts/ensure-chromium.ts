// Run before the end-to-end tests: find a Chromium (or fetch Playwright's where that works)
// and say which one, or stop with the one command to run.
import { ensureChromium } from './chromium'

try {
  const found = ensureChromium()
  console.log(`e2e: using ${found.path} (${found.source})`)
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error))
  process.exit(1)
}
