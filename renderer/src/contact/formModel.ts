import type {
  Contact,
  ContactFields,
  PostalAddress,
  Relationship,
  SocialProfile,
} from '@shared/domain'
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
  /** Comma-separated. */
  nicknames: string
  birthday: string
  connectedOn: string
  addresses: PostalAddress[]
  profiles: SocialProfile[]
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
    nicknames: '',
    birthday: '',
    connectedOn: '',
    addresses: [],
    profiles: [],
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
    nicknames: contact.nicknames.join(', '),
    birthday: contact.birthday,
    connectedOn: contact.connectedOn,
    addresses: contact.addresses,
    profiles: contact.profiles,
    stage: contact.stage,
  }
}

const splitList = (text: string, separator: RegExp) =>
  text
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean)

const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text))

/** The fields to send to the core. Validation is the core's job: its messages come back as issues. */
export function fieldsFromForm(values: ContactFormValues): ContactFields {
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
    nicknames: splitList(values.nicknames, /,/),
    birthday: values.birthday.trim(),
    connectedOn: values.connectedOn,
    // Rows left empty are dropped rather than stored as blank addresses or profiles.
    addresses: values.addresses.filter((a) =>
      [a.street, a.city, a.region, a.postalCode, a.country].some((part) => part.trim() !== ''),
    ),
    profiles: values.profiles.filter((p) => p.handle.trim() !== ''),
  }
}

/** Every field of the form, for placing the core's issues beside them. */
const EMPTY = emptyForm()
export const FIELD_NAMES: readonly FieldName[] = Object.keys(EMPTY).filter(
  (name): name is FieldName => name in EMPTY,
)
