// Before any Date exists: Node re-reads TZ when it is assigned, and vitest gives each file a worker.
process.env.TZ = 'America/New_York'

import type { YearScenario } from '@testing/reminders/yearSimulation'
import { describeCoreYear } from '@testing/reminders/yearSuite'
import { yearRestarts } from '@testing/reminders/yearRestarts'

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi)

const scenario: YearScenario = {
  seed: 20250907,
  start: local(2025, 1, 1),
  days: 365,
  contacts: 500,
  // Three days asleep, waking mid-morning after the digest time: a late digest at once.
  sleep: { from: local(2025, 8, 20, 23, 30), to: local(2025, 8, 23, 11, 2) },
  restarts: yearRestarts(20250907, local, [
    // Closed across the spring-forward jump (02:00 → 03:00 on 9 March).
    { at: local(2025, 3, 9, 1, 30), downMinutes: 90 },
    // Closed over the digest time on the fall-back day (2 November).
    { at: local(2025, 11, 2, 8, 50), downMinutes: 46 },
  ]),
}

describeCoreYear({
  zone: 'America/New_York',
  scenario,
  offsets: { winter: 300, summer: 240 },
  local,
})
