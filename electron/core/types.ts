import type { Command, CoreEvent, Input, Output } from '@shared/ipc'
import type { ErrorCode, Failure, Result } from '@shared/result'
import type { StoreFs } from './store/fs'
import type { VouchNotification } from './reminders/types'
import type { Slicer } from './slices/slicer'

/** Options of openCore; every side effect is injectable for tests. */
export interface CoreOptions {
  /** Folder that holds vouch.json, its journal, the lock and backups/. */
  dataDir: string
  /** The clock. Defaults to the system clock. */
  now?: () => Date
  /** Whether a process id is alive; used to tell a stale lock from a live one. */
  isProcessAlive?: (pid: number) => boolean
  /** The filesystem; tests inject one that fails like a full or read-only disk. */
  fs?: StoreFs
  /** Idle time after the last write before the journal is compacted into vouch.json. */
  compactAfterMs?: number
  /** Hands a validated http(s) or mailto link to the OS (the shell passes shell.openExternal). */
  openExternal?: (url: string) => Promise<void>
  /** Shows a reminder notification (the shell passes electron/notifier.ts; e2e records them). */
  notify?: (notification: VouchNotification) => void
  /** Yields to the event loop in long loops; tests pass one to read the largest slice. */
  slicer?: Slicer
}

/** The headless engine behind the IPC handler, the e2e bridge, benchmarks and scripts. */
export interface Core {
  /** Any envelope, as it comes over IPC: the name is checked, the input parsed. */
  invoke: (command: string, input: unknown) => Promise<Result<unknown>>
  /** A command typed from the contract, as a Result: for in-process callers (tests, bench, shell). */
  request: <C extends Command>(command: C, input: Input<C>) => Promise<Result<Output<C>>>
  /** A command typed from the contract; a refusal throws a CoreCallError with its code. */
  call: <C extends Command>(command: C, input: Input<C>) => Promise<Output<C>>
  subscribe: (listener: (event: CoreEvent) => void) => () => void
  close: () => Promise<void>
  /** Works out the reminders at now(), delivers them through notify and records them; on the command queue. */
  tick: () => Promise<void>
  /**
   * Resolves once the work opening deferred is done (touches are indexed by id a slice per
   * event-loop turn after open). Commands never need to wait for it; benchmarks of the steady
   * state do.
   */
  settled: () => Promise<void>
  /** Sends a shell event (a notification or tray click) to the same subscribers as core events. */
  emit: (event: CoreEvent) => void
}

/** A command the core refused, thrown by Core.call: the Failure's code, message and issues. */
export class CoreCallError extends Error {
  readonly code: ErrorCode
  readonly issues: Failure['issues']
  constructor(
    readonly command: string,
    failure: Failure,
  ) {
    super(`${command} failed: ${failure.code}: ${failure.message}`)
    this.name = 'CoreCallError'
    this.code = failure.code
    this.issues = failure.issues
  }
}
