import { useSyncExternalStore } from 'react'
import type { Contact } from '@shared/domain'
import type { Output } from '@shared/ipc'
import type { BoardQuery } from '@shared/query'
import { call, subscribe } from '../api/client'
import { CoalescedLoad } from '../store/coalesced'
import { listKey, pagesToLoad, type ListRef, type MovingCard } from './boardModel'

/** Cards fetched per contact.query: a screenful of a column (about ten cards) and then some. */
export const PAGE_SIZE = 24

export type BoardSummary = Output<'board.summary'>

/** The cards of one list the board holds: some pages of it, and how many it has in all. */
export interface ListWindow {
  /** How many cards the list has, as the last contact.query counted them; null before one answered. */
  readonly total: number | null
  readonly pages: ReadonlyMap<number, readonly Contact[]>
}

/** A dropped card, drawn where it landed until the lists fetched after the move show it there. */
export interface PendingMove extends MovingCard {
  contact: Contact
}

/** What the board renders: the query, the counts, and the windows of cards fetched so far. */
export interface BoardSnapshot {
  readonly query: BoardQuery
  readonly summary: BoardSummary | null
  readonly error: string | null
  readonly lists: ReadonlyMap<string, ListWindow>
  readonly pending: PendingMove | null
}

/** The card at a position of a list window, if that page is loaded. */
export function contactAt(window: ListWindow | undefined, index: number): Contact | undefined {
  return window?.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE]
}

const EMPTY_WINDOW: ListWindow = { total: null, pages: new Map() }

function emptySnapshot(query: BoardQuery): BoardSnapshot {
  return { query, summary: null, error: null, lists: new Map(), pending: null }
}

/** The board with no filter, in board order, not grouped. */
export const DEFAULT_QUERY: BoardQuery = { filter: {}, sort: 'manual', groupBy: 'none' }

/**
 * The board's data, fetched in windows: board.summary for the counts and lanes, and
 * contact.query for the pages of each list the user scrolls to. Nothing here ever holds the
 * whole network. A change in the core refreshes the counts and the pages in view.
 */
export class BoardData {
  private snapshot: BoardSnapshot = emptySnapshot(DEFAULT_QUERY)
  /** A new query is being fetched: the old lists stay on screen until it lands, unmixed. */
  private replacing = false
  /** The pending move is dropped by the first reload that starts after this count. */
  private releaseAfter: number | null = null
  private reloads = 0
  private readonly listeners = new Set<() => void>()
  /** The positions each list shows (with a little margin), by list key. */
  private readonly inView = new Map<string, { list: ListRef; from: number; to: number }>()
  private readonly loading = new Set<string>()
  /** Bumped by every query change and refresh: answers to older requests are dropped. */
  private generation = 0
  private readonly refresher = new CoalescedLoad(() => this.reload())
  private unsubscribeCore: (() => void) | null = null

  start(): void {
    if (this.unsubscribeCore) return
    this.unsubscribeCore = subscribe((event) => {
      // Touches, requests and settings change due states, readiness and sort orders too.
      if (event.type === 'changed') void this.refresh()
    })
    void this.refresh()
  }

  /** Stop listening and forget the cards; the query stays for when the board opens again. */
  stop(): void {
    this.unsubscribeCore?.()
    this.unsubscribeCore = null
    this.generation++
    this.inView.clear()
    this.loading.clear()
    this.releaseAfter = null
    this.replacing = false
    this.snapshot = emptySnapshot(this.snapshot.query)
  }

  /** Back to the default query with nothing loaded (tests start from here). */
  reset(): void {
    this.stop()
    this.snapshot = emptySnapshot(DEFAULT_QUERY)
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): BoardSnapshot => this.snapshot

  /**
   * Show another filter, sort or grouping. The cards shown stay until the counts and the pages
   * in view for the new query arrive, then all change at once.
   */
  setQuery(query: BoardQuery): void {
    this.generation++
    this.loading.clear()
    this.releaseAfter = null
    this.replacing = true
    this.set({ ...this.snapshot, query, pending: null })
    void this.refresh()
  }

