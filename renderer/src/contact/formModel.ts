import type { Contact, ContactFields, Relationship } from '@shared/domain'
import type { StageId } from '@shared/stages'

/** What the form holds: text as typed, so a refused save loses nothing. */
export interface ContactFormValues {
  name: string
  title: string
  company: string
  relationship: Relationship
  field: string
  email: string
  phone: string
  /** One link per line. */
  links: string
  howWeMet: string
  notes: string
  /** Comma-separated. */
  tags: string
  cadenceDays: string
  credibility: string
  /** Comma-separated. */
  skills: string
  workedTogether: string
  stage: StageId
}

/** The fields a core issue can point at; anything else is shown above the form. */
export type FieldName = keyof ContactFormValues

/** An empty form for a new contact in a stage. */
export function emptyForm(stage: StageId = 'identified'): ContactFormValues {
  return {
    name: '',
    title: '',
    company: '',
    relationship: 'other',
    field: '',
    email: '',
    phone: '',
    links: '',
    howWeMet: '',
    notes: '',
    tags: '',
    cadenceDays: '',
    credibility: '',
    skills: '',
    workedTogether: '',
    stage,
  }
}

/** The form filled from a stored contact. */
export function formFromContact(contact: Contact): ContactFormValues {
  return {
    name: contact.name,
    title: contact.title,
    company: contact.company,
    relationship: contact.relationship,
    field: contact.field,
    email: contact.email,
    phone: contact.phone,
    links: contact.links.join('\n'),
    howWeMet: contact.howWeMet,
    notes: contact.notes,
    tags: contact.tags.join(', '),
    cadenceDays: contact.cadenceDays === null ? '' : String(contact.cadenceDays),
    credibility: contact.credibility === null ? '' : String(contact.credibility),
    skills: contact.skills.join(', '),
    workedTogether: contact.workedTogether,
    stage: contact.stage,
  }
}

const splitList = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean)

const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text))

/** The fields the form edits; the others (addresses, profiles, …) keep their stored values. */
export type FormFields = Omit<
  ContactFields,
  'nicknames' | 'birthday' | 'addresses' | 'profiles' | 'connectedOn'
>

/** The fields to send to the core. Validation is the core's job: its messages come back as issues. */
export function fieldsFromForm(values: ContactFormValues): FormFields {
  return {
    name: values.name,
    title: values.title,
    company: values.company,
    relationship: values.relationship,
    field: values.field,
    email: values.email,
    phone: values.phone,
    links: splitList(values.links, /\r?\n/),
    howWeMet: values.howWeMet,
    notes: values.notes,
    tags: splitList(values.tags, /,/),
    cadenceDays: optionalNumber(values.cadenceDays),
    credibility: optionalNumber(values.credibility),
    skills: splitList(values.skills, /,/),
    workedTogether: values.workedTogether,
  }
}

const FIELD_NAMES = new Set<string>(Object.keys(emptyForm()))

function isFieldName(name: string): name is FieldName {
  return FIELD_NAMES.has(name)
}

/** Messages per form field ("links.2" belongs to links), and those that fit no field. */
export function issuesByField(issues: readonly { path: string; message: string }[]): {
  fields: Partial<Record<FieldName, string>>
  other: string[]
} {
  const fields: Partial<Record<FieldName, string>> = {}
  const other: string[] = []
  for (const issue of issues) {
    const head = issue.path.split('.')[0] ?? ''
    if (isFieldName(head)) fields[head] ??= issue.message
    else other.push(issue.path ? `${issue.path}: ${issue.message}` : issue.message)
  }
  return { fields, other }
}
