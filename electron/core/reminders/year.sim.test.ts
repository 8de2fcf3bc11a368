// Before any Date exists: Node re-reads TZ when it is assigned, and vitest gives each file a worker.
process.env.TZ = 'Europe/Paris'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { formatYearReport, runCoreYear, yearDataDir, type YearScenario } from './yearSimulation'
import { yearRestarts } from './yearRestarts'

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi)

const scenario: YearScenario = {
  seed: 20250601,
  start: local(2025, 1, 1),
  days: 365,
  contacts: 500,
  // Three days asleep, waking in quiet hours: the catch-ups wait for 08:00, marked late.
  sleep: { from: local(2025, 6, 10, 14, 6), to: local(2025, 6, 13, 22, 40) },
  restarts: yearRestarts(20250601, local, [
    // Closed across the spring-forward jump (02:00 → 03:00 on 30 March).
    { at: local(2025, 3, 30, 1, 30), downMinutes: 90 },
    // Closed over the digest time on the fall-back day (26 October).
    { at: local(2025, 10, 26, 8, 50), downMinutes: 46 },
  ]),
}

let dir: string
let remove: () => Promise<void>
beforeAll(async () => ({ dir, remove } = await yearDataDir()))
afterAll(() => remove())

describe('the core over a simulated year in Europe/Paris', () => {
  it('runs in the zone it claims, across both changes', () => {
    expect(local(2025, 1, 15).getTimezoneOffset()).toBe(-60)
    expect(local(2025, 7, 15).getTimezoneOffset()).toBe(-120)
  })

  it('reminds of every due contact and thank-you, never twice, once a digest a day, never in quiet hours', async () => {
    const report = await runCoreYear(scenario, dir)
    console.log(formatYearReport('Europe/Paris', report))
    expect(report.problems).toEqual({
      thanksPastDeadlineWithoutAlert: 0,
      overdueContactsWithoutReminder: 0,
      duplicateDeliveries: 0,
      daysWithSeveralDigests: 0,
      onTimeDeliveriesInQuietHours: 0,
      missedDigests: 0,
      alertsNeverSent: 0,
      alertsAtWrongTime: 0,
      wrongLateFlags: 0,
    })
    expect(report.restarts).toBe(20)
    // The world really was busy: these guard against a vacuous pass.
    expect(report.digests).toBeGreaterThan(300)
    expect(report.lateDigests).toBeGreaterThan(0)
    expect(report.contactEpisodes).toBeGreaterThan(2000)
    expect(report.thanksOwed).toBeGreaterThan(40)
    expect(report.thanksAlerted).toBeGreaterThan(30)
    expect(report.requestsAlerted).toBeGreaterThan(20)
  }, 240_000)
})
