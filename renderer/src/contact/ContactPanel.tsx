import { useEffect, useId } from 'react'
import { stageLabel } from '@shared/stages'
import type { Failure } from '@shared/result'
import { call } from '../api/client'
import { useContact } from '../store/contact'
import { useToasts } from '../ui/toasts'
import { ContactForm } from './ContactForm'
import { ContactWorkflow } from './ContactWorkflow'
import { emptyForm, fieldsFromForm, formFromContact, type ContactFormValues } from './formModel'
import { useContactActions } from './useContactActions'
import './contact.css'

/** Which contact the side panel shows: a new one, or an existing one by id. */
export type PanelTarget = { kind: 'new' } | { kind: 'edit'; id: string }

/** The side panel that creates or edits a contact. */
export function ContactPanel({ target, onClose }: { target: PanelTarget; onClose(): void }) {
  const titleId = useId()
  const toasts = useToasts()
  const { remove } = useContactActions()
  const { contact, loaded } = useContact(target.kind === 'edit' ? target.id : null)

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape' && !event.defaultPrevented) onClose()
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [onClose])

  const create = async (values: ContactFormValues): Promise<Failure | null> => {
    const result = await call('contact.create', { ...fieldsFromForm(values), stage: values.stage })
    if (!result.ok) return result
    toasts.show({ message: `Added ${result.value.name} to ${stageLabel(result.value.stage)}.` })
    onClose()
    return null
  }

  const update = async (id: string, values: ContactFormValues): Promise<Failure | null> => {
    const result = await call('contact.update', { id, ...fieldsFromForm(values) })
    if (!result.ok) return result
    if (values.stage !== result.value.stage) {
      // No index: the card goes to the end of its new column.
      const moved = await call('contact.move', { id, stage: values.stage })
      if (!moved.ok) return moved
    }
    toasts.show({ message: `Saved ${result.value.name}.` })
    onClose()
    return null
  }

  const title = target.kind === 'new' ? 'New contact' : `Edit ${contact?.name ?? 'contact'}`
  return (
    <aside className="panel" role="dialog" aria-labelledby={titleId} data-testid="contact-panel">
      <header className="panel-header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="icon-button" aria-label="Close panel" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="panel-body">
        {target.kind === 'new' ? (
          <ContactForm
            initial={emptyForm()}
            submitLabel="Add contact"
            onSubmit={create}
            onCancel={onClose}
          />
        ) : contact ? (
          <ContactForm
            key={contact.id}
            initial={formFromContact(contact)}
            submitLabel="Save"
            onSubmit={(values) => update(contact.id, values)}
            onCancel={onClose}
            extraActions={
              <button
                type="button"
                className="button button-danger"
                onClick={async () => {
                  if (await remove(contact.id, contact.name)) onClose()
                }}
              >
                Delete
              </button>
            }
          />
        ) : null}
        {target.kind === 'edit' && contact && <ContactWorkflow contact={contact} />}
        {target.kind === 'edit' && loaded && !contact && (
          <p className="panel-missing">This person is no longer on the board.</p>
        )}
      </div>
    </aside>
  )
}
