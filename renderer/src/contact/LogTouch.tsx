import { useRef, useState, type FormEvent } from 'react'
import { useCommandHandler } from '../commands/CommandProvider'
import { interactionKindLabel } from '@shared/interactionKinds'
import { call } from '../api/client'
import { draftInstant, newTouchDraft, TouchFields, type TouchDraft } from './TouchFields'
import { useToasts } from '../ui/toasts'
import { useContactActions } from './useContactActions'
import { asyncHandler } from '../ui/asyncHandler'

interface LogTouchProps {
  contactId: string
  name: string
  /** Label of the opening button; "Log touch" by default. */
  label?: string
  /** Shorter visible text where room is tight (a card); the accessible name keeps the label. */
  text?: string
  className?: string
  /** Draws the opening button as the primary action. */
  primary?: boolean
  /** This control answers the `l` shortcut while mounted (the open contact's, not every card's). */
  answersShortcut?: boolean
}

/** Opens its log-touch control on `l`; rendered only where one control should answer. */
function LogTouchShortcut({ onOpen }: { onOpen: () => void }) {
  useCommandHandler('contact.logTouch', onOpen)
  return null
}

/** "Log touch": the day (today unless changed), the kind, a note if you like, and Log. */
export function LogTouchButton({
  contactId,
  name,
  label = 'Log touch',
  text,
  className,
  primary,
  answersShortcut = false,
}: LogTouchProps) {
  const [open, setOpen] = useState(false)
  const [draft, setDraft] = useState<TouchDraft>(() => newTouchDraft())
  const [dayError, setDayError] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const toasts = useToasts()
  const { undo } = useContactActions()
  const opener = useRef<HTMLButtonElement>(null)

  const close = () => {
    setOpen(false)
    // The form is gone: focus goes back to the button that opened it, never to <body>.
    opener.current?.focus()
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const when = draftInstant(draft)
    if (!when.ok) {
      setDayError(when.message)
      return
    }
    setBusy(true)
    const result = await call('interaction.log', {
      contactId,
      kind: draft.kind,
      note: draft.note,
      ...(when.at === null ? {} : { at: when.at }),
    })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setDraft(newTouchDraft())
    setDayError(undefined)
    setError(null)
    close()
    toasts.show({
      message: `Logged ${interactionKindLabel(draft.kind).toLowerCase()} with ${name}.`,
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
          event.preventDefault()
          close()
        }
      }}
    >
      {answersShortcut && <LogTouchShortcut onOpen={() => setOpen(true)} />}
      <button
        ref={opener}
        type="button"
        className={`button button-small${primary ? ' button-primary' : ''}`}
        aria-label={`${label} with ${name}`}
        aria-expanded={open}
        title={text === undefined ? undefined : label}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {text ?? label}
      </button>
      {open && (
        <form
          className="log-touch-popup form"
          aria-label={`Log a touch with ${name}`}
          onSubmit={asyncHandler(submit)}
          noValidate
        >
          <TouchFields
            draft={draft}
            onChange={(next) => {
              setDraft(next)
              setDayError(undefined)
            }}
            dayError={dayError}
            error={error}
            autoFocus
          />
          <div className="log-touch-actions">
            <button type="button" className="button button-small" onClick={close}>
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
