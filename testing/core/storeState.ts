import { DEFAULT_SETTINGS } from '@shared/domain'
import type { StoreState } from '../../electron/core/store/store'

/** An empty store state for index tests; pass collections to start from. */
export function emptyStoreState(overrides: Partial<StoreState> = {}): StoreState {
  return {
    contacts: new Map(),
    interactions: new Map(),
    requests: new Map(),
    updates: new Map(),
    settings: DEFAULT_SETTINGS,
    reminders: { lastTickAt: null, log: {} },
    importBatches: new Map(),
    ...overrides,
  }
}
