import { useEffect, useSyncExternalStore } from 'react'
import type { ContactInsight } from '@shared/workflowContract'
import { call, subscribe } from '../api/client'
import { Listeners } from './listeners'

/** board.insights takes at most this many ids at once. */
const MAX_IDS = 1000

/**
 * Insights (touch status, readiness, last update heard) for the contacts on screen only: each
 * card says it wants its insight while mounted, and the wanted ids are fetched in one
 * board.insights call per tick. Any change in the core fetches the wanted ones again.
 */
export class InsightsCache {
  private readonly byId = new Map<string, ContactInsight>()
  private readonly wanted = new Map<string, number>()
  private readonly missing = new Set<string>()
  private readonly listeners = new Listeners()
  private now: string | null = null
  private scheduled = false
  private stale = false
  private unsubscribeCore: (() => void) | null = null
  private version = 0

  start(): void {
    if (this.unsubscribeCore) return
    this.unsubscribeCore = subscribe((event) => {
      if (event.type !== 'changed') return
      // Everything held may be out of date; what is on screen is fetched again now.
      this.stale = true
      for (const id of this.byId.keys()) if (!this.wanted.has(id)) this.byId.delete(id)
      for (const id of this.wanted.keys()) this.missing.add(id)
      this.schedule()
    })
    // The core's clock, for views that show dates relative to now.
    this.schedule()
  }

  stop(): void {
    this.unsubscribeCore?.()
    this.unsubscribeCore = null
  }

  readonly subscribe = this.listeners.subscribe

  /** Changes whenever an insight or the clock changes (for useSyncExternalStore). */
  readonly getVersion = (): number => this.version

  get(id: string): ContactInsight | undefined {
    return this.byId.get(id)
  }

  /** The core's clock as of the last answer. */
  coreNow(): string | null {
    return this.now
  }

  /** Say a contact's insight is on screen; returns the function that says it no longer is. */
  want(id: string): () => void {
    this.wanted.set(id, (this.wanted.get(id) ?? 0) + 1)
    if (!this.byId.has(id) || this.stale) {
      this.missing.add(id)
      this.schedule()
    }
    return () => {
      const count = (this.wanted.get(id) ?? 1) - 1
      if (count > 0) this.wanted.set(id, count)
      else this.wanted.delete(id)
    }
  }

  private schedule(): void {
    if (this.scheduled) return
    this.scheduled = true
    queueMicrotask(() => void this.flush())
  }

  private async flush(): Promise<void> {
    this.scheduled = false
    this.stale = false
    const ids = [...this.missing].filter((id) => this.wanted.has(id))
    this.missing.clear()
    const batches: string[][] = []
    for (let i = 0; i < ids.length; i += MAX_IDS) batches.push(ids.slice(i, i + MAX_IDS))
    if (batches.length === 0) batches.push([])
    await Promise.all(
      batches.map(async (batch) => {
        const result = await call('board.insights', { ids: batch })
        if (!result.ok) return
        this.now = result.value.now
        for (const insight of result.value.contacts) this.byId.set(insight.contactId, insight)
      }),
    )
    this.version++
    this.listeners.notify()
  }
}

/** The app's one insights cache. */
export const insightsCache = new InsightsCache()

/** One contact's insight, fetched while the calling component is mounted. */
export function useInsight(id: string): ContactInsight | undefined {
  useSyncExternalStore(insightsCache.subscribe, insightsCache.getVersion)
  useEffect(() => insightsCache.want(id), [id])
  return insightsCache.get(id)
}

/** The core's clock as of the last insights answer: the UI never trusts its own for due dates. */
export function useCoreNow(): Date | null {
  useSyncExternalStore(insightsCache.subscribe, insightsCache.getVersion)
  const now = insightsCache.coreNow()
  return now === null ? null : new Date(now)
}
