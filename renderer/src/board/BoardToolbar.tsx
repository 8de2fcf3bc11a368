import { useEffect, useId, useRef, useState, type FormEvent } from 'react'
import { RELATIONSHIPS, relationshipLabel, type SavedView } from '@shared/domain'
import type { BoardQuery, ContactFilter } from '@shared/query'
import { OTHER_LANE_KEY } from '@shared/boardContract'
import { STAGES } from '@shared/stages'
import { call } from '../api/client'
import { focusViewWhenListed, viewNamed } from '../app/savedViews'
import { FieldError } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { useCommand } from '../ui/useCommand'
import type { BoardSummary } from './boardData'
import { people } from './boardModel'
import {
  chipsOf,
  DUE_STATES,
  GROUPS,
  isFiltered,
  queryOf,
  sameQuery,
  SORTS,
  toggleValue,
  withText,
} from './filterModel'

/** How long typing pauses before the search runs. */
const SEARCH_DELAY_MS = 150

interface BoardToolbarProps {
  query: BoardQuery
  onQuery: (query: BoardQuery) => void
  summary: BoardSummary | null
  savedViews: readonly SavedView[]
  onNewContact: () => void
  /** Select everyone the filter matches; null when nothing is filtered. */
  onSelectAll: (() => void) | null
}

