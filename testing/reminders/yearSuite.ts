import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatYearReport, runCoreYear, yearDataDir, type YearScenario } from './yearSimulation'
import { expectNoProblems } from './problems'

/**
 * The simulated-year test, shared by one file per time zone (each file sets process.env.TZ
 * before any Date exists, and vitest gives each file its own worker).
 */
export function describeCoreYear(args: {
  zone: string
  scenario: YearScenario
  /** getTimezoneOffset() on 15 January and 15 July, proving the zone is in force. */
  offsets: { winter: number; summer: number }
  local: (y: number, mo: number, d: number) => Date
}): void {
  const { zone, scenario, offsets, local } = args
  let dir: string
  let remove: () => Promise<void>
  beforeAll(async () => ({ dir, remove } = await yearDataDir()))
  afterAll(() => remove())

  describe(`the core over a simulated year in ${zone}`, () => {
    it('runs in the zone it claims, across both changes', () => {
      expect(local(2025, 1, 15).getTimezoneOffset()).toBe(offsets.winter)
      expect(local(2025, 7, 15).getTimezoneOffset()).toBe(offsets.summer)
    })

    it('reminds of every due contact and thank-you, never twice, once a digest a day, never in quiet hours', async () => {
      const report = await runCoreYear(scenario, dir)
      console.log(formatYearReport(zone, report))
      expectNoProblems(report.problems)
      expect(report.restarts).toBe(20)
      // The world really was busy: these guard against a vacuous pass.
      expect(report.digests).toBeGreaterThan(300)
      expect(report.lateDigests).toBeGreaterThan(0)
      // A review a week, less the weeks the app was closed through (caught up late instead).
      expect(report.reviews).toBeGreaterThan(40)
      expect(report.contactEpisodes).toBeGreaterThan(2000)
      expect(report.thanksOwed).toBeGreaterThan(40)
      expect(report.thanksAlerted).toBeGreaterThan(30)
      expect(report.requestsAlerted).toBeGreaterThan(20)
    })
  })
}
