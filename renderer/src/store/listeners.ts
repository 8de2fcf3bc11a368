/** Who listens to one external store (read with useSyncExternalStore), and telling them all. */
export class Listeners {
  private readonly set = new Set<() => void>()

  /** Adds a listener; returns the function that removes it. */
  readonly subscribe = (listener: () => void): (() => void) => {
    this.set.add(listener)
    return () => this.set.delete(listener)
  }

  /** Tells every listener that the store changed. */
  notify(): void {
    for (const listener of this.set) listener()
  }
}
