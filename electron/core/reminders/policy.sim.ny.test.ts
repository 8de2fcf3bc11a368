// Before any Date exists: Node re-reads TZ when it is assigned, and vitest gives each file a worker.
process.env.TZ = 'America/New_York'

import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain'
import { expectCleanPolicyYear, expectDigestsAtNine } from '@testing/reminders/policySuite'
import type { PolicyScenario } from '@testing/reminders/simulation'

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi)

const scenario: PolicyScenario = {
  seed: 7,
  start: local(2025, 1, 1),
  days: 365,
  digestTime: DEFAULT_SETTINGS.digestTime,
  quietHours: DEFAULT_SETTINGS.quietHours,
  // Three days asleep across the fall-back change (2 November), waking mid-afternoon.
  sleeps: [{ from: local(2025, 10, 31, 18, 3), to: local(2025, 11, 3, 15, 17) }],
  restarts: [
    // Closed across the spring-forward jump (02:00 → 03:00 on 9 March).
    { at: local(2025, 3, 9, 1, 40), downMinutes: 60 },
    { at: local(2025, 7, 4, 8, 30), downMinutes: 120 },
  ],
  contacts: 40,
}

describe('planDeliveries over a simulated year in America/New_York', () => {
  it('runs in the zone it claims', () => {
    expect(local(2025, 1, 15).getTimezoneOffset()).toBe(300)
    expect(local(2025, 7, 15).getTimezoneOffset()).toBe(240)
  })

  it('alerts every thank-you in time, never twice, once a digest a day, never in quiet hours', () => {
    const sim = expectCleanPolicyYear('America/New_York', scenario)
    const deliveries = sim.timeline.deliveries
    // Waking at 15:17 after the 09:00 digest time: one late digest at once.
    const wake = deliveries.filter((d) => d.at === local(2025, 11, 3, 15, 17).getTime())
    expect(wake.map((d) => [d.notification.kind, d.notification.late])).toContainEqual([
      'digest',
      true,
    ])
    // Both sides of each DST change: the 09:00 digest comes at 09:00 local (when anything is due).
    const days = [
      local(2025, 3, 8),
      local(2025, 3, 9),
      local(2025, 3, 10),
      local(2025, 10, 31),
      local(2025, 11, 4),
    ]
    expectDigestsAtNine(sim, days)
  })
})
