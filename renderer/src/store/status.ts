import { useSyncExternalStore } from 'react'
import type { AppStatus } from '@shared/ipc'
import { call, subscribe } from '../api/client'
import { Listeners } from './listeners'

/** Holds the core's AppStatus: fetched once, then pushed by `status` events. */
export class StatusStore {
  private status: AppStatus | null = null
  private readonly listeners = new Listeners()
  private unsubscribeCore: (() => void) | null = null

  start(): void {
    if (this.unsubscribeCore) return
    this.unsubscribeCore = subscribe((event) => {
      if (event.type === 'status') this.set(event.status)
    })
    void call('app.status', {}).then((result) => {
      if (result.ok) this.set(result.value)
    })
  }

  /** Stop listening and forget the status. */
  stop(): void {
    this.unsubscribeCore?.()
    this.unsubscribeCore = null
    this.status = null
    this.listeners.notify()
  }

  readonly subscribe = this.listeners.subscribe

  readonly getSnapshot = (): AppStatus | null => this.status

  private set(status: AppStatus): void {
    this.status = status
    this.listeners.notify()
  }
}

/** The app's one status store. */
export const statusStore = new StatusStore()

/** The latest AppStatus, or null before it arrived. */
export function useAppStatus(): AppStatus | null {
  return useSyncExternalStore(statusStore.subscribe, statusStore.getSnapshot)
}
