import type { CoreEvent } from '@shared/ipc'
import type { Result } from '@shared/result'
import type { Core } from './core/types'

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
    if (core === null)
      return { ok: false, code: 'closed', message: 'Vouch could not open your data.' }
    return core.invoke(command, input)
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
