import { z } from 'zod'
import { STAGE_IDS } from './stages'

/** Length caps: every string that is stored or crosses IPC has one. */
export const LIMITS = {
  id: 64,
  name: 200,
  short: 200,
  email: 320,
  phone: 64,
  url: 2048,
  links: 20,
  tag: 50,
  tags: 50,
  howWeMet: 2000,
  notes: 20_000,
  skills: 30,
} as const

/** An ISO-8601 instant in UTC, as stored and sent over IPC. */
export const Instant = z.iso.datetime({ offset: true })
export type Instant = z.infer<typeof Instant>

export const Id = z.string().min(1).max(LIMITS.id)

export const Stage = z.enum(STAGE_IDS)
export type Stage = z.infer<typeof Stage>

export const RELATIONSHIPS = [
  'former-manager',
  'manager',
  'colleague',
  'direct-report',
  'mentor',
  'teacher',
  'client',
  'community-leader',
  'friend',
  'other',
] as const

export const Relationship = z.enum(RELATIONSHIPS)
export type Relationship = z.infer<typeof Relationship>

const RELATIONSHIP_LABELS: Record<Relationship, string> = {
  'former-manager': 'Former manager',
  manager: 'Manager',
  colleague: 'Colleague',
  'direct-report': 'Direct report',
  mentor: 'Mentor',
  teacher: 'Teacher',
  client: 'Client',
  'community-leader': 'Community leader',
  friend: 'Friend',
  other: 'Other',
}

/** Human label of a relationship. */
export function relationshipLabel(r: Relationship): string {
  return RELATIONSHIP_LABELS[r]
}

const text = (max: number) => z.string().max(max, `Must be at most ${max} characters`)

/** A contact's name: required, trimmed, capped. */
export const Name = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(LIMITS.name, `Name must be at most ${LIMITS.name} characters`)

export const Tag = z.string().trim().min(1).max(LIMITS.tag, `A tag is at most ${LIMITS.tag} characters`)

/** The editable fields of a contact: what a form or an import can set. */
export const ContactFields = z.object({
  name: Name,
  title: text(LIMITS.short),
  company: text(LIMITS.short),
  relationship: Relationship,
  field: text(LIMITS.short),
  email: text(LIMITS.email),
  phone: text(LIMITS.phone),
  links: z.array(text(LIMITS.url)).max(LIMITS.links, `At most ${LIMITS.links} links`),
  howWeMet: text(LIMITS.howWeMet),
  notes: text(LIMITS.notes),
  tags: z.array(Tag).max(LIMITS.tags, `At most ${LIMITS.tags} tags`),
  /** Keep-in-touch cadence in days; null means the stage default applies. */
  cadenceDays: z.number().int().min(1).max(3650).nullable(),
  /** How credible this person is in the user's field, 1–5; null when not rated. */
  credibility: z.number().int().min(1).max(5).nullable(),
  /** Skills this person can vouch for. */
  skills: z.array(Tag).max(LIMITS.skills, `At most ${LIMITS.skills} skills`),
  /** Years worked together, for example "2019–2022". */
  workedTogether: text(LIMITS.short),
})
export type ContactFields = z.infer<typeof ContactFields>

/** Values of the optional fields when a contact is created without them. */
export const DEFAULT_CONTACT_FIELDS: Omit<ContactFields, 'name'> = {
  title: '',
  company: '',
  relationship: 'other',
  field: '',
  email: '',
  phone: '',
  links: [],
  howWeMet: '',
  notes: '',
  tags: [],
  cadenceDays: null,
  credibility: null,
  skills: [],
  workedTogether: '',
}

/** A person on the board. */
export const Contact = ContactFields.extend({
  id: Id,
  stage: Stage,
  /** Position within its column: lower comes first. */
  order: z.number().finite(),
  createdAt: Instant,
  updatedAt: Instant,
  trashedAt: Instant.nullable(),
  snoozedUntil: Instant.nullable(),
})
export type Contact = z.infer<typeof Contact>
