import type { CoreEvent } from '@shared/ipc'
import type { Result } from '@shared/result'
import type { StoreFs } from './store/fs'

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
}

/** The headless engine behind the IPC handler, the e2e bridge, benchmarks and scripts. */
export interface Core {
  invoke(command: string, input: unknown): Promise<Result<unknown>>
  subscribe(listener: (event: CoreEvent) => void): () => void
  close(): Promise<void>
}
