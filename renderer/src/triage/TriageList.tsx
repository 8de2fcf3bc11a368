import { useState, type ReactNode } from 'react'
import type { Contact, Triage } from '@shared/domain'
import type { ContactSort } from '@shared/query'
import { PeopleList } from './PeopleList'
import { usePagedContacts } from './pagedContacts'
import { NONE, type Selection } from './selection'
import { useTriageBulk } from './useTriageBulk'
import { SelectionBar, SortSelect, textFilter, useSettled } from './listParts'

/** One bulk action over the selection: a button that moves the selected people to `to`. */
export interface BulkAction {
  label: string
  to: Triage
  primary?: boolean
}

/**
 * The people of one triage state (the Inbox or the Archive): search, order, a selection and
 * bulk moves. A new search clears the selection, so "all matching" means what is shown.
 */
export function useTriageList(triage: 'inbox' | 'archived') {
  const [text, setText] = useState('')
  const [sort, setSort] = useState<ContactSort>('name')
  const filter = textFilter(useSettled(text, 200))
  const { list, snapshot } = usePagedContacts({ triage, filter, sort })
  const [selection, setSelection] = useState<Selection>(NONE)
  const { move, busy } = useTriageBulk(triage, filter)

  const filterKey = JSON.stringify(filter)
  const [selectionKey, setSelectionKey] = useState(filterKey)
  if (selectionKey !== filterKey) {
    setSelectionKey(filterKey)
    setSelection(NONE)
  }

  const moveSelection = async (to: Triage) => {
    if (await move(selection, to)) setSelection(NONE)
  }

  return {
    text,
    setText,
    sort,
    setSort,
    /** The settled search, null when there is none. */
    searchText: filter.text ?? null,
    list,
    snapshot,
    selection,
    setSelection,
    busy,
    moveSelection,
  }
}

/** What useTriageList returns: the state a TriageList shows. */
export type TriageListState = ReturnType<typeof useTriageList>

/**
 * The body of the Inbox and the Archive: the search box and order, the selection bar with the
 * bulk actions, and the virtualized list (or what to show when nobody is there).
 */
export function TriageList(props: {
  /** "Inbox" or "Archive": the list's name in labels and messages. */
  name: string
  state: TriageListState
  bulk: readonly BulkAction[]
  actions?: (contact: Contact) => ReactNode
  /** Shown when nobody is there and nothing is searched. */
  empty: ReactNode
}) {
  const { name, state } = props
  const { snapshot, searchText } = state
  return (
    <>
      <div className="list-toolbar">
        <input
          type="search"
          className="list-search"
          aria-label={`Search the ${name}`}
          placeholder="Search name, title, company, email…"
          value={state.text}
          onChange={(e) => state.setText(e.target.value)}
        />
        <SortSelect value={state.sort} onChange={state.setSort} />
      </div>
      <SelectionBar
        selection={state.selection}
        matching={snapshot.total ?? 0}
        onSelection={state.setSelection}
      >
        {props.bulk.map((action) => (
          <button
            key={action.to}
            type="button"
            className={
              action.primary ? 'button button-small button-primary' : 'button button-small'
            }
            disabled={state.busy}
            onClick={() => void state.moveSelection(action.to)}
          >
            {action.label}
          </button>
        ))}
      </SelectionBar>
      {snapshot.error && (
        <p className="form-error" role="alert">
          {snapshot.error}
        </p>
      )}
      <PeopleList
        label={name}
        list={state.list}
        snapshot={snapshot}
        selection={state.selection}
        onSelection={state.setSelection}
        actions={props.actions}
        empty={
          searchText === null ? (
            props.empty
          ) : (
            <p>
              Nobody in the {name} matches “{searchText}”.
            </p>
          )
        }
      />
    </>
  )
}
