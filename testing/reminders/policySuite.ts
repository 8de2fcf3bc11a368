import { expect } from 'vitest'
import {
  formatReport,
  reportSimulation,
  runPolicySimulation,
  type PolicyScenario,
  type PolicySimulation,
} from './simulation'
import { expectNoProblems } from './problems'

/**
 * Runs the delivery policy over a scenario's year in this process's zone, prints the report,
 * and expects none of the problems it counts: every thank-you alerted in time, nothing twice,
 * one digest a day, nothing in quiet hours (late catch-ups included). Returns the simulation
 * for the zone's own checks.
 */
export function expectCleanPolicyYear(zone: string, scenario: PolicyScenario): PolicySimulation {
  const sim = runPolicySimulation(scenario)
  const report = reportSimulation(sim, scenario)
  console.log(formatReport(zone, report))
  expectNoProblems(report.problems)
  expect(report.lateInQuietHours).toBe(0)
  // The world really was busy: these guard against a vacuous pass.
  expect(report.thanksAlerted).toBeGreaterThan(50)
  expect(report.digests).toBeGreaterThan(300)
  return sim
}

/**
 * On each of these local days (both sides of a DST change), the 09:00 digest comes at 09:00
 * local when anything is due then, and nothing is due on fewer than three of them.
 */
export function expectDigestsAtNine(sim: PolicySimulation, days: readonly Date[]): void {
  for (const day of days) {
    const nine = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 9)
    const expected = (sim.timeline.dueCountAt(nine.getTime()) ?? 0) > 0 ? ['09:00'] : []
    expect(sim.timeline.digestTimesOn(day)).toEqual(expected)
  }
  expect(
    days.filter((day) => sim.timeline.digestTimesOn(day).length > 0).length,
  ).toBeGreaterThanOrEqual(3)
}
