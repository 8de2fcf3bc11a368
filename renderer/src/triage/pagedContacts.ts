import { useEffect, useState, useSyncExternalStore } from 'react'
import type { Contact } from '@shared/domain'
import type { Input } from '@shared/ipc'
import { call, subscribe } from '../api/client'
import { Listeners } from '../store/listeners'

/** What a paged list asks contact.query for, without the window. */
export type ListQuery = Omit<Input<'contact.query'>, 'offset' | 'limit'>

/** The rows a list has fetched, and how many match in all. */
export interface PagedSnapshot {
  /** null until the first page answers. */
  readonly total: number | null
  readonly rows: ReadonlyMap<number, Contact>
  readonly error: string | null
  /** Bumped on every change, for memoised consumers. */
  readonly version: number
}

/** Page indices that cover rows start..end (inclusive). */
export function pagesCovering(start: number, end: number, pageSize: number): number[] {
  if (end < start) return []
  const pages: number[] = []
  for (let p = Math.floor(start / pageSize); p <= Math.floor(end / pageSize); p++) pages.push(p)
  return pages
}

/**
 * One list of contacts from contact.query, fetched a page at a time as the rows come into view,
 * re-fetched (pages in view only) when the core reports a change to contacts.
 */
export class PagedContacts {
  private snapshot: PagedSnapshot = { total: null, rows: new Map(), error: null, version: 0 }
  private readonly listeners = new Listeners()
  private readonly loading = new Set<number>()
  private visible: { start: number; end: number } = { start: 0, end: 0 }
  private generation = 0
  private unsubscribeCore: (() => void) | null = null

  constructor(
    private readonly query: ListQuery,
    private readonly pageSize = 100,
  ) {}

  start(): void {
    if (this.unsubscribeCore) return
    this.unsubscribeCore = subscribe((event) => {
      if (event.type === 'changed' && event.collections.includes('contacts')) this.reload()
    })
    void this.loadPage(0, this.generation)
  }

  stop(): void {
    this.unsubscribeCore?.()
    this.unsubscribeCore = null
  }

  readonly subscribe = this.listeners.subscribe

  readonly getSnapshot = (): PagedSnapshot => this.snapshot

  /** The rows on screen changed: fetch the pages they need. */
  show(start: number, end: number): void {
    this.visible = { start, end }
    for (const page of pagesCovering(start, end, this.pageSize)) {
      if (!this.loading.has(page) && !this.snapshot.rows.has(page * this.pageSize))
        void this.loadPage(page, this.generation)
    }
  }

  /** Fetch what is on screen again; older rows stay shown until the answers come. */
  reload(): void {
    this.generation += 1
    this.loading.clear()
    const pages = pagesCovering(this.visible.start, this.visible.end, this.pageSize)
    const generation = this.generation
    void Promise.all((pages.length ? pages : [0]).map((p) => this.fetch(p))).then((answers) => {
      if (generation !== this.generation) return
      const rows = new Map<number, Contact>()
      let total = this.snapshot.total
      let error: string | null = null
      for (const answer of answers) {
        if (!answer.ok) {
          error = answer.message
          continue
        }
        total = answer.total
        answer.items.forEach((c, i) => rows.set(answer.offset + i, c))
      }
      this.set({ total, rows, error })
    })
  }

  private async fetch(
    page: number,
  ): Promise<
    { ok: true; offset: number; total: number; items: Contact[] } | { ok: false; message: string }
  > {
    const offset = page * this.pageSize
    const result = await call('contact.query', { ...this.query, offset, limit: this.pageSize })
    if (!result.ok) return { ok: false, message: result.message }
    return { ok: true, offset, total: result.value.total, items: result.value.items }
  }

  private async loadPage(page: number, generation: number): Promise<void> {
    this.loading.add(page)
    const answer = await this.fetch(page)
    if (generation !== this.generation) return
    this.loading.delete(page)
    if (!answer.ok) {
      this.set({ ...this.snapshot, error: answer.message })
      return
    }
    const rows = new Map(this.snapshot.rows)
    answer.items.forEach((c, i) => rows.set(answer.offset + i, c))
    this.set({ total: answer.total, rows, error: null })
  }

  private set(next: Omit<PagedSnapshot, 'version'>): void {
    this.snapshot = { ...next, version: this.snapshot.version + 1 }
    this.listeners.notify()
  }
}

/** A paged list for `query`, started while the component is mounted; a new query starts afresh. */
export function usePagedContacts(query: ListQuery): {
  list: PagedContacts
  snapshot: PagedSnapshot
} {
  // A new object with the same content keeps the list (React's "adjust state on a prop change").
  const key = JSON.stringify(query)
  const [current, setCurrent] = useState(() => ({ key, list: new PagedContacts(query) }))
  if (current.key !== key) setCurrent({ key, list: new PagedContacts(query) })
  const { list } = current
  useEffect(() => {
    list.start()
    return () => list.stop()
  }, [list])
  const snapshot = useSyncExternalStore(list.subscribe, list.getSnapshot)
  return { list, snapshot }
}
