/**
 * Runs a load at most once at a time: calls made while one runs collapse into one more run
 * after it, so a burst of change events costs two fetches, not one per event.
 */
export class CoalescedLoad {
  private inFlight: Promise<void> | null = null
  private dirty = false

  constructor(private readonly load: () => Promise<void>) {}

  /** Whether a load is running. */
  get busy(): boolean {
    return this.inFlight !== null
  }

  run(): Promise<void> {
    if (this.inFlight) {
      this.dirty = true
      return this.inFlight
    }
    this.inFlight = this.load().finally(() => {
      this.inFlight = null
      if (this.dirty) {
        this.dirty = false
        void this.run()
      }
    })
    return this.inFlight
  }
}
