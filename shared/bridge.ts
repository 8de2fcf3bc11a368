import type { CoreEvent } from './ipc'
import type { Result } from './result'

/** The one object the preload (or the e2e harness) puts on `window.vouch`. */
export interface VouchBridge {
  invoke: (envelope: { command: string; input: unknown }) => Promise<Result<unknown>>
  subscribe: (listener: (event: CoreEvent) => void) => () => void
}

/** Name of the global under which the bridge is exposed. */
export const BRIDGE_GLOBAL = 'vouch'

/** The two IPC channels between the preload and the main process. */
export const IPC_CHANNELS = { invoke: 'vouch:invoke', event: 'vouch:event' } as const
