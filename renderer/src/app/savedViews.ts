import { useSyncExternalStore } from 'react'
import type { SavedView } from '@shared/domain'
import { normalizeSearch } from '@shared/query'
import { call } from '../api/client'
import { boardData } from '../board/boardData'
import { queryOf, sameQuery } from '../board/filterModel'
import { settingsStore, useQuery } from '../store/queries'
import type { View } from './TopNav'

// The board's saved views as the navigation, the palette and the board toolbar see them: the
// list lives in Settings (stored with the data); opening one hands its query to the board.

const NO_VIEWS: readonly SavedView[] = []

/** The board's saved views, in the order they were saved. */
export function useBoardViews(): readonly SavedView[] {
  const views = useQuery(settingsStore).value?.savedViews ?? NO_VIEWS
  return views.some((v) => v.scope !== 'board') ? views.filter((v) => v.scope === 'board') : views
}

/** The saved view whose filters, sort and lanes the board shows now, if any. */
export function activeView(views: readonly SavedView[]): SavedView | null {
  const query = boardData.getSnapshot().query
  return (
    views.find((v) => {
      const saved = queryOf(v)
      return saved !== null && sameQuery(saved, query)
    }) ?? null
  )
}

/** The board's saved view on screen now (re-renders when the board's query changes). */
export function useActiveView(views: readonly SavedView[]): SavedView | null {
  useSyncExternalStore(boardData.subscribe, () => boardData.getSnapshot().query)
  return activeView(views)
}

/** Show the board with a view's filters, sort and lanes; false when the view no longer parses. */
export function openSavedView(view: SavedView, goTo: (view: View) => void): boolean {
  const query = queryOf(view)
  if (query === null) return false
  boardData.setQuery(query)
  goTo('board')
  return true
}

/** The saved view among `views` that already has `name` (case, accents and spacing aside). */
export function viewNamed(
  views: readonly SavedView[],
  name: string,
  except?: string,
): SavedView | undefined {
  const wanted = normalizeSearch(name)
  return views.find((v) => v.id !== except && normalizeSearch(v.name) === wanted)
}

/** Rename a saved view, keeping its filters, sort and lanes; the refusal's sentence, or null. */
export async function renameView(view: SavedView, name: string): Promise<string | null> {
  const query = queryOf(view)
  if (query === null) return 'This view was saved by a newer version of Vouch.'
  const result = await call('view.save', { id: view.id, name, scope: view.scope, query })
  return result.ok ? null : (result.issues?.[0]?.message ?? result.message)
}

/** A view just saved from the toolbar: its sidebar link takes focus once the sidebar lists it. */
let focusRequested: string | null = null

/** The link of a saved view in the sidebar, if it is there. */
export function viewLink(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(
    `.sidebar-nav [data-view-id="${CSS.escape(id)}"] .nav-view-link`,
  )
}

/**
 * Move focus to a saved view's sidebar link: now when it is listed, or else when the sidebar
 * lists it (the settings change may arrive after the save's answer).
 */
export function focusViewWhenListed(id: string): void {
  const link = viewLink(id)
  if (link) {
    focusRequested = null
    link.focus()
  } else focusRequested = id
}

/** For the sidebar, as its views change: the requested view's id once it is among them. */
export function takeFocusRequest(ids: readonly string[]): string | null {
  if (focusRequested === null || !ids.includes(focusRequested)) return null
  const id = focusRequested
  focusRequested = null
  return id
}
