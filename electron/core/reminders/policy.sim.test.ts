// Before any Date exists: Node re-reads TZ when it is assigned, and vitest gives each file a worker.
process.env.TZ = 'Europe/Paris'

import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain'
import { expectCleanPolicyYear, expectDigestsAtNine } from '@testing/reminders/policySuite'
import type { PolicyScenario } from '@testing/reminders/simulation'

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi)

const scenario: PolicyScenario = {
  seed: 20250101,
  start: local(2025, 1, 1),
  days: 365,
  digestTime: DEFAULT_SETTINGS.digestTime,
  quietHours: DEFAULT_SETTINGS.quietHours,
  // Three days asleep, waking inside quiet hours: the catch-ups wait for 08:00.
  sleeps: [{ from: local(2025, 6, 10, 14, 7), to: local(2025, 6, 13, 22, 41) }],
  restarts: [
    // Closed across the spring-forward jump (02:00 → 03:00 on 30 March).
    { at: local(2025, 3, 30, 1, 30), downMinutes: 90 },
    // Closed over the digest time on the fall-back day (26 October): a late digest on restart.
    { at: local(2025, 10, 26, 8, 50), downMinutes: 45 },
    { at: local(2025, 12, 1, 12, 0), downMinutes: 30 },
  ],
  contacts: 40,
}

describe('planDeliveries over a simulated year in Europe/Paris', () => {
  it('runs in the zone it claims', () => {
    expect(local(2025, 1, 15).getTimezoneOffset()).toBe(-60)
    expect(local(2025, 7, 15).getTimezoneOffset()).toBe(-120)
  })

  it('alerts every thank-you in time, never twice, once a digest a day, never in quiet hours', () => {
    const sim = expectCleanPolicyYear('Europe/Paris', scenario)
    const deliveries = sim.timeline.deliveries
    const at = (t: Date) => deliveries.filter((d) => d.at === t.getTime())
    // Waking at 22:41 in quiet hours: the missed digest and alerts come at 08:00, marked late.
    const wake = at(local(2025, 6, 14, 8, 0))
    expect(wake.some((d) => d.notification.kind === 'digest' && d.notification.late)).toBe(true)
    expect(
      deliveries.some(
        (d) =>
          d.at > local(2025, 6, 13, 22, 41).getTime() && d.at < local(2025, 6, 14, 8).getTime(),
      ),
    ).toBe(false)
    // The restart after the digest time on the fall-back day brings a late digest at once.
    const restart = at(local(2025, 10, 26, 9, 35))
    expect(restart.map((d) => [d.notification.kind, d.notification.late])).toContainEqual([
      'digest',
      true,
    ])
    // Both sides of each DST change: the 09:00 digest comes at 09:00 local (when anything is due).
    const days = [local(2025, 3, 29), local(2025, 3, 31), local(2025, 10, 25), local(2025, 10, 27)]
    expectDigestsAtNine(sim, days)
  })
})
