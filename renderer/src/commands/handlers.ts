/** What a view registers for a command: how to perform it, and whether it can right now. */
export interface CommandHandler {
  perform: () => void
  enabled?: () => boolean
}

/**
 * Handlers views register for commands while they are mounted. Several views may handle one
 * command (the board and the open contact panel both log touches): the latest registered that
 * is enabled wins, so what opened last, on top, answers first.
 */
export class HandlerRegistry {
  private readonly stacks = new Map<string, CommandHandler[]>()
  private readonly listeners = new Set<() => void>()
  private version = 0

  /** Register a handler; returns the function that removes it. */
  register(id: string, handler: CommandHandler): () => void {
    const stack = this.stacks.get(id) ?? []
    stack.push(handler)
    this.stacks.set(id, stack)
    this.changed()
    return () => {
      const current = this.stacks.get(id)
      if (!current) return
      const index = current.lastIndexOf(handler)
      if (index >= 0) current.splice(index, 1)
      if (current.length === 0) this.stacks.delete(id)
      this.changed()
    }
  }

  /** The handler that would perform `id` now, if any. */
  active(id: string): CommandHandler | undefined {
    const stack = this.stacks.get(id)
    if (!stack) return undefined
    for (let i = stack.length - 1; i >= 0; i--) {
      const handler = stack[i]
      if (handler && (handler.enabled?.() ?? true)) return handler
    }
    return undefined
  }

  /** Perform `id` with the active handler; false when there is none. */
  run(id: string): boolean {
    const handler = this.active(id)
    if (!handler) return false
    handler.perform()
    return true
  }

  /** For useSyncExternalStore: changes whenever a handler comes or goes. */
  getVersion = (): number => this.version

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private changed(): void {
    this.version++
    for (const listener of this.listeners) listener()
  }
}
