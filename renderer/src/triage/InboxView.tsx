import { useEffect, useState } from 'react'
import type { ContactSort } from '@shared/query'
import { PeopleList } from './PeopleList'
import { usePagedContacts } from './pagedContacts'
import { NONE, type Selection } from './selection'
import { useTriageBulk } from './useTriageBulk'
import { SelectionBar, SortSelect, textFilter, useSettled } from './listParts'
import { Kbd } from './Kbd'
import './triage.css'

/**
 * The Inbox: people imported and not yet looked at. Start triage to go through them one by
 * one, or keep or archive a selection (or everyone matching) at once.
 */
export function InboxView({
  onStartTriage,
  onImport,
}: {
  onStartTriage: () => void
  onImport: () => void
}) {
  const [text, setText] = useState('')
  const [sort, setSort] = useState<ContactSort>('name')
  const filter = textFilter(useSettled(text, 200))
  const { list, snapshot } = usePagedContacts({ triage: 'inbox', filter, sort })
  const [selection, setSelection] = useState<Selection>(NONE)
  const { move, busy } = useTriageBulk('inbox', filter)
  const matching = snapshot.total ?? 0
  const searching = filter.text !== undefined

  // A new search starts with nothing selected: "all matching" must mean what is shown.
  const filterKey = JSON.stringify(filter)
  const [selectionKey, setSelectionKey] = useState(filterKey)
  if (selectionKey !== filterKey) {
    setSelectionKey(filterKey)
    setSelection(NONE)
  }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return
      const target = event.target
      if (
        target instanceof HTMLInputElement ||
        target instanceof HTMLSelectElement ||
        target instanceof HTMLTextAreaElement ||
        document.querySelector('[role="dialog"]')
      )
        return
      if (event.key.toLowerCase() === 't') {
        event.preventDefault()
        onStartTriage()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onStartTriage])

  const act = async (to: 'kept' | 'archived') => {
    if (await move(selection, to)) setSelection(NONE)
  }

  return (
    <section className="list-view" aria-labelledby="inbox-title" data-testid="inbox-view">
      <header className="list-header">
        <div className="list-title">
          <h1 id="inbox-title">Inbox</h1>
          <p className="list-lede">
            People you imported wait here until you decide. Keep the few who know your work; they go
            on the board. Archive the rest: nothing in the Archive reminds you.
          </p>
        </div>
        <button
          type="button"
          className="button button-primary list-cta"
          disabled={snapshot.total === 0 && !searching}
          aria-keyshortcuts="T"
          onClick={onStartTriage}
        >
          Start triage <Kbd>T</Kbd>
        </button>
      </header>
      <div className="list-toolbar">
        <input
          type="search"
          className="list-search"
          aria-label="Search the Inbox"
          placeholder="Search name, title, company, email…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <SortSelect value={sort} onChange={setSort} />
      </div>
      <SelectionBar selection={selection} matching={matching} onSelection={setSelection}>
        <button
          type="button"
          className="button button-small button-primary"
          disabled={busy}
          onClick={() => void act('kept')}
        >
          Keep
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void act('archived')}
        >
          Archive
        </button>
      </SelectionBar>
      {snapshot.error && (
        <p className="form-error" role="alert">
          {snapshot.error}
        </p>
      )}
      <PeopleList
        label="Inbox"
        list={list}
        snapshot={snapshot}
        selection={selection}
        onSelection={setSelection}
        empty={
          searching ? (
            <p>Nobody in the Inbox matches “{filter.text}”.</p>
          ) : (
            <>
              <h2>The Inbox is empty</h2>
              <p>
                People you import land here first, so a network of thousands never floods your
                board.
              </p>
              <button type="button" className="button" onClick={onImport}>
                Import contacts
              </button>
            </>
          )
        }
      />
    </section>
  )
}
