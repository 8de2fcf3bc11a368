import { useRef, useState } from 'react'
import { useCommandHandler } from '../commands/CommandProvider'
import { interactionKindLabel } from '@shared/interactionKinds'
import { useFormErrors } from '../ui/form/useFormErrors'
import { useCommand } from '../ui/useCommand'
import {
  draftInstant,
  newTouchDraft,
  TOUCH_FIELDS,
  TouchFields,
  type TouchDraft,
} from './TouchFields'

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
  // Kept here, so a popover closed without logging opens again with what was typed.
  const [draft, setDraft] = useState<TouchDraft>(() => newTouchDraft())
  const opener = useRef<HTMLButtonElement>(null)

  const close = () => {
    setOpen(false)
    // The form is gone: focus goes back to the button that opened it, never to <body>.
    opener.current?.focus()
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
        <LogTouchForm
          contactId={contactId}
          name={name}
          draft={draft}
          onDraft={setDraft}
          onLogged={() => {
            setDraft(newTouchDraft())
            close()
          }}
          onCancel={close}
        />
      )}
    </div>
  )
}

/** The popover's form; mounted only while open, so a board of cards holds no form state. */
function LogTouchForm(props: {
  contactId: string
  name: string
  draft: TouchDraft
  onDraft: (draft: TouchDraft) => void
  onLogged: () => void
  onCancel: () => void
}) {
  const { contactId, name, draft } = props
  const errors = useFormErrors(TOUCH_FIELDS)
  const { busy, run } = useCommand(errors)

  const save = async () => {
    const when = draftInstant(draft)
    if (!when.ok) return errors.fail(when.message, 'at')
    const result = await run(
      'interaction.log',
      {
        contactId,
        kind: draft.kind,
        note: draft.note,
        ...(when.at === null ? {} : { at: when.at }),
      },
      {
        toast: `Logged ${interactionKindLabel(draft.kind).toLowerCase()} with ${name}.`,
        undoable: true,
      },
    )
    if (result?.ok) props.onLogged()
  }

  return (
    <form
      className="log-touch-popup form"
      aria-label={`Log a touch with ${name}`}
      ref={errors.ref}
      onSubmit={errors.onSubmit(save)}
      noValidate
    >
      <TouchFields
        draft={draft}
        onChange={(next) => {
          props.onDraft(next)
          errors.clear()
        }}
        errors={errors}
        autoFocus
      />
      <div className="log-touch-actions">
        <button type="button" className="button button-small" onClick={props.onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          Log
        </button>
      </div>
    </form>
  )
}
