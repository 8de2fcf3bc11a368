// Prints CI's closing line, "N passed, N failed, N skipped", from the JSON reports of vitest
// (test-results/unit.json) and Playwright (test-results/e2e.json). A missing report counts as
// zero: that runner did not get to run.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'

const resultsDir = resolve(import.meta.dirname, '../test-results')

function readReport(name) {
  try {
    return JSON.parse(readFileSync(resolve(resultsDir, name), 'utf8'))
  } catch {
    return null
  }
}

/** Counts from vitest's JSON reporter; a test file that failed to load counts as one failure. */
export function countUnit(report) {
  if (!report) return { passed: 0, failed: 0, skipped: 0 }
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && (file.assertionResults ?? []).length === 0,
  ).length
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  }
}

/** Counts from Playwright's JSON reporter; errors outside tests (a spec that fails to load) count as failures. */
export function countE2e(report) {
  if (!report) return { passed: 0, failed: 0, skipped: 0 }
  const stats = report.stats ?? {}
  return {
    passed: (stats.expected ?? 0) + (stats.flaky ?? 0),
    failed: (stats.unexpected ?? 0) + (report.errors ?? []).length,
    skipped: stats.skipped ?? 0,
  }
}

const unit = countUnit(readReport('unit.json'))
const e2e = countE2e(readReport('e2e.json'))
const total = {
  passed: unit.passed + e2e.passed,
  failed: unit.failed + e2e.failed,
  skipped: unit.skipped + e2e.skipped,
}
console.log(`${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`)
