import { createRandom } from '../random'

/** A restart of the core in a simulated year: closed at `at`, opened `downMinutes` later. */
export interface Restart {
  at: Date
  downMinutes: number
}

/**
 * Twenty restarts: the fixed ones given (across DST changes), the rest at seeded random
 * times of 2025, closed for 5 minutes to 10 hours.
 */
export function yearRestarts(
  seed: number,
  local: (y: number, mo: number, d: number, h?: number, mi?: number) => Date,
  fixed: readonly Restart[],
): Restart[] {
  const random = createRandom(seed)
  const restarts = [...fixed]
  while (restarts.length < 20) {
    const month = 1 + random.int(12)
    const day = 1 + random.int(28)
    restarts.push({
      at: local(2025, month, day, random.int(24), 2 * random.int(30)),
      downMinutes: 5 + random.int(600),
    })
  }
  return restarts
}