/** Search, filter chips, sort, lanes, "Save view…" and "N of M people" above the board. */
export function BoardToolbar({
  query,
  onQuery,
  summary,
  savedViews,
  onNewContact,
  onSelectAll,
}: BoardToolbarProps) {
  const [text, setText] = useState(query.filter.text ?? '')
  const queryRef = useRef(query)
  queryRef.current = query
  const id = useId()

  // The box follows the query when a saved view or "Clear all" changes it.
  useEffect(() => setText(query.filter.text ?? ''), [query.filter.text])
  useEffect(() => {
    if (text === (queryRef.current.filter.text ?? '')) return
    const timer = setTimeout(() => {
      const current = queryRef.current
      onQuery({ ...current, filter: withText(current.filter, text) })
    }, SEARCH_DELAY_MS)
    return () => clearTimeout(timer)
  }, [text, onQuery])

  const setFilter = (filter: ContactFilter) => onQuery({ ...query, filter })
  const chips = chipsOf(query.filter)
  const filtered = isFiltered(query.filter)
  const boardViews = savedViews.filter((v) => v.scope === 'board')
  const active = boardViews.find((v) => {
    const saved = queryOf(v)
    return saved !== null && sameQuery(saved, query)
  })

  return (
    <div className="board-toolbar">
      <div className="board-toolbar-row">
        <input
          type="search"
          className="search-input"
          placeholder="Search people, companies, tags, notes…"
          aria-label="Search people"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && text !== '') {
              event.preventDefault()
              setText('')
            }
          }}
        />
        <FilterMenu filter={query.filter} onFilter={setFilter} />
        <label className="toolbar-select" htmlFor={`${id}-sort`}>
          Sort
          <select
            id={`${id}-sort`}
            value={query.sort}
            onChange={(event) => {
              const sort = SORTS.find((s) => s.id === event.target.value)?.id
              if (sort) onQuery({ ...query, sort })
            }}
          >
            {SORTS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
        <label className="toolbar-select" htmlFor={`${id}-group`}>
          Lanes
          <select
            id={`${id}-group`}
            value={query.groupBy}
            onChange={(event) => {
              const groupBy = GROUPS.find((g) => g.id === event.target.value)?.id
              if (groupBy) onQuery({ ...query, groupBy })
            }}
          >
            {GROUPS.map((g) => (
              <option key={g.id} value={g.id}>
                {g.label}
              </option>
            ))}
          </select>
        </label>
        <span className="board-count" data-testid="board-count" aria-live="polite">
          {summary === null
            ? 'Counting…'
            : filtered
              ? `${summary.matching.toLocaleString('en-US')} of ${people(summary.total)}`
              : people(summary.total)}
        </span>
        {chips.map((chip) => (
          <span key={chip.key} className="filter-chip" data-testid="filter-chip">
            {chip.label}
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove filter ${chip.label}`}
              onClick={() => setFilter(chip.without)}
            >
              ×
            </button>
          </span>
        ))}
        {filtered && (
          <button
            type="button"
            className="button button-small button-link"
            onClick={() => {
              setText('')
              onQuery({ ...query, filter: {} })
            }}
          >
            Clear all
          </button>
        )}
        {onSelectAll && summary !== null && summary.matching > 0 && (
          <button type="button" className="button button-small" onClick={onSelectAll}>
            Select all {summary.matching.toLocaleString('en-US')} matching
          </button>
        )}
        <span className="toolbar-spacer" />
        <SavedViews views={boardViews} active={active ?? null} query={query} />
        <button type="button" className="button button-primary" onClick={onNewContact}>
          New contact
        </button>
      </div>
    </div>
  )
}

/** The "Filter" popover: every criterion a chip can hold. */
function FilterMenu({
  filter,
  onFilter,
}: {
  filter: ContactFilter
  onFilter: (filter: ContactFilter) => void
}) {
  const [open, setOpen] = useState(false)
  const [tags, setTags] = useState<string[]>([])
  const [companies, setCompanies] = useState<string[]>([])
  const [tagText, setTagText] = useState('')
  const [companyText, setCompanyText] = useState('')
  const root = useRef<HTMLDivElement>(null)
  const buttonRef = useRef<HTMLButtonElement>(null)
  const id = useId()

  useEffect(() => {
    if (!open) return
    // The most common tags and companies to pick from: the lanes a grouped board would show.
    const labels = (lanes: readonly { key: string; label: string }[]) =>
      lanes.filter((l) => l.key !== '' && l.key !== OTHER_LANE_KEY).map((l) => l.label)
    void call('board.summary', { groupBy: 'tag' }).then(
      (r) => r.ok && setTags(labels(r.value.lanes)),
    )
    void call('board.summary', { groupBy: 'company' }).then(
      (r) => r.ok && setCompanies(labels(r.value.lanes)),
    )
    const onPointerDown = (event: PointerEvent) => {
      if (event.target instanceof Node && !root.current?.contains(event.target)) setOpen(false)
    }
    window.addEventListener('pointerdown', onPointerDown)
    return () => window.removeEventListener('pointerdown', onPointerDown)
  }, [open])

  const check = <K extends 'stages' | 'relationships' | 'due'>(
    key: K,
    value: NonNullable<ContactFilter[K]>[number],
    label: string,
  ) => {
    const values: readonly unknown[] = filter[key] ?? []
    return (
      <label key={String(value)} className="filter-option">
        <input
          type="checkbox"
          checked={values.includes(value)}
          onChange={() => onFilter(toggleValue(filter, key, value))}
        />
        {label}
      </label>
    )
  }

  const addFrom = (key: 'tags' | 'companies', value: string, clear: () => void) => {
    const trimmed = value.trim()
    if (trimmed === '') return
    if (!(filter[key] ?? []).includes(trimmed)) onFilter(toggleValue(filter, key, trimmed))
    clear()
  }

  return (
    <div
      className="filter-menu"
      ref={root}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.preventDefault()
          event.stopPropagation()
          setOpen(false)
          buttonRef.current?.focus()
        }
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        onClick={() => setOpen((o) => !o)}
      >
        Filter
      </button>
      {open && (
        <div id={`${id}-panel`} className="filter-panel" role="group" aria-label="Filters">
          <fieldset>
            <legend>Stage</legend>
            {STAGES.map((s) => check('stages', s.id, s.label))}
          </fieldset>
          <fieldset>
            <legend>Due</legend>
            {DUE_STATES.map((d) => check('due', d.id, d.label))}
          </fieldset>
          <fieldset>
            <legend>Relationship</legend>
            {RELATIONSHIPS.map((r) => check('relationships', r, relationshipLabel(r)))}
          </fieldset>
          <fieldset>
            <legend>Tag, company, credibility</legend>
            <form
              className="filter-add"
              onSubmit={(event: FormEvent) => {
                event.preventDefault()
                addFrom('tags', tagText, () => setTagText(''))
              }}
            >
              <input
                aria-label="Filter by tag"
                placeholder="Tag"
                list={`${id}-tags`}
                value={tagText}
                onChange={(event) => setTagText(event.target.value)}
              />
              <datalist id={`${id}-tags`}>
                {tags.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
              <button type="submit" className="button button-small">
                Add
              </button>
            </form>
            <form
              className="filter-add"
              onSubmit={(event: FormEvent) => {
                event.preventDefault()
                addFrom('companies', companyText, () => setCompanyText(''))
              }}
            >
              <input
                aria-label="Filter by company"
                placeholder="Company"
                list={`${id}-companies`}
                value={companyText}
                onChange={(event) => setCompanyText(event.target.value)}
              />
              <datalist id={`${id}-companies`}>
                {companies.map((c) => (
                  <option key={c} value={c} />
                ))}
              </datalist>
              <button type="submit" className="button button-small">
                Add
              </button>
            </form>
            <label className="filter-option">
              Credibility at least
              <select
                value={filter.minCredibility ?? ''}
                onChange={(event) => {
                  const value = Number(event.target.value)
                  const next = { ...filter }
                  delete next.minCredibility
                  onFilter(value >= 1 && value <= 5 ? { ...next, minCredibility: value } : next)
                }}
              >
                <option value="">Any</option>
                {[1, 2, 3, 4, 5].map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </label>
            <label className="filter-option">
              <input
                type="checkbox"
                checked={filter.hasOpenRequest === true}
                onChange={(event) => {
                  const next = { ...filter }
                  delete next.hasOpenRequest
                  onFilter(event.target.checked ? { ...next, hasOpenRequest: true } : next)
                }}
              />
              Has an open request
            </label>
          </fieldset>
        </div>
      )}
    </div>
  )
}

/**
 * Save the board's search, filters, sort and lanes as a view (listed in the sidebar's Views).
 * A name already taken asks to replace that view. Nothing shows while a saved view is open.
 */
function SavedViews({
  views,
  active,
  query,
}: {
  views: readonly SavedView[]
  active: SavedView | null
  query: BoardQuery
}) {
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const errors = useFormErrors(['name'] as const)
  const error = errors.fields.name ?? errors.summary
  const { busy, run } = useCommand(errors)
  /** The view a save would replace, once the user was told its name is taken. */
  const [replacing, setReplacing] = useState<SavedView | null>(null)
  const errorId = useId()
  const openerRef = useRef<HTMLButtonElement>(null)

  const close = () => {
    setNaming(false)
    setName('')
    errors.clear()
    setReplacing(null)
  }

  const save = async () => {
    const taken = viewNamed(views, name)
    if (taken && replacing?.id !== taken.id) {
      setReplacing(taken)
      errors.fail(`A view named “${taken.name}” already exists. Replace it with this one?`, 'name')
      return
    }
    const result = await run(
      'view.save',
      { ...(taken ? { id: taken.id } : {}), name, scope: 'board', query },
      {
        toast: (view) =>
          taken
            ? `Replaced the view “${view.name}”.`
            : `Saved the view “${view.name}”. It is listed under Views in the sidebar.`,
      },
    )
    if (!result?.ok) return
    close()
    // The form goes; focus goes to the view, now listed in the sidebar.
    focusViewWhenListed(result.value.id)
  }

  // The open view is lit in the sidebar; the toolbar offers to save only what is not saved yet.
  if (active && !naming) return null
  return (
    <div className="saved-views" role="group" aria-label="Saved views">
      {naming ? (
        <form className="filter-add" onSubmit={errors.onSubmit(save)}>
          <input
            aria-label="View name"
            placeholder="Name this view"
            value={name}
            maxLength={80}
            autoFocus
            aria-invalid={error !== null}
            aria-describedby={error ? errorId : undefined}
            onChange={(event) => {
              setName(event.target.value)
              errors.clear()
              setReplacing(null)
            }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') {
                event.stopPropagation()
                close()
                requestAnimationFrame(() => openerRef.current?.focus())
              }
            }}
          />
          <button type="submit" className="button button-small button-primary" disabled={busy}>
            {replacing ? 'Replace' : 'Save'}
          </button>
          <FieldError id={errorId} alert>
            {error}
          </FieldError>
        </form>
      ) : (
        <button
          ref={openerRef}
          type="button"
          className="button button-small"
          onClick={() => setNaming(true)}
        >
          Save view…
        </button>
      )}
    </div>
  )
}
