import { setImmediate } from 'node:timers/promises'

/** What a Slicer is built with; every field has a default for the app. */
export interface SlicerOptions {
  /** Gives the event loop a turn (setImmediate). */
  turn?: () => Promise<unknown>
  /** The clock of a slice, in ms (performance.now). */
  clock?: () => number
  /**
   * A slice that has handled its size in items goes on while it has run less than this (ms),
   * up to STRETCH times its size, so that cheap items do not pay a turn every few hundred.
   * 0 makes every slice exactly its size (tests use it to count turns).
   */
  minSliceMs?: number
}

/** A slice never handles more than this many times its size. */
export const STRETCH = 4

/**
 * Long loops in the core (a search over every person, a bulk over thousands, the journal line
 * and the index updates of such a bulk, Today's refresh after it) run in slices of a bounded
 * number of items and give the event loop a turn in between, so IPC, timers, the tray and
 * notifications never wait for a whole pass over a 50,000-person network. Commands still run
 * one at a time on the core's queue, so no other command's write lands between two slices of
 * a command: a sliced read answers one consistent state. Counts items, so tests bound the work.
 */
export class Slicer {
  private count = 0
  private checked = 0
  private started = 0
  private readonly turn: () => Promise<unknown>
  private readonly clock: () => number
  private readonly minSliceMs: number
  /** The most items one slice handled (tests bound it; see resetStats). */
  largest = 0
  /** How many turns were given to the event loop. */
  turns = 0
  /** Items counted in all (what a command looked at: tests bound the work with it). */
  items = 0

  constructor(options: SlicerOptions = {}) {
    this.turn = options.turn ?? (() => setImmediate())
    this.clock = options.clock ?? (() => performance.now())
    this.minSliceMs = options.minSliceMs ?? 2
  }

  /** Count one item; true when the slice is over (see due): then `await pause()`. */
  full(size: number): boolean {
    this.add(1)
    if (this.count - this.checked < size) return false
    this.checked = this.count
    return this.due(size)
  }

  /** Count `n` items at once (a chunk done in one go). */
  add(n: number): void {
    if (this.count === 0) this.started = this.clock()
    this.items += n
    this.count += n
  }

  /** Whether a slice of `size` items is over: it has its size and has run long enough, or STRETCH times its size. */
  due(size: number): boolean {
    if (this.count < size) return false
    return this.count >= size * STRETCH || this.clock() - this.started >= this.minSliceMs
  }

  /** Give the event loop a turn and start a new slice. */
  async pause(): Promise<void> {
    this.close()
    this.turns++
    await this.turn()
  }

  /** End the current slice without yielding (at the end of a loop). */
  close(): void {
    if (this.count > this.largest) this.largest = this.count
    this.count = 0
    this.checked = 0
  }

  resetStats(): void {
    this.close()
    this.largest = 0
    this.turns = 0
    this.items = 0
  }
}
