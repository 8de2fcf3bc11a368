import type { Command, CoreEvent, Input, Output } from '@shared/ipc'
import type { Failure, Result } from '@shared/result'
import { CoreCallError, type Core } from './core/types'

const COULD_NOT_OPEN: Failure = {
  ok: false,
  code: 'closed',
  message: 'Vouch could not open your data.',
}

/**
 * The core as the shell sees it while it opens: the window shows first ("Opening your data…")
 * and its requests, the menus' events and quitting all wait for the core instead of racing it.
 */
export class CoreHandle {
  private opening: Promise<Core> | null = null
  private readonly listeners = new Set<(event: CoreEvent) => void>()

  /** Opens the core once; rejects as openCore does (the caller reports it and exits). */
  open(openCore: () => Promise<Core>): Promise<Core> {
    this.opening ??= openCore().then((core) => {
      core.subscribe((event) => {
        for (const listener of this.listeners) listener(event)
      })
      return core
    })
    return this.opening
  }

  /** Core.invoke, once the core is open; a failure Result when it could not open. */
  async invoke(command: string, input: unknown): Promise<Result<unknown>> {
    const core = await this.ready()
    if (core === null) return COULD_NOT_OPEN
    return core.invoke(command, input)
  }

  /** Core.call, once the core is open; throws a CoreCallError ('closed') when it could not open. */
  async call<C extends Command>(command: C, input: Input<C>): Promise<Output<C>> {
    const core = await this.ready()
    if (core === null) throw new CoreCallError(command, COULD_NOT_OPEN)
    return core.call(command, input)
  }

  /** Core.subscribe, also before the core is open. */
  subscribe(listener: (event: CoreEvent) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Core.emit once the core is open: the renderer and the e2e bridge hear shell events the same way. */
  emit(event: CoreEvent): void {
    void this.ready().then((core) => core?.emit(event))
  }

  /** Closes the core; nothing to do when it never opened or failed to. */
  async close(): Promise<void> {
    const core = await this.ready()
    await core?.close()
  }

  /** The open core, or null when it was never opened or failed to open. */
  private async ready(): Promise<Core | null> {
    if (this.opening === null) return null
    return this.opening.catch(() => null)
  }
}
