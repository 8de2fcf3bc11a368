import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { RELATIONSHIPS, relationshipLabel, Relationship } from '@shared/domain'
import { STAGES, STAGE_IDS, type StageId } from '@shared/stages'
import type { Failure } from '@shared/result'
import { issuesByField, type ContactFormValues, type FieldName } from './formModel'

interface ContactFormProps {
  initial: ContactFormValues
  submitLabel: string
  /** Save the values; resolves to the core's refusal, or null when saved. */
  onSubmit(values: ContactFormValues): Promise<Failure | null>
  onCancel(): void
  /** Extra buttons, such as Delete in the edit panel. */
  extraActions?: ReactNode
}

/** Fields typed as free text. */
type TextField = Exclude<FieldName, 'relationship' | 'stage' | 'links' | 'howWeMet' | 'notes'>

function isStage(value: string): value is StageId {
  return (STAGE_IDS as readonly string[]).includes(value)
}

/** Every field of a contact. The core validates; its messages appear under the fields they concern. */
export function ContactForm({
  initial,
  submitLabel,
  onSubmit,
  onCancel,
  extraActions,
}: ContactFormProps) {
  const [values, setValues] = useState(initial)
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const prefix = useId()

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
    const { fields, other } = issuesByField(failure.issues ?? [])
    setFieldErrors(fields)
    const placed = Object.keys(fields).length > 0
    setFormError(other.length > 0 ? other.join(' ') : placed ? null : failure.message)
  }

  const idOf = (name: FieldName) => `${prefix}-${name}`
  const errorProps = (name: FieldName) => {
    const error = fieldErrors[name]
    return {
      id: idOf(name),
      'aria-invalid': error !== undefined,
      'aria-describedby': error !== undefined ? `${idOf(name)}-error` : undefined,
    }
  }
  const errorOf = (name: FieldName) =>
    fieldErrors[name] !== undefined ? (
      <p id={`${idOf(name)}-error`} className="field-error" data-testid={`error-${name}`}>
        {fieldErrors[name]}
      </p>
    ) : null

  const text = (name: TextField, label: string, type = 'text', hint?: string) => (
    <div className="field">
      <label htmlFor={idOf(name)}>{label}</label>
      <input
        {...errorProps(name)}
        type={type}
        value={values[name]}
        onChange={(event) => set(name, event.target.value)}
        autoComplete="off"
      />
      {hint && <p className="field-hint">{hint}</p>}
      {errorOf(name)}
    </div>
  )

  const area = (
    name: 'links' | 'howWeMet' | 'notes',
    label: string,
    rows: number,
    hint?: string,
  ) => (
    <div className="field field-wide">
      <label htmlFor={idOf(name)}>{label}</label>
      <textarea
        {...errorProps(name)}
        rows={rows}
        value={values[name]}
        onChange={(event) => set(name, event.target.value)}
      />
      {hint && <p className="field-hint">{hint}</p>}
      {errorOf(name)}
    </div>
  )

  return (
    <form className="contact-form" onSubmit={submit} noValidate>
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="field field-wide">
        <label htmlFor={idOf('name')}>Name</label>
        <input
          {...errorProps('name')}
          type="text"
          value={values.name}
          onChange={(event) => set('name', event.target.value)}
          autoComplete="off"
          autoFocus
        />
        {errorOf('name')}
      </div>
      <div className="form-grid">
        {text('title', 'Title')}
        {text('company', 'Company')}
        <div className="field">
          <label htmlFor={idOf('relationship')}>Relationship</label>
          <select
            {...errorProps('relationship')}
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
          {errorOf('relationship')}
        </div>
        <div className="field">
          <label htmlFor={idOf('stage')}>Stage</label>
          <select
            {...errorProps('stage')}
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
          {errorOf('stage')}
        </div>
        {text('field', 'Field')}
        {text('workedTogether', 'Years worked together', 'text', 'For example 2019–2022')}
        {text('email', 'Email', 'email')}
        {text('phone', 'Phone', 'tel')}
      </div>
      {area('links', 'Links', 3, 'One per line')}
      {area('howWeMet', 'How we met', 2)}
      {area('notes', 'Notes', 4)}
      <div className="form-grid">
        {text('tags', 'Tags', 'text', 'Separated by commas')}
        {text('skills', 'Skills they can vouch for', 'text', 'Separated by commas')}
        {text('cadenceDays', 'Keep in touch every (days)', 'number', 'Empty: the stage default')}
        <div className="field">
          <label htmlFor={idOf('credibility')}>Credibility</label>
          <select
            {...errorProps('credibility')}
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
          {errorOf('credibility')}
        </div>
      </div>
      <div className="form-actions">
        {extraActions}
        <span className="form-actions-spacer" />
        <button type="button" className="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button button-primary" disabled={busy}>
          {submitLabel}
        </button>
      </div>
    </form>
  )
}
