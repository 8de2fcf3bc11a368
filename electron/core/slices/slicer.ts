import { setImmediate } from 'node:timers/promises'

/**
 * Long loops in the core (a search over every person, a bulk over thousands, the journal line
 * and the index updates of such a bulk) run in slices of a bounded number of items and give the
 * event loop a turn in between, so IPC, timers, the tray and notifications never wait for a
 * whole pass over a 50,000-person network. Commands still run one at a time on the core's
 * queue, so no other command's write can land between two slices of a command: what a sliced
 * read answers is one consistent state. Counts items, never time, so tests can bound a slice.
 */
export class Slicer {
  private count = 0
  /** The most items one slice handled (tests bound it; see resetStats). */
  largest = 0
  /** How many turns were given to the event loop. */
  turns = 0
  /** Items counted in all (what a command looked at: tests bound the work with it). */
  items = 0

  constructor(private readonly turn: () => Promise<unknown> = () => setImmediate()) {}

  /** Count one item; true once `size` items were handled since the last turn: then `await pause()`. */
  full(size: number): boolean {
    this.items++
    return ++this.count >= size
  }

  /** Count `n` items at once (a chunk done in one go). */
  add(n: number): void {
    this.items += n
    this.count += n
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
  }

  resetStats(): void {
    this.count = 0
    this.largest = 0
    this.turns = 0
    this.items = 0
  }
}
