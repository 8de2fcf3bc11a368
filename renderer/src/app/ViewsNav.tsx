import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import type { SavedView } from '@shared/domain'
import { call } from '../api/client'
import { useContactActions } from '../contact/useContactActions'
import { Menu } from '../ui/Menu'
import { useToasts } from '../ui/toasts'
import {
  openSavedView,
  renameView,
  takeFocusRequest,
  useActiveView,
  useBoardViews,
  viewLink,
  viewNamed,
} from './savedViews'
import type { View } from './TopNav'

/**
 * The sidebar's "Views": every saved board view by name. Clicking one (or Enter) opens the
 * board with its filters, sort and lanes; its menu (the ⋯ button, a right-click, or F2 to
 * rename) renames or deletes it. Hidden until a view is saved from the board's toolbar.
 */
export function ViewsNav({ view, goTo }: { view: View; goTo: (view: View) => void }) {
  const views = useBoardViews()
  const active = useActiveView(views)
  const [renaming, setRenaming] = useState<string | null>(null)
  /** Where focus goes once a deleted view has left the list. */
  const [focusAfterDelete, setFocusAfterDelete] = useState<{
    deleted: string
    next: string | null
  } | null>(null)
  const listRef = useRef<HTMLUListElement>(null)
  /** The view whose link takes focus once its rename field has gone. */
  const focusOnLink = useRef<string | null>(null)
  const toasts = useToasts()
  const { undo } = useContactActions()
  const headingId = useId()

  useEffect(() => {
    if (!focusAfterDelete || views.some((v) => v.id === focusAfterDelete.deleted)) return
    setFocusAfterDelete(null)
    const next = focusAfterDelete.next
    const target =
      next === null
        ? null
        : listRef.current?.querySelector<HTMLElement>(
            `[data-view-id="${CSS.escape(next)}"] .nav-view-link`,
          )
    ;(target ?? document.querySelector<HTMLElement>('.sidebar-nav .nav-link'))?.focus()
  }, [views, focusAfterDelete])

  // A view saved from the board's toolbar: its link takes focus once it is listed here.
  useEffect(() => {
    const id = takeFocusRequest(views.map((v) => v.id))
    if (id !== null) viewLink(id)?.focus()
  }, [views])

  useEffect(() => {
    const id = focusOnLink.current
    if (id === null || renaming !== null) return
    focusOnLink.current = null
    listRef.current
      ?.querySelector<HTMLElement>(`[data-view-id="${CSS.escape(id)}"] .nav-view-link`)
      ?.focus()
  }, [renaming])

  if (views.length === 0) return null

  const open = (saved: SavedView) => {
    if (!openSavedView(saved, goTo))
      toasts.show({ tone: 'error', message: 'This view was saved by a newer version of Vouch.' })
  }

  const remove = async (saved: SavedView) => {
    const index = views.findIndex((v) => v.id === saved.id)
    const neighbour = views[index + 1] ?? views[index - 1] ?? null
    const result = await call('view.delete', { id: saved.id })
    if (!result.ok) {
      toasts.show({ tone: 'error', message: `Could not delete “${saved.name}”: ${result.message}` })
      return
    }
    setFocusAfterDelete({ deleted: saved.id, next: neighbour?.id ?? null })
    toasts.show({
      message: `Deleted the view “${saved.name}”.`,
      action: { label: 'Undo', run: () => void undo() },
    })
  }

  return (
    <div className="nav-views">
      <h2 className="nav-heading" id={headingId}>
        Views
      </h2>
      <ul className="nav-list nav-view-list" aria-labelledby={headingId} ref={listRef}>
        {views.map((saved) =>
          renaming === saved.id ? (
            <li key={saved.id} className="nav-view" data-view-id={saved.id}>
              <RenameField
                view={saved}
                views={views}
                onDone={() => {
                  focusOnLink.current = saved.id
                  setRenaming(null)
                }}
                onCancel={() => {
                  focusOnLink.current = saved.id
                  setRenaming(null)
                }}
              />
            </li>
          ) : (
            <li key={saved.id} className="nav-view" data-view-id={saved.id}>
              <button
                type="button"
                className="nav-link nav-view-link"
                aria-current={view === 'board' && active?.id === saved.id ? 'true' : undefined}
                title={saved.name}
                onClick={() => open(saved)}
                onKeyDown={(event) => {
                  if (event.key === 'F2') {
                    event.preventDefault()
                    setRenaming(saved.id)
                  }
                }}
                onContextMenu={(event) => {
                  // The same menu as the ⋯ button, where the pointer is used to finding it.
                  event.preventDefault()
                  event.currentTarget.parentElement
                    ?.querySelector<HTMLButtonElement>('.menu-button')
                    ?.click()
                }}
              >
                <span className="nav-label">{saved.name}</span>
              </button>
              <Menu
                label={`Rename or delete ${saved.name}`}
                className="nav-view-menu"
                entries={[
                  { kind: 'item', label: 'Rename…', onSelect: () => setRenaming(saved.id) },
                  {
                    kind: 'item',
                    label: 'Delete',
                    danger: true,
                    onSelect: () => void remove(saved),
                  },
                ]}
              >
                ⋯
              </Menu>
            </li>
          ),
        )}
      </ul>
    </div>
  )
}

/** The view's name as a field: Enter (or leaving it) saves, Escape keeps the old name. */
function RenameField({
  view,
  views,
  onDone,
  onCancel,
}: {
  view: SavedView
  views: readonly SavedView[]
  onDone: () => void
  onCancel: () => void
}) {
  const [name, setName] = useState(view.name)
  const [error, setError] = useState<string | null>(null)
  const [saving, setSaving] = useState(false)
  const cancelled = useRef(false)
  const errorId = useId()

  const save = async (event?: FormEvent) => {
    event?.preventDefault()
    if (saving || cancelled.current) return
    const trimmed = name.trim()
    if (trimmed === view.name) {
      onDone()
      return
    }
    if (trimmed === '') {
      setError('Name the view.')
      return
    }
    const clash = viewNamed(views, trimmed, view.id)
    if (clash) {
      setError(`A view named “${clash.name}” already exists: pick another name.`)
      return
    }
    setSaving(true)
    const refusal = await renameView(view, trimmed)
    setSaving(false)
    if (refusal === null) onDone()
    else setError(refusal)
  }

  return (
    <form className="nav-view-rename" onSubmit={(event) => void save(event)}>
      <input
        aria-label={`Rename ${view.name}`}
        value={name}
        maxLength={80}
        autoFocus
        onFocus={(event) => event.currentTarget.select()}
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setName(event.target.value)
          setError(null)
        }}
        onBlur={() => {
          if (error === null) void save()
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault()
            event.stopPropagation()
            cancelled.current = true
            onCancel()
          }
        }}
      />
      {error && (
        <span id={errorId} className="field-error nav-view-error" role="alert">
          {error}
        </span>
      )}
    </form>
  )
}
