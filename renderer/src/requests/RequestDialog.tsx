import { useState, type FormEvent } from 'react'
import { call } from '../api/client'
import { Dialog } from '../ui/Dialog'
import { Field, FormActions, FormError } from '../ui/form/Field'
import { refusal } from '../ui/form/formErrors'
import { useToasts } from '../ui/toasts'
import { asyncHandler } from '../ui/asyncHandler'

type RequestField = 'company' | 'role' | 'dueBy' | 'notes'
const FIELDS: readonly RequestField[] = ['company', 'role', 'dueBy', 'notes']

/** The new-request form. Submitting creates the request, which moves the card to Asked. */
export function RequestDialog({
  contactId,
  name,
  onClose,
  onCreated,
}: {
  contactId: string
  name: string
  onClose: () => void
  /** After the request exists, before the dialog closes. */
  onCreated?: (requestId: string) => void
}) {
  const [values, setValues] = useState<Record<RequestField, string>>({
    company: '',
    role: '',
    dueBy: '',
    notes: '',
  })
  const [errors, setErrors] = useState<Partial<Record<RequestField, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const toasts = useToasts()

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
      const { fields, summary } = refusal(result, FIELDS)
      setErrors(fields)
      setFormError(summary)
      return
    }
    toasts.show({
      message: `Asked ${name} for a reference for ${result.value.role} at ${result.value.company}.`,
    })
    onCreated?.(result.value.id)
    onClose()
  }

  const input = (field: RequestField, label: string, type = 'text') => (
    <Field label={label} name={field} error={errors[field]}>
      {(p) =>
        field === 'notes' ? (
          <textarea
            {...p}
            rows={3}
            value={values[field]}
            onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          />
        ) : (
          <input
            {...p}
            type={type}
            value={values[field]}
            onChange={(e) => setValues((v) => ({ ...v, [field]: e.target.value }))}
          />
        )
      }
    </Field>
  )

  return (
    <Dialog title={`Ask ${name} for a reference`} onClose={onClose} testId="request-dialog">
      <form className="form" onSubmit={asyncHandler(submit)} noValidate>
        <FormError>{formError}</FormError>
        {input('company', 'Company')}
        {input('role', 'Role')}
        {input('dueBy', 'Needed by', 'date')}
        {input('notes', 'Notes')}
        <FormActions>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            Create request
          </button>
        </FormActions>
      </form>
    </Dialog>
  )
}
