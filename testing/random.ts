// The one seeded PRNG of the tests, simulations, crash trials and benchmarks: the same seed
// replays the same run.

/** A seeded pseudo-random source (mulberry32): the same seed replays the same world. */
export interface Random {
  /** Uniform in [0, 1). */
  next: () => number
  /** Integer in [0, n). */
  int: (n: number) => number
  /** Uniform in [min, max). */
  between: (min: number, max: number) => number
  pick: <T>(items: readonly T[]) => T
}

/** A PRNG from a 32-bit seed. */
export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (n: number) => Math.floor(next() * n)
  return {
    next,
    int,
    between: (min, max) => min + next() * (max - min),
    pick: (items) => {
      const item = items[int(items.length)]
      if (item === undefined) throw new RangeError('pick from an empty list')
      return item
    },
  }
}
