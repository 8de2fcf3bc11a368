import { useState, type FormEvent, type ReactNode } from 'react'
import {
  RELATIONSHIPS,
  relationshipLabel,
  Relationship,
  type PostalAddress,
  type SocialProfile,
} from '@shared/domain'
import { STAGES, STAGE_IDS, type StageId } from '@shared/stages'
import type { Failure } from '@shared/result'
import { Field, FormActions, FormError, FormGrid } from '../ui/form/Field'
import { refusal } from '../ui/form/formErrors'
import { FIELD_NAMES, type ContactFormValues, type FieldName } from './formModel'
import { asyncHandler } from '../ui/asyncHandler'

interface ContactFormProps {
  initial: ContactFormValues
  submitLabel: string
  /** Save the values; resolves to the core's refusal, or null when saved. */
  onSubmit: (values: ContactFormValues) => Promise<Failure | null>
  onCancel: () => void
  /** Extra buttons, such as Delete in the edit panel. */
  extraActions?: ReactNode
}

/** Fields typed as one line of text. */
type TextField = Exclude<
  FieldName,
  'relationship' | 'stage' | 'links' | 'howWeMet' | 'notes' | 'addresses' | 'profiles'
>

function isStage(value: string): value is StageId {
  return (STAGE_IDS as readonly string[]).includes(value)
}

const NEW_ADDRESS: PostalAddress = {
  label: '',
  street: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
}
const NEW_PROFILE: SocialProfile = { service: '', handle: '' }

