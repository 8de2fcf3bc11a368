import { useState } from 'react'
import { Dialog } from '../ui/Dialog'
import { Field, FormActions, FormError } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { useCommand } from '../ui/useCommand'

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
  const errors = useFormErrors(FIELDS)
  const { busy, run } = useCommand(errors)

  const save = async () => {
    const result = await run(
      'request.create',
      {
        contactId,
        company: values.company,
        role: values.role,
        dueBy: values.dueBy === '' ? null : values.dueBy,
        notes: values.notes,
      },
      { toast: (r) => `Asked ${name} for a reference for ${r.role} at ${r.company}.` },
    )
    if (!result?.ok) return
    onCreated?.(result.value.id)
    onClose()
  }

  const input = (field: RequestField, label: string, type = 'text') => (
    <Field label={label} {...errors.field(field)}>
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
      <form className="form" ref={errors.ref} onSubmit={errors.onSubmit(save)} noValidate>
        <FormError>{errors.summary}</FormError>
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
