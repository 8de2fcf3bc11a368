import { useEffect } from 'react'
import { TriageList, useTriageList, type BulkAction } from './TriageList'
import { Kbd } from './Kbd'
import './triage.css'

const BULK: readonly BulkAction[] = [
  { label: 'Keep', to: 'kept', primary: true },
  { label: 'Archive', to: 'archived' },
]

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
  const state = useTriageList('inbox')

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
          disabled={state.snapshot.total === 0 && state.searchText === null}
          aria-keyshortcuts="T"
          onClick={onStartTriage}
        >
          Start triage <Kbd>T</Kbd>
        </button>
      </header>
      <TriageList
        name="Inbox"
        state={state}
        bulk={BULK}
        empty={
          <>
            <h2>The Inbox is empty</h2>
            <p>
              People you import land here first, so a network of thousands never floods your board.
            </p>
            <button type="button" className="button" onClick={onImport}>
              Import contacts
            </button>
          </>
        }
      />
    </section>
  )
}
