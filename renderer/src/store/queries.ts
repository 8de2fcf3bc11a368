import { useSyncExternalStore } from 'react'
import type { Command, Input, Output } from '@shared/ipc'
import { call, subscribe } from '../api/client'
import { TODAY_DEFAULT_LIMIT } from '@shared/workflowContract'
import { CoalescedLoad } from './coalesced'
import { Listeners } from './listeners'

/** What a query store holds: the last answer, or why it failed. */
export interface QuerySnapshot<T> {
  readonly value: T | null
  readonly error: string | null
}

/**
 * A read-only command's answer, re-fetched whenever the core reports a change to one of
 * `collections`. Fetches made while one runs collapse into one more.
 */
export class QueryStore<C extends Command> {
  private snapshot: QuerySnapshot<Output<C>> = { value: null, error: null }
  private readonly listeners = new Listeners()
  private unsubscribeCore: (() => void) | null = null
  private readonly loader = new CoalescedLoad(() => this.load())

  constructor(
    private readonly command: C,
    private input: Input<C>,
    private readonly collections: readonly string[],
  ) {}

  start(): void {
    if (this.unsubscribeCore) return
    this.unsubscribeCore = subscribe((event) => {
      if (event.type !== 'changed') return
      if (event.collections.some((c) => this.collections.includes(c))) void this.refresh()
    })
    void this.refresh()
  }

  stop(): void {
    this.unsubscribeCore?.()
    this.unsubscribeCore = null
  }

  readonly subscribe = this.listeners.subscribe

  readonly getSnapshot = (): QuerySnapshot<Output<C>> => this.snapshot

  refresh(): Promise<void> {
    return this.loader.run()
  }

  /** Ask with another input from now on; fetches at once when it differs. */
  setInput(input: Input<C>): void {
    if (JSON.stringify(input) === JSON.stringify(this.input)) return
    this.input = input
    if (this.unsubscribeCore) void this.refresh()
  }

  private async load(): Promise<void> {
    const result = await call(this.command, this.input)
    this.snapshot = result.ok
      ? { value: result.value, error: null }
      : { value: this.snapshot.value, error: result.message }
    this.listeners.notify()
  }
}

const ALL = ['contacts', 'interactions', 'requests', 'updates', 'settings']

/** The Today lists, for the Today view and the navigation counts. */
export const todayStore = new QueryStore('today.get', { limit: TODAY_DEFAULT_LIMIT }, ALL)
/** Career updates, newest first. */
export const updatesStore = new QueryStore('update.list', {}, ['updates'])
/** Every reference request, newest first. */
export const requestsStore = new QueryStore('request.list', {}, ['requests'])
/** The user's settings: WIP limits, density and saved views shape the board. */
export const settingsStore = new QueryStore('settings.get', {}, ['settings'])

/** Start (and stop) the workflow's query stores with the app. */
export function startWorkflowStores(): () => void {
  const stores = [todayStore, updatesStore, requestsStore, settingsStore]
  for (const store of stores) store.start()
  return () => {
    for (const store of stores) store.stop()
  }
}

/** A query store's snapshot; re-renders on change. */
export function useQuery<C extends Command>(store: QueryStore<C>): QuerySnapshot<Output<C>> {
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}
