import type { Contact } from '@shared/domain'
import { call } from '../api/client'
import { useContactActions } from '../contact/useContactActions'
import { useToasts } from '../ui/toasts'
import { TriageList, useTriageList, type BulkAction } from './TriageList'
import './triage.css'

const BULK: readonly BulkAction[] = [
  { label: 'Restore to the board', to: 'kept' },
  { label: 'Back to the Inbox', to: 'inbox' },
]

/**
 * The Archive: people set aside with "Not now". They never remind and are not on the board;
 * any of them can go back to the board or to the Inbox.
 */
export function ArchiveView() {
  const state = useTriageList('archived')
  const toasts = useToasts()
  const { undo } = useContactActions()

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
      <TriageList
        name="Archive"
        state={state}
        bulk={BULK}
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
          <>
            <h2>The Archive is empty</h2>
            <p>People you mark “Not now” in triage rest here, out of the way.</p>
          </>
        }
      />
    </section>
  )
}
