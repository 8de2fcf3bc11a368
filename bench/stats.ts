/** Median and p95 of a set of samples, in the samples' unit. */
export interface Summary {
  n: number
  p50: number
  p95: number
  max: number
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ??
    Number.NaN
  )
}

/** Summarise samples (they are copied, not sorted in place). */
export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b)
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  }
}

/**
 * The longest event-loop stall while `fn` runs, in ms: a setImmediate heartbeat measures the
 * gap between its turns, and every gap is time the loop could not answer another message.
 */
export class LoopProbe {
  private last = 0
  private worst = 0
  private lastCpu = 0
  private worstCpu = 0
  private running = false

  /** This process's CPU time (user + system, all threads), ms. */
  private static cpu(): number {
    const { user, system } = process.cpuUsage()
    return (user + system) / 1000
  }

  start(): void {
    this.running = true
    this.last = performance.now()
    this.lastCpu = LoopProbe.cpu()
    const beat = () => {
      if (!this.running) return
      const now = performance.now()
      const cpu = LoopProbe.cpu()
      if (now - this.last > this.worst) this.worst = now - this.last
      if (cpu - this.lastCpu > this.worstCpu) this.worstCpu = cpu - this.lastCpu
      this.last = now
      this.lastCpu = cpu
      setImmediate(beat)
    }
    setImmediate(beat)
  }

  /**
   * The most CPU time the process used between two heartbeats since the previous call: the
   * work of the longest turn, which waiting for a core on a busy machine does not inflate
   * (garbage-collector threads count, as in the CPU columns).
   */
  takeWorstCpu(): number {
    const worst = Math.max(this.worstCpu, LoopProbe.cpu() - this.lastCpu)
    this.worstCpu = 0
    return worst
  }

  /**
   * Let the heartbeat run once, then start a fresh window: after a long stall the next thing
   * to run may be the awaiting code rather than the heartbeat, and that stall must not be
   * counted again against the next command.
   */
  async fresh(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve))
    this.worst = 0
    this.worstCpu = 0
    this.last = performance.now()
    this.lastCpu = LoopProbe.cpu()
  }

  /** Worst gap since the previous call (or since start). */
  takeWorst(): number {
    const now = performance.now()
    const worst = Math.max(this.worst, now - this.last)
    this.worst = 0
    return worst
  }

  stop(): void {
    this.running = false
  }
}

/** Pause without blocking the loop. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
