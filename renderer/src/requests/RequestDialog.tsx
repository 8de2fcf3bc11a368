import { useId, useState, type FormEvent } from 'react'
import { call } from '../api/client'
import { issuesByField } from '../contact/formModel'
import { Dialog } from '../ui/Dialog'
import { useToasts } from '../ui/toasts'

type Field = 'company' | 'role' | 'dueBy' | 'notes'

/** The new-request form. Submitting creates the request, which moves the card to Asked. */
export function RequestDialog({
  contactId,
  name,
  onClose,
}: {
  contactId: string
  name: string
  onClose(): void
}) {
  const [values, setValues] = useState<Record<Field, string>>({
    company: '',
    role: '',
    dueBy: '',
    notes: '',
  })
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  const [busy, setBusy] = useState(false)
  const toasts = useToasts()
  const id = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    const result = await call('request.create', {
      contactId,
      company: values.company,
      role: values.role,
      dueBy: values.dueBy === '' ? null : values.dueBy,
      notes: values.notes,
    })
    setBusy(false)
    if (!result.ok) {
      const { fields, other } = issuesByField(result.issues ?? [])
      setErrors({
        ...fields,
        form: other.join(' ') || (result.issues ? undefined : result.message),
      })
      return
    }
    toasts.show({
      message: `Asked ${name} for a reference for ${result.value.role} at ${result.value.company}.`,
    })
    onClose()
  }

  const field = (name: Field, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      {name === 'notes' ? (
        <textarea
          id={`${id}-${name}`}
          rows={3}
          value={values[name]}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
      ) : (
        <input
          id={`${id}-${name}`}
          type={type}
          value={values[name]}
          aria-invalid={errors[name] !== undefined}
          aria-describedby={errors[name] !== undefined ? `${id}-${name}-error` : undefined}
          onChange={(e) => setValues((v) => ({ ...v, [name]: e.target.value }))}
        />
      )}
      {errors[name] !== undefined && (
        <p id={`${id}-${name}-error`} className="field-error">
          {errors[name]}
        </p>
      )}
    </div>
  )

  return (
    <Dialog title={`Ask ${name} for a reference`} onClose={onClose} testId="request-dialog">
      <form className="contact-form" onSubmit={submit} noValidate>
        {errors.form && (
          <p className="form-error" role="alert">
            {errors.form}
          </p>
        )}
        {field('company', 'Company')}
        {field('role', 'Role')}
        {field('dueBy', 'Needed by', 'date')}
        {field('notes', 'Notes')}
        <div className="form-actions">
          <span className="form-actions-spacer" />
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Create request
          </button>
        </div>
      </form>
    </Dialog>
  )
}
