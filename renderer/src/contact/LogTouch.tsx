import { useId, useState, type FormEvent } from 'react'
import type { InteractionKind } from '@shared/domain'
import { interactionKindLabel } from '@shared/interactionKinds'
import { call } from '../api/client'
import { TouchFields } from './TouchFields'
import { useToasts } from '../ui/toasts'
import { useContactActions } from './useContactActions'

interface LogTouchProps {
  contactId: string
  name: string
  /** Label of the opening button; "Log touch" by default. */
  label?: string
  /** Shorter visible text where room is tight (a card); the accessible name keeps the label. */
  text?: string
  className?: string
}

/** "Log touch": pick the kind, add a note if you like, and log it with one more click. */
export function LogTouchButton({
  contactId,
  name,
  label = 'Log touch',
  text,
  className,
}: LogTouchProps) {
  const [open, setOpen] = useState(false)
  const [kind, setKind] = useState<InteractionKind>('message')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const toasts = useToasts()
  const { undo } = useContactActions()
  const id = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    const result = await call('interaction.log', { contactId, kind, note })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setOpen(false)
    setNote('')
    setError(null)
    toasts.show({
      message: `Logged ${interactionKindLabel(kind).toLowerCase()} with ${name}.`,
      action: { label: 'Undo', run: () => void undo() },
    })
  }

  return (
    <div
      className={`log-touch ${className ?? ''}`}
      // Cards are draggable and handle keys; this control must trigger neither.
      onPointerDown={(event) => event.stopPropagation()}
      onKeyDown={(event) => {
        event.stopPropagation()
        if (event.key === 'Escape') setOpen(false)
      }}
    >
      <button
        type="button"
        className="button button-small"
        aria-label={`${label} with ${name}`}
        aria-expanded={open}
        title={text === undefined ? undefined : label}
        onClick={() => setOpen((o) => !o)}
      >
        {text ?? label}
      </button>
      {open && (
        <form className="log-touch-popup" aria-label={`Log a touch with ${name}`} onSubmit={submit}>
          <TouchFields
            id={id}
            kind={kind}
            onKind={setKind}
            note={note}
            onNote={setNote}
            error={error}
            autoFocus
          />
          <div className="log-touch-actions">
            <button type="button" className="button button-small" onClick={() => setOpen(false)}>
              Cancel
            </button>
            <button type="submit" className="button button-primary button-small" disabled={busy}>
              Log
            </button>
          </div>
        </form>
      )}
    </div>
  )
}
