import { useCallback, useEffect, useId, useRef, useState } from 'react'
import { useCommandHandler } from '../commands/CommandProvider'
import type { Contact } from '@shared/domain'
import { stageLabel, type StageId } from '@shared/stages'
import type { Failure } from '@shared/result'
import { call } from '../api/client'
import { useToasts } from '../ui/toasts'
import { ContactForm } from './ContactForm'
import { ContactView } from './ContactView'
import { emptyForm, fieldsFromForm, formFromContact, type ContactFormValues } from './formModel'
import { useContact } from '../store/contact'
import { useContactActions } from './useContactActions'
import './contact.css'

/** Which contact the side panel shows: a new one, or an existing one by id. */
export type PanelTarget = { kind: 'new' } | { kind: 'show'; id: string }

/** Move a person to a stage; Asked and Thanked may first ask for their form. */
export type MoveContact = (contact: Contact, to: StageId) => void

/**
 * The side panel: a new contact's form, or a person shown read-first (who they are, where
 * they stand, the next actions, requests and history) with Edit as a mode (button or `e`).
 */
export function ContactPanel({
  target,
  onClose,
  onMove,
}: {
  target: PanelTarget
  onClose: () => void
  onMove: MoveContact
}) {
  const titleId = useId()
  const toasts = useToasts()
  const [editing, setEditing] = useState(false)
  /** Where focus goes when the read view appears: its heading on open, Edit after editing. */
  const [focusOnShow, setFocusOnShow] = useState<'heading' | 'edit'>('heading')

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return
      // Esc leaves edit mode first, then closes the panel.
      if (editing && target.kind === 'show') setEditing(false)
      else onClose()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onClose, editing, target.kind])

  const leaveEdit = useCallback(() => {
    setFocusOnShow('edit')
    setEditing(false)
  }, [])

  const create = async (values: ContactFormValues): Promise<Failure | null> => {
    const result = await call('contact.create', { ...fieldsFromForm(values), stage: values.stage })
    if (!result.ok) return result
    toasts.show({ message: `Added ${result.value.name} to ${stageLabel(result.value.stage)}.` })
    onClose()
    return null
  }

  const panelRef = useRef<HTMLDivElement>(null)
  useCommandHandler(
    'contact.edit',
    () => setEditing(true),
    () => target.kind === 'show' && !editing,
  )
  // m opens the read view's Move menu, whose first stage then has focus.
  useCommandHandler(
    'contact.move',
    () =>
      panelRef.current?.querySelector<HTMLButtonElement>('button[aria-label^="Move "]')?.click(),
    () => target.kind === 'show' && !editing,
  )

  return (
    <div
      ref={panelRef}
      className="panel"
      role="dialog"
      aria-labelledby={titleId}
      data-testid="contact-panel"
    >
      {target.kind === 'new' ? (
        <>
          <header className="panel-header">
            <h2 id={titleId}>New contact</h2>
            <CloseButton onClose={onClose} />
          </header>
          <div className="panel-body">
            <ContactForm
              initial={emptyForm()}
              submitLabel="Add contact"
              onSubmit={create}
              onCancel={onClose}
            />
          </div>
        </>
      ) : (
        <ShownContact
          id={target.id}
          titleId={titleId}
          focusOnShow={focusOnShow}
          editing={editing}
          onEdit={() => setEditing(true)}
          onLeaveEdit={leaveEdit}
          onClose={onClose}
          onMove={onMove}
        />
      )}
    </div>
  )
}

/** A ref callback that focuses its element once, when it mounts. */
function focusOnMount(element: HTMLElement | null): void {
  element?.focus()
}

function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" className="icon-button" aria-label="Close panel" onClick={onClose}>
      ×
    </button>
  )
}

function ShownContact(props: {
  id: string
  titleId: string
  focusOnShow: 'heading' | 'edit'
  editing: boolean
  onEdit: () => void
  onLeaveEdit: () => void
  onClose: () => void
  onMove: MoveContact
}) {
  const { id, titleId, editing, onLeaveEdit, onClose } = props
  const state = useContact(id)
  const toasts = useToasts()
  const { remove } = useContactActions()

  if (state.kind !== 'found') {
    return (
      <>
        <header className="panel-header">
          <h2 id={titleId} tabIndex={-1} ref={focusOnMount}>
            {state.kind === 'loading' ? 'Loading…' : 'Not found'}
          </h2>
          <CloseButton onClose={onClose} />
        </header>
        {state.kind === 'missing' && (
          <div className="panel-body">
            <p className="panel-missing">{state.message}</p>
          </div>
        )}
      </>
    )
  }
  const contact = state.contact

  const update = async (values: ContactFormValues): Promise<Failure | null> => {
    const result = await call('contact.update', { id: contact.id, ...fieldsFromForm(values) })
    if (!result.ok) return result
    if (values.stage !== result.value.stage) {
      const moved = await call('contact.move', { id: contact.id, stage: values.stage })
      if (!moved.ok) return moved
    }
    toasts.show({ message: `Saved ${result.value.name}.` })
    onLeaveEdit()
    return null
  }

  if (editing) {
    return (
      <>
        <header className="panel-header">
          <h2 id={titleId}>Edit {contact.name}</h2>
          <CloseButton onClose={onClose} />
        </header>
        <div className="panel-body">
          <ContactForm
            key={contact.id}
            initial={formFromContact(contact)}
            submitLabel="Save"
            onSubmit={update}
            onCancel={onLeaveEdit}
            extraActions={
              <button
                type="button"
                className="button button-danger"
                onClick={() =>
                  void remove(contact.id, contact.name).then((removed) => removed && onClose())
                }
              >
                Delete
              </button>
            }
          />
        </div>
      </>
    )
  }

  return (
    <ContactView
      contact={contact}
      titleId={titleId}
      focusOnShow={props.focusOnShow}
      onEdit={props.onEdit}
      onClose={onClose}
      onMove={props.onMove}
    />
  )
}
