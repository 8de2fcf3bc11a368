import { useId, useRef, useState, type FormEvent } from 'react'
import { useCommandHandler } from '../commands/CommandProvider'
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
  className?: string
  /** This control answers the `l` shortcut while mounted (the open contact's, not every card's). */
  answersShortcut?: boolean
}

/** Opens its log-touch control on `l`; rendered only where one control should answer. */
function LogTouchShortcut({ onOpen }: { onOpen(): void }) {
  useCommandHandler('contact.logTouch', onOpen)
  return null
}

/** "Log touch": pick the kind, add a note if you like, and log it with one more click. */
export function LogTouchButton({
  contactId,
  name,
  label = 'Log touch',
  className,
  answersShortcut = false,
}: LogTouchProps) {
  const [open, setOpenState] = useState(false)
  const buttonRef = useRef<HTMLButtonElement>(null)
  /** Closing puts focus back on the button, never on <body> with the popover gone. */
  const setOpen = (next: boolean | ((open: boolean) => boolean)) => {
    setOpenState(next)
    if (next === false) buttonRef.current?.focus()
  }
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
        // Space/Enter belong to this control, not the card; Escape closes the popover, not the panel.
        // Other keys go on to the app's shortcuts (which stay quiet while typing in the note).
        if (event.key === ' ' || event.key === 'Enter') event.stopPropagation()
        if (event.key === 'Escape' && open) {
          event.stopPropagation()
          setOpen(false)
        }
      }}
    >
      {answersShortcut && <LogTouchShortcut onOpen={() => setOpen(true)} />}
      <button
        ref={buttonRef}
        type="button"
        className="button button-small"
        aria-label={`${label} with ${name}`}
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
      >
        {label}
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
