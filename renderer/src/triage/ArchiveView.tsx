import { useState } from 'react'
import type { Contact } from '@shared/domain'
import type { ContactSort } from '@shared/query'
import { call } from '../api/client'
import { useContactActions } from '../contact/useContactActions'
import { useToasts } from '../ui/toasts'
import { PeopleList } from './PeopleList'
import { usePagedContacts } from './pagedContacts'
import { NONE, type Selection } from './selection'
import { useTriageBulk } from './useTriageBulk'
import { SelectionBar, SortSelect, textFilter, useSettled } from './listParts'
import './triage.css'

/**
 * The Archive: people set aside with "Not now". They never remind and are not on the board;
 * any of them can go back to the board or to the Inbox.
 */
export function ArchiveView() {
  const [text, setText] = useState('')
  const [sort, setSort] = useState<ContactSort>('name')
  const filter = textFilter(useSettled(text, 200))
  const { list, snapshot } = usePagedContacts({ triage: 'archived', filter, sort })
  const [selection, setSelection] = useState<Selection>(NONE)
  const { move, busy } = useTriageBulk('archived', filter)
  const toasts = useToasts()
  const { undo } = useContactActions()
  const searching = filter.text !== undefined

  const filterKey = JSON.stringify(filter)
  const [selectionKey, setSelectionKey] = useState(filterKey)
  if (selectionKey !== filterKey) {
    setSelectionKey(filterKey)
    setSelection(NONE)
  }

  const restoreOne = async (contact: Contact, to: 'kept' | 'inbox') => {
    const result = await call('contact.bulk', { ids: [contact.id], set: { triage: to } })
    toasts.show(
      result.ok
        ? {
            message:
              to === 'kept'
                ? `Put ${contact.name} back on the board.`
                : `Sent ${contact.name} back to the Inbox.`,
            action: { label: 'Undo', run: () => void undo() },
          }
        : { tone: 'error', message: `Could not restore ${contact.name}: ${result.message}` },
    )
  }

  const act = async (to: 'kept' | 'inbox') => {
    if (await move(selection, to)) setSelection(NONE)
  }

  return (
    <section className="list-view" aria-labelledby="archive-title" data-testid="archive-view">
      <header className="list-header">
        <div className="list-title">
          <h1 id="archive-title">Archive</h1>
          <p className="list-lede">
            People you set aside for now. They are not on the board and never remind you. Restore
            anyone to the board or to the Inbox.
          </p>
        </div>
      </header>
      <div className="list-toolbar">
        <input
          type="search"
          className="list-search"
          aria-label="Search the Archive"
          placeholder="Search name, title, company, email…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <SortSelect value={sort} onChange={setSort} />
      </div>
      <SelectionBar selection={selection} matching={snapshot.total ?? 0} onSelection={setSelection}>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void act('kept')}
        >
          Restore to the board
        </button>
        <button
          type="button"
          className="button button-small"
          disabled={busy}
          onClick={() => void act('inbox')}
        >
          Back to the Inbox
        </button>
      </SelectionBar>
      {snapshot.error && (
        <p className="form-error" role="alert">
          {snapshot.error}
        </p>
      )}
      <PeopleList
        label="Archive"
        list={list}
        snapshot={snapshot}
        selection={selection}
        onSelection={setSelection}
        actions={(contact) => (
          <>
            <button
              type="button"
              className="button button-small"
              aria-label={`Restore ${contact.name} to the board`}
              onClick={() => void restoreOne(contact, 'kept')}
            >
              To board
            </button>
            <button
              type="button"
              className="button button-small"
              aria-label={`Send ${contact.name} back to the Inbox`}
              onClick={() => void restoreOne(contact, 'inbox')}
            >
              To Inbox
            </button>
          </>
        )}
        empty={
          searching ? (
            <p>Nobody in the Archive matches “{filter.text}”.</p>
          ) : (
            <>
              <h2>The Archive is empty</h2>
              <p>People you mark “Not now” in triage rest here, out of the way.</p>
            </>
          )
        }
      />
    </section>
  )
}