/** Every field of a contact. The core validates; its messages appear beside their fields. */
export function ContactForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  extraActions,
}: ContactFormProps) {
  const [values, setValues] = useState(initial)
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  const set = <K extends FieldName>(name: K, value: ContactFormValues[K]) => {
    setValues((v) => ({ ...v, [name]: value }))
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    const failure = await onSubmit(values)
    setBusy(false)
    if (!failure) return
    const { fields, summary } = refusal(failure, FIELD_NAMES)
    setErrors(fields)
    setFormError(summary)
  }

  const text = (
    name: TextField,
    label: string,
    options: { type?: string; hint?: string; wide?: boolean; autoFocus?: boolean } = {},
  ) => (
    <Field label={label} name={name} error={errors[name]} hint={options.hint} wide={options.wide}>
      {(p) => (
        <input
          {...p}
          type={options.type ?? 'text'}
          value={values[name]}
          onChange={(event) => set(name, event.target.value)}
          autoComplete="off"
          autoFocus={options.autoFocus}
        />
      )}
    </Field>
  )

  const area = (
    name: 'links' | 'howWeMet' | 'notes',
    label: string,
    rows: number,
    hint?: string,
  ) => (
    <Field label={label} name={name} error={errors[name]} hint={hint} wide>
      {(p) => (
        <textarea
          {...p}
          rows={rows}
          value={values[name]}
          onChange={(event) => set(name, event.target.value)}
        />
      )}
    </Field>
  )

  const setAddress = (index: number, patch: Partial<PostalAddress>) =>
    set(
      'addresses',
      values.addresses.map((a, i) => (i === index ? { ...a, ...patch } : a)),
    )
  const setProfile = (index: number, patch: Partial<SocialProfile>) =>
    set(
      'profiles',
      values.profiles.map((p, i) => (i === index ? { ...p, ...patch } : p)),
    )

  return (
    <form className="contact-form" onSubmit={asyncHandler(submit)} noValidate>
      <FormError>{formError}</FormError>
      <FormGrid>
        {text('name', 'Name', { wide: true, autoFocus: true })}
        {text('title', 'Title')}
        {text('company', 'Company')}
        <Field label="Relationship" name="relationship" error={errors.relationship}>
          {(p) => (
            <select
              {...p}
              value={values.relationship}
              onChange={(event) => {
                const parsed = Relationship.safeParse(event.target.value)
                if (parsed.success) set('relationship', parsed.data)
              }}
            >
              {RELATIONSHIPS.map((r) => (
                <option key={r} value={r}>
                  {relationshipLabel(r)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Stage" name="stage" error={errors.stage}>
          {(p) => (
            <select
              {...p}
              value={values.stage}
              onChange={(event) => {
                if (isStage(event.target.value)) set('stage', event.target.value)
              }}
            >
              {STAGES.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('email', 'Email', { type: 'email' })}
        {text('phone', 'Phone', { type: 'tel' })}
        {text('field', 'Field')}
        {text('workedTogether', 'Years worked together', { hint: 'For example 2019–2022' })}
        {area('links', 'Links', 2, 'One web address per line')}
        {area('howWeMet', 'How we met', 2)}
        {area('notes', 'Notes', 4)}
        {text('tags', 'Tags', { hint: 'Separated by commas' })}
        {text('skills', 'Skills they can vouch for', { hint: 'Separated by commas' })}
        {text('cadenceDays', 'Keep in touch every (days)', {
          type: 'number',
          hint: 'Empty: the stage default',
        })}
        <Field label="Credibility" name="credibility" error={errors.credibility}>
          {(p) => (
            <select
              {...p}
              value={values.credibility}
              onChange={(event) => set('credibility', event.target.value)}
            >
              <option value="">Not rated</option>
              {[1, 2, 3, 4, 5].map((n) => (
                <option key={n} value={String(n)}>
                  {`${n} of 5`}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('nicknames', 'Nicknames', { hint: 'Separated by commas' })}
        {text('birthday', 'Birthday', { hint: 'Like 1980-04-23, or --04-23 without the year' })}
        {text('connectedOn', 'Connected on', { type: 'date' })}
      </FormGrid>

      <fieldset className="form-group">
        <legend>Addresses</legend>
        {values.addresses.map((address, index) => (
          <div key={index} className="form-repeat" aria-label={`Address ${index + 1}`} role="group">
            <FormGrid>
              <Field label="Label" hint="Home, Work…">
                {(p) => (
                  <input
                    {...p}
                    value={address.label}
                    onChange={(e) => setAddress(index, { label: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Street">
                {(p) => (
                  <input
                    {...p}
                    value={address.street}
                    onChange={(e) => setAddress(index, { street: e.target.value })}
                  />
                )}
              </Field>
              <Field label="City">
                {(p) => (
                  <input
                    {...p}
                    value={address.city}
                    onChange={(e) => setAddress(index, { city: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Region">
                {(p) => (
                  <input
                    {...p}
                    value={address.region}
                    onChange={(e) => setAddress(index, { region: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Postal code">
                {(p) => (
                  <input
                    {...p}
                    value={address.postalCode}
                    onChange={(e) => setAddress(index, { postalCode: e.target.value })}
                  />
                )}
              </Field>
              <Field label="Country">
                {(p) => (
                  <input
                    {...p}
                    value={address.country}
                    onChange={(e) => setAddress(index, { country: e.target.value })}
                  />
                )}
              </Field>
            </FormGrid>
            <button
              type="button"
              className="button button-small"
              onClick={() =>
                set(
                  'addresses',
                  values.addresses.filter((_, i) => i !== index),
                )
              }
            >
              Remove address
            </button>
          </div>
        ))}
        {errors.addresses && <p className="field-error">{errors.addresses}</p>}
        <button
          type="button"
          className="button button-small"
          onClick={() => set('addresses', [...values.addresses, NEW_ADDRESS])}
        >
          Add address
        </button>
      </fieldset>

      <fieldset className="form-group">
        <legend>Profiles</legend>
        {values.profiles.map((profile, index) => (
          <div
            key={index}
            className="form-repeat form-repeat-row"
            role="group"
            aria-label={`Profile ${index + 1}`}
          >
            <Field label="Service" hint="LinkedIn, GitHub…">
              {(p) => (
                <input
                  {...p}
                  value={profile.service}
                  onChange={(e) => setProfile(index, { service: e.target.value })}
                />
              )}
            </Field>
            <Field label="Handle or address">
              {(p) => (
                <input
                  {...p}
                  value={profile.handle}
                  onChange={(e) => setProfile(index, { handle: e.target.value })}
                />
              )}
            </Field>
            <button
              type="button"
              className="button button-small"
              aria-label={`Remove profile ${index + 1}`}
              onClick={() =>
                set(
                  'profiles',
                  values.profiles.filter((_, i) => i !== index),
                )
              }
            >
              Remove
            </button>
          </div>
        ))}
        {errors.profiles && <p className="field-error">{errors.profiles}</p>}
        <button
          type="button"
          className="button button-small"
          onClick={() => set('profiles', [...values.profiles, NEW_PROFILE])}
        >
          Add profile
        </button>
      </fieldset>

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
