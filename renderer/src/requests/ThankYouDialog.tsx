import { useState } from 'react'
import { fillTemplate, mailtoLink, THANK_YOU_TEMPLATES, thankYouValues } from '@shared/templates'
import { call } from '../api/client'
import { useContact } from '../store/contact'
import { Dialog } from '../ui/Dialog'
import { useToasts } from '../ui/toasts'

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
  onClose(): void
}) {
  const { contact } = useContact(contactId)
  const toasts = useToasts()
  const [way, setWay] = useState<Way>('note')
  const [busy, setBusy] = useState(false)
  if (!contact) return null
  const values = thankYouValues(contact, request ?? { role: 'the role', company: 'the company' })
  const subject = fillTemplate(THANK_YOU_TEMPLATES.email.subject, values)
  const texts: Record<Way, string> = {
    note: fillTemplate(THANK_YOU_TEMPLATES.note, values),
    email: fillTemplate(THANK_YOU_TEMPLATES.email.body, values),
    call: fillTemplate(THANK_YOU_TEMPLATES.callScript, values),
  }
  const text = texts[way]

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
    setBusy(true)
    const kind = way === 'call' ? 'call' : way === 'email' ? 'email' : 'note'
    const result = await call('interaction.log', {
      contactId,
      kind: 'thank-you',
      note: `Thanked by ${kind}`,
      ...(request ? { requestId: request.id } : {}),
    })
    setBusy(false)
    if (!result.ok) {
      toasts.show({ tone: 'error', message: result.message })
      return
    }
    toasts.show({ message: `Logged your thank-you to ${contact.name}.` })
    onClose()
  }

  return (
    <Dialog title={`Thank ${contact.name}`} onClose={onClose} testId="thank-you-dialog">
      {request && (
        <p className="workflow-muted">
          For the {request.role} reference at {request.company}.
        </p>
      )}
      <div role="tablist" aria-label="Template" className="nav-list">
        {WAYS.map((w) => (
          <button
            key={w.id}
            type="button"
            role="tab"
            className="nav-link"
            aria-selected={way === w.id}
            aria-current={way === w.id ? 'page' : undefined}
            onClick={() => setWay(w.id)}
          >
            {w.label}
          </button>
        ))}
      </div>
      {way === 'email' && <p data-testid="template-subject">Subject: {subject}</p>}
      <textarea className="template-text" aria-label="Template text" readOnly value={text} />
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
