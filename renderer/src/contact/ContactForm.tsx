import { useState, type ReactNode } from 'react'
import type { Failure } from '@shared/result'
import { FormActions, FormError, FormGrid } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { useCommand } from '../ui/useCommand'
import { ContactFieldGrid } from './contactFormFields'
import { AddressList, ProfileList } from './ContactFormLists'
import { FIELD_NAMES, type ContactFormValues } from './formModel'

interface ContactFormProps {
  initial: ContactFormValues
  submitLabel: string
  /** Save the values; resolves to the core's refusal, or null when saved. */
  onSubmit: (values: ContactFormValues) => Promise<Failure | null>
  onCancel: () => void
  /** Extra buttons, such as Delete in the edit panel. */
  extraActions?: ReactNode
}

/** Every field of a contact. The core validates; its messages appear beside their fields. */
export function ContactForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  extraActions,
}: ContactFormProps) {
  const [values, setValues] = useState(initial)
  const errors = useFormErrors(FIELD_NAMES)
  const { busy, busyWhile } = useCommand(errors)

  const save = () =>
    busyWhile(async () => {
      const failure = await onSubmit(values)
      if (failure) errors.show(failure)
    })

  return (
    <form className="contact-form" ref={errors.ref} onSubmit={errors.onSubmit(save)} noValidate>
      <FormError>{errors.summary}</FormError>
      <FormGrid>
        <ContactFieldGrid values={values} onChange={setValues} errorOf={errors.field} />
      </FormGrid>
      <AddressList
        addresses={values.addresses}
        error={errors.fields.addresses}
        onChange={(addresses) => setValues((v) => ({ ...v, addresses }))}
      />
      <ProfileList
        profiles={values.profiles}
        error={errors.fields.profiles}
        onChange={(profiles) => setValues((v) => ({ ...v, profiles }))}
      />
      <FormActions start={extraActions}>
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </FormActions>
    </form>
  )
}
