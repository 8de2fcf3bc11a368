import { useEffect, useState, type ReactNode } from 'react'
import type { ContactFilter, ContactSort } from '@shared/query'
import { NONE, selectAll, selectedCount, type Selection } from './selection'
import { formatCount, people } from './format'

const SORTS: readonly { id: ContactSort; label: string }[] = [
  { id: 'name', label: 'Name' },
  { id: 'connected', label: 'Connected on' },
  { id: 'recent', label: 'Recently added' },
]

/** Search text, trimmed and capped as ContactFilter takes it. */
export function textFilter(text: string): ContactFilter {
  const trimmed = text.trim().slice(0, 200)
  return trimmed ? { text: trimmed } : {}
}

/** Keeps a value until it has not changed for `ms`. */
export function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms)
    return () => clearTimeout(timer)
  }, [value, ms])
  return settled
}

/** The sort picker of the Inbox and the Archive. */
export function SortSelect(props: { value: ContactSort; onChange: (sort: ContactSort) => void }) {
  return (
    <label className="list-sort">
      <span>Order</span>
      <select
        value={props.value}
        onChange={(e) => {
          const sort = SORTS.find((s) => s.id === e.target.value)
          if (sort) props.onChange(sort.id)
        }}
      >
        {SORTS.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The bar over a list: how many are selected, select all matching, and the bulk actions. */
export function SelectionBar(props: {
  selection: Selection
  matching: number
  onSelection: (selection: Selection) => void
  children: ReactNode
}) {
  const selected = selectedCount(props.selection, props.matching)
  const allChecked = props.selection.kind === 'all' && props.selection.except.size === 0
  return (
    <div className="selection-bar" role="toolbar" aria-label="Selection">
      <label className="selection-all">
        <input
          type="checkbox"
          aria-label={`Select all ${formatCount(props.matching)} matching`}
          checked={allChecked && props.matching > 0}
          ref={(el) => {
            if (el) el.indeterminate = selected > 0 && !allChecked
          }}
          onChange={() => props.onSelection(allChecked || selected > 0 ? NONE : selectAll())}
        />
      </label>
      {selected > 0 ? (
        <>
          <span className="selection-count" data-testid="selection-count">
            {formatCount(selected)} selected
          </span>
          {props.selection.kind === 'some' && selected < props.matching && (
            <button
              type="button"
              className="link-button"
              onClick={() => props.onSelection(selectAll())}
            >
              Select all {formatCount(props.matching)} matching
            </button>
          )}
          <span className="selection-actions">{props.children}</span>
          <button
            type="button"
            className="button button-small"
            onClick={() => props.onSelection(NONE)}
          >
            Clear
          </button>
        </>
      ) : (
        <span className="selection-count muted" data-testid="matching-count">
          {people(props.matching)}
        </span>
      )}
    </div>
  )
}
