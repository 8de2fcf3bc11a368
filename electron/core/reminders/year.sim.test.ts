// Before any Date exists: Node re-reads TZ when it is assigned, and vitest gives each file a worker.
process.env.TZ = 'Europe/Paris'

import type { YearScenario } from '@testing/reminders/yearSimulation'
import { describeCoreYear } from '@testing/reminders/yearSuite'
import { yearRestarts } from '@testing/reminders/yearRestarts'

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

describeCoreYear({ zone: 'Europe/Paris', scenario, offsets: { winter: -60, summer: -120 }, local })
