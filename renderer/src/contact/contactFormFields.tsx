import { RELATIONSHIPS, relationshipLabel, Relationship } from '@shared/domain'
import { STAGES, STAGE_IDS, type StageId } from '@shared/stages'
import { Field } from '../ui/form/Field'
import type { ContactFormValues, FieldName } from './formModel'

/** Fields held as one string, whatever their control. */
type StringField = {
  [K in FieldName]: ContactFormValues[K] extends string ? K : never
}[FieldName]

/** One field of the contact form's grid, as data: what it is called and how it is typed. */
type FieldSpec =
  | {
      name: Exclude<StringField, 'relationship' | 'stage' | 'credibility'>
      label: string
      control: 'input'
      type?: 'email' | 'tel' | 'number' | 'date'
      hint?: string
      wide?: boolean
    }
  | {
      name: 'links' | 'howWeMet' | 'notes'
      label: string
      control: 'area'
      rows: number
      hint?: string
    }
  | {
      name: 'relationship' | 'stage' | 'credibility'
      label: string
      control: 'select'
      options: readonly { value: string; label: string }[]
    }

const COMMAS = 'Separated by commas'

/** The grid of the contact form, in the order it is shown. */
const GRID: readonly FieldSpec[] = [
  { name: 'name', label: 'Name', control: 'input', wide: true },
  { name: 'title', label: 'Title', control: 'input' },
  { name: 'company', label: 'Company', control: 'input' },
  {
    name: 'relationship',
    label: 'Relationship',
    control: 'select',
    options: RELATIONSHIPS.map((r) => ({ value: r, label: relationshipLabel(r) })),
  },
  {
    name: 'stage',
    label: 'Stage',
    control: 'select',
    options: STAGES.map((s) => ({ value: s.id, label: s.label })),
  },
  { name: 'email', label: 'Email', control: 'input', type: 'email' },
  { name: 'phone', label: 'Phone', control: 'input', type: 'tel' },
  { name: 'field', label: 'Field', control: 'input' },
  {
    name: 'workedTogether',
    label: 'Years worked together',
    control: 'input',
    hint: 'For example 2019–2022',
  },
  { name: 'links', label: 'Links', control: 'area', rows: 2, hint: 'One web address per line' },
  { name: 'howWeMet', label: 'How we met', control: 'area', rows: 2 },
  { name: 'notes', label: 'Notes', control: 'area', rows: 4 },
  { name: 'tags', label: 'Tags', control: 'input', hint: COMMAS },
  { name: 'skills', label: 'Skills they can vouch for', control: 'input', hint: COMMAS },
  {
    name: 'cadenceDays',
    label: 'Keep in touch every (days)',
    control: 'input',
    type: 'number',
    hint: 'Empty: the stage default',
  },
  {
    name: 'credibility',
    label: 'Credibility',
    control: 'select',
    options: [
      { value: '', label: 'Not rated' },
      ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} of 5` })),
    ],
  },
  { name: 'nicknames', label: 'Nicknames', control: 'input', hint: COMMAS },
  {
    name: 'birthday',
    label: 'Birthday',
    control: 'input',
    hint: 'Like 1980-04-23, or --04-23 without the year',
  },
  { name: 'connectedOn', label: 'Connected on', control: 'input', type: 'date' },
]

function isStage(value: string): value is StageId {
  return (STAGE_IDS as readonly string[]).includes(value)
}

/** The values with one field's control changed; a value not among the choices changes nothing. */
function withChoice(
  values: ContactFormValues,
  name: StringField,
  value: string,
): ContactFormValues {
  if (name === 'relationship') {
    const parsed = Relationship.safeParse(value)
    return parsed.success ? { ...values, relationship: parsed.data } : values
  }
  if (name === 'stage') return isStage(value) ? { ...values, stage: value } : values
  return { ...values, [name]: value }
}

/** The grid of single fields: text, lists typed as text, choices. Name takes focus first. */
export function ContactFieldGrid({
  values,
  onChange,
  errorOf,
}: {
  values: ContactFormValues
  onChange: (update: (values: ContactFormValues) => ContactFormValues) => void
  errorOf: (name: FieldName) => { name: FieldName; error: string | undefined }
}) {
  return GRID.map((spec) => {
    const value = values[spec.name]
    const change = (next: string) => onChange((v) => withChoice(v, spec.name, next))
    return (
      <Field
        key={spec.name}
        label={spec.label}
        {...errorOf(spec.name)}
        hint={spec.control === 'select' ? undefined : spec.hint}
        wide={spec.control === 'area' || (spec.control === 'input' && spec.wide)}
      >
        {(p) =>
          spec.control === 'select' ? (
            <select {...p} value={value} onChange={(e) => change(e.target.value)}>
              {spec.options.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          ) : spec.control === 'area' ? (
            <textarea
              {...p}
              rows={spec.rows}
              value={value}
              onChange={(e) => change(e.target.value)}
            />
          ) : (
            <input
              {...p}
              type={spec.type ?? 'text'}
              value={value}
              onChange={(e) => change(e.target.value)}
              autoComplete="off"
              autoFocus={spec.name === 'name'}
            />
          )
        }
      </Field>
    )
  })
}
