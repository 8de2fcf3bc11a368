import { useState } from 'react'
import { fillTemplate, mailtoLink, THANK_YOU_TEMPLATES, thankYouValues } from '@shared/templates'
import { call } from '../api/client'
import { foundContact, useContact } from '../store/contact'
import { Dialog } from '../ui/Dialog'
import { Field } from '../ui/form/Field'
import { useToasts } from '../ui/toasts'
import { useCommand } from '../ui/useCommand'

type Way = 'note' | 'email' | 'call'

const WAYS: readonly { id: Way; label: string }[] = [
  { id: 'note', label: 'Note' },
  { id: 'email', label: 'Email' },
  { id: 'call', label: 'Call script' },
]

/** Thank-you templates for one given reference: copy, email, and log the thank-you. */
export function ThankYouDialog({
  contactId,
  request,
  onClose,
}: {
  contactId: string
  request: { id: string; role: string; company: string } | null
  onClose: () => void
}) {
  const contact = foundContact(useContact(contactId))
  const toasts = useToasts()
  const [way, setWay] = useState<Way>('note')
  const { busy, run } = useCommand()
  /** What the user changed in each template; the rest follow the template. */
  const [edits, setEdits] = useState<Partial<Record<Way, string>>>({})
  if (!contact) return null
  const values = thankYouValues(contact, request ?? { role: 'the role', company: 'the company' })
  const subject = fillTemplate(THANK_YOU_TEMPLATES.email.subject, values)
  const texts: Record<Way, string> = {
    note: fillTemplate(THANK_YOU_TEMPLATES.note, values),
    email: fillTemplate(THANK_YOU_TEMPLATES.email.body, values),
    call: fillTemplate(THANK_YOU_TEMPLATES.callScript, values),
  }
  const text = edits[way] ?? texts[way]

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(way === 'email' ? `${subject}\n\n${text}` : text)
      toasts.show({ message: 'Copied to the clipboard.' })
    } catch {
      toasts.show({ tone: 'error', message: 'Could not copy: the clipboard is not available.' })
    }
  }

  const email = async () => {
    const link = mailtoLink({ to: contact.email, subject, body: text })
    if (!link.ok) {
      toasts.show({ tone: 'error', message: link.reason })
      return
    }
    const result = await call('link.open', { url: link.url })
    if (!result.ok) toasts.show({ tone: 'error', message: result.message })
  }

  const logThanks = async () => {
    const kind = way === 'call' ? 'call' : way === 'email' ? 'email' : 'note'
    const result = await run(
      'interaction.log',
      {
        contactId,
        kind: 'thank-you',
        note: `Thanked by ${kind}`,
        ...(request ? { requestId: request.id } : {}),
      },
      { toast: `Logged your thank-you to ${contact.name}.` },
    )
    if (result?.ok) onClose()
  }

  return (
    <Dialog title={`Thank ${contact.name}`} onClose={onClose} testId="thank-you-dialog">
      {request && (
        <p className="workflow-muted">
          For the {request.role} reference at {request.company}.
        </p>
      )}
      <div className="segmented" role="radiogroup" aria-label="Template">
        {WAYS.map((w) => (
          <label key={w.id} className="segmented-option">
            <input
              type="radio"
              name="thank-you-way"
              value={w.id}
              checked={way === w.id}
              onChange={() => setWay(w.id)}
            />
            <span>{w.label}</span>
          </label>
        ))}
      </div>
      {way === 'email' && <p data-testid="template-subject">Subject: {subject}</p>}
      <Field label="Message" hint="Edit it as you like before you copy or send it.">
        {(p) => (
          <textarea
            {...p}
            className="template-text"
            aria-label="Template text"
            value={text}
            onChange={(e) => setEdits((all) => ({ ...all, [way]: e.target.value }))}
          />
        )}
      </Field>
      <div className="form-actions">
        <button type="button" className="button" onClick={() => void copy()}>
          Copy
        </button>
        {way === 'email' && (
          <button
            type="button"
            className="button"
            onClick={() => void email()}
            disabled={contact.email === ''}
          >
            Open email
          </button>
        )}
        <span className="form-actions-spacer" />
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => void logThanks()}
        >
          Log thank-you
        </button>
      </div>
    </Dialog>
  )
}
