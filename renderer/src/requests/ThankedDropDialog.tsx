import { useState } from 'react'
import { call } from '../api/client'
import { foundContact, useContact } from '../store/contact'
import { requestsStore, useQuery } from '../store/queries'
import { Dialog } from '../ui/Dialog'
import { useCommand } from '../ui/useCommand'
import { ThankYouDialog } from './ThankYouDialog'

/**
 * Shown when a card is dropped on Thanked: offers the thank-you templates. Logging the
 * thank-you moves the card; "Just move" moves it without logging; Cancel leaves it.
 */
export function ThankedDropDialog({
  contactId,
  onClose,
}: {
  contactId: string
  onClose: () => void
}) {
  const contact = foundContact(useContact(contactId))
  const requests = useQuery(requestsStore).value ?? []
  const owed = requests.find(
    (r) => r.contactId === contactId && r.status === 'given' && r.thankedAt === null,
  )
  const [templates, setTemplates] = useState(false)
  const { run } = useCommand()
  if (!contact) return null

  const moveToThanked = () =>
    run(
      'contact.move',
      { id: contactId, stage: 'thanked' },
      { failure: `Could not move ${contact.name}`, evenIfBusy: true },
    )

  if (templates) {
    return (
      <ThankYouDialog
        contactId={contactId}
        request={owed ?? null}
        onClose={() => {
          // Logging a thank-you moves the card when a reference was owed; otherwise move it here.
          void call('contact.get', { id: contactId }).then((after) => {
            if (after.ok && after.value.stage !== 'thanked') void moveToThanked()
          })
          onClose()
        }}
      />
    )
  }

  return (
    <Dialog
      title={`Log a thank-you to ${contact.name}?`}
      onClose={onClose}
      testId="thanked-drop-dialog"
    >
      <p>
        {owed
          ? `${contact.name} gave a reference for ${owed.role} at ${owed.company}. Log your thank-you to mark it done.`
          : `Log a thank-you to ${contact.name} as you move them to Thanked.`}
      </p>
      <div className="form-actions">
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <span className="form-actions-spacer" />
        <button
          type="button"
          className="button"
          onClick={() => {
            void moveToThanked()
            onClose()
          }}
        >
          Just move
        </button>
        <button type="button" className="button button-primary" onClick={() => setTemplates(true)}>
          Say thank you…
        </button>
      </div>
    </Dialog>
  )
}