  /** A list shows positions [from, to]: fetch the pages it lacks. */
  show(list: ListRef, from: number, to: number): void {
    const key = listKey(list)
    this.inView.set(key, { list, from, to })
    // Before start (lists mount before the board's effect runs) and while a new query loads,
    // the reload that is coming fetches what is in view: no second request for the same page.
    if (this.replacing || this.unsubscribeCore === null) return
    const window = this.snapshot.lists.get(key) ?? EMPTY_WINDOW
    const pages = pagesToLoad(
      from,
      to,
      PAGE_SIZE,
      window.total,
      (page) => window.pages.has(page) || this.loading.has(`${key}#${page}`),
    )
    for (const page of pages) void this.loadPage(list, page)
  }

  /** A list left the screen (a lane collapsed, the board closed). */
  hide(list: ListRef): void {
    this.inView.delete(listKey(list))
  }

  /**
   * Draw a dropped card where it landed, and fetch the board again: the lists that come back
   * (from a reload that started after the core took the move) replace it in the same update,
   * so the card never shows twice or jumps back.
   */
  hold(pending: PendingMove): void {
    this.releaseAfter = null
    this.set({ ...this.snapshot, pending })
  }

  /** The core has the held move (or refused it): the next reload drops it. */
  release(): void {
    this.releaseAfter = this.reloads
    void this.refresh()
  }

  /** Fetch the counts and every page in view again; resolves once they are shown. */
  refresh(): Promise<void> {
    return this.refresher.run()
  }

  private async loadPage(list: ListRef, page: number): Promise<void> {
    const key = listKey(list)
    const loadingKey = `${key}#${page}`
    const generation = this.generation
    this.loading.add(loadingKey)
    const result = await this.fetchPage(list, page)
    if (generation !== this.generation) return
    this.loading.delete(loadingKey)
    if (!result.ok) {
      this.set({ ...this.snapshot, error: result.message })
      return
    }
    const lists = new Map(this.snapshot.lists)
    const previous = lists.get(key) ?? EMPTY_WINDOW
    const pages = new Map(previous.pages)
    pages.set(page, result.value.items)
    lists.set(key, { total: result.value.total, pages })
    this.set({ ...this.snapshot, lists, error: null })
  }

  private fetchPage(list: ListRef, page: number) {
    const { filter, sort, groupBy } = this.snapshot.query
    return call('contact.query', {
      filter,
      sort,
      stage: list.stage,
      ...(list.lane === null ? {} : { groupBy, lane: list.lane }),
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    })
  }

  private async reload(): Promise<void> {
    const started = ++this.reloads
    const generation = ++this.generation
    this.loading.clear()
    const { filter, groupBy } = this.snapshot.query
    const summaryCall = call('board.summary', { filter, groupBy })
    // The pages in view, fetched again; pages scrolled away are dropped rather than refreshed.
    const wanted: { key: string; list: ListRef; page: number }[] = []
    for (const [key, { list, from, to }] of this.inView) {
      for (const page of pagesToLoad(from, to, PAGE_SIZE, null, () => false))
        wanted.push({ key, list, page })
    }
    const answers = await Promise.all(wanted.map((w) => this.fetchPage(w.list, w.page)))
    const summary = await summaryCall
    if (generation !== this.generation) return
    const lists = new Map<
      string,
      { total: number | null; pages: Map<number, readonly Contact[]> }
    >()
    let error: string | null = summary.ok ? null : summary.message
    wanted.forEach((w, i) => {
      const answer = answers[i]
      if (!answer?.ok) {
        error = answer?.message ?? error
        return
      }
      const window = lists.get(w.key) ?? { total: answer.value.total, pages: new Map() }
      window.pages.set(w.page, answer.value.items)
      lists.set(w.key, window)
    })
    this.replacing = false
    const releases = this.releaseAfter !== null && started > this.releaseAfter
    if (releases) this.releaseAfter = null
    this.set({
      ...this.snapshot,
      summary: summary.ok ? summary.value : this.snapshot.summary,
      lists,
      error,
      pending: releases ? null : this.snapshot.pending,
    })
    // Lists in view with no page asked (scrolled past their end) get their first page now.
    for (const { list, from, to } of this.inView.values()) this.show(list, from, to)
  }

  private set(snapshot: BoardSnapshot): void {
    this.snapshot = snapshot
    for (const listener of this.listeners) listener()
  }
}

/** The app's one board data store. */
export const boardData = new BoardData()

/** The board's data; re-renders on change. */
export function useBoardData(): BoardSnapshot {
  return useSyncExternalStore(boardData.subscribe, boardData.getSnapshot)
}
