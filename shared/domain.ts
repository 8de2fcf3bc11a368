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
  nicknames: 10,
  addresses: 10,
  profiles: 20,
  stageHistory: 200,
  savedViews: 50,
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

export const Tag = z
  .string()
  .trim()
  .min(1)
  .max(LIMITS.tag, `A tag is at most ${LIMITS.tag} characters`)

/** A postal address, as vCard's ADR or an Outlook CSV's address columns carry it. */
export const PostalAddress = z.object({
  /** Home, Work or a user label. */
  label: text(LIMITS.short),
  street: text(LIMITS.short * 2),
  city: text(LIMITS.short),
  region: text(LIMITS.short),
  postalCode: text(LIMITS.phone),
  country: text(LIMITS.short),
})
export type PostalAddress = z.infer<typeof PostalAddress>

/** A postal address with every field blank: a new row in the form, or one an import fills in. */
export const emptyAddress = (): PostalAddress => ({
  label: '',
  street: '',
  city: '',
  region: '',
  postalCode: '',
  country: '',
})

/** A social or instant-messaging profile: the service and the handle or address on it. */
export const SocialProfile = z.object({
  /** For example LinkedIn, GitHub, Mastodon, Skype, Signal. */
  service: text(LIMITS.short),
  /** A handle, a user id or a URL. */
  handle: text(LIMITS.url),
})
export type SocialProfile = z.infer<typeof SocialProfile>

/** A birthday: a full date (yyyy-MM-dd), a day without year (--MM-dd), or '' when unknown. */
export const Birthday = z
  .string()
  .regex(
    /^(|\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])|--(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01]))$/,
    'Use a date like 1980-04-23, or --04-23 without the year',
  )

/**
 * Where a person is in triage: `inbox` (imported, not yet looked at), `kept` (on the board)
 * or `archived` (not now). Only kept people are on the board, in Today and in reminders.
 */
export const TRIAGE_STATES = ['inbox', 'kept', 'archived'] as const
export const Triage = z.enum(TRIAGE_STATES)
export type Triage = z.infer<typeof Triage>

/** One entry of a contact's stage history: the stage they entered and when. */
export const StageEntry = z.object({ stage: Stage, at: Instant })
export type StageEntry = z.infer<typeof StageEntry>

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
  nicknames: z.array(Tag).max(LIMITS.nicknames, `At most ${LIMITS.nicknames} nicknames`),
  birthday: Birthday,
  addresses: z.array(PostalAddress).max(LIMITS.addresses, `At most ${LIMITS.addresses} addresses`),
  profiles: z.array(SocialProfile).max(LIMITS.profiles, `At most ${LIMITS.profiles} profiles`),
  /** When the user connected with this person (LinkedIn's "Connected On"), yyyy-MM-dd or ''. */
  connectedOn: z.union([z.literal(''), z.iso.date({ message: 'Use a date like 2024-01-15' })]),
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
  nicknames: [],
  birthday: '',
  addresses: [],
  profiles: [],
  connectedOn: '',
}

/**
 * A person, as stored. Fields added after schema version 2 carry defaults, so journal lines
 * written by an older version still parse (ContactFields itself has none: a partial update
 * must never fill a default over a stored value).
 */
export const Contact = ContactFields.extend({
  nicknames: ContactFields.shape.nicknames.default([]),
  birthday: ContactFields.shape.birthday.default(''),
  addresses: ContactFields.shape.addresses.default([]),
  profiles: ContactFields.shape.profiles.default([]),
  connectedOn: ContactFields.shape.connectedOn.default(''),
  id: Id,
  stage: Stage,
  triage: Triage.default('kept'),
  /** Stages entered, oldest first (capped; the oldest entries are dropped first). */
  stageHistory: z.array(StageEntry).max(LIMITS.stageHistory).default([]),
  /** Position within its column: lower comes first. */
  order: z.number().finite(),
  createdAt: Instant,
  updatedAt: Instant,
  trashedAt: Instant.nullable(),
  snoozedUntil: Instant.nullable(),
})
export type Contact = z.infer<typeof Contact>

/** Kinds of touch. Every kind but `note` resets the keep-in-touch clock. */
export const INTERACTION_KINDS = [
  'message',
  'call',
  'meeting',
  'event',
  'help-offered',
  'help-received',
  'update-sent',
  'article-shared',
  'thank-you',
  'reference-given',
  'note',
] as const
export const InteractionKind = z.enum(INTERACTION_KINDS)
export type InteractionKind = z.infer<typeof InteractionKind>

/** One logged touch with a contact. */
export const Interaction = z.object({
  id: Id,
  contactId: Id,
  kind: InteractionKind,
  at: Instant,
  note: text(LIMITS.notes),
  /** The career update this touch delivered, for `update-sent`. */
  updateId: Id.nullable(),
  /** The reference request this touch belongs to, for `reference-given` and `thank-you`. */
  requestId: Id.nullable(),
  createdAt: Instant,
})
export type Interaction = z.infer<typeof Interaction>

export const REQUEST_STATUSES = ['asked', 'agreed', 'declined', 'given', 'withdrawn'] as const
export const RequestStatus = z.enum(REQUEST_STATUSES)
export type RequestStatus = z.infer<typeof RequestStatus>

export const OUTCOMES = ['unknown', 'got-the-job', 'did-not-get-it'] as const
export const Outcome = z.enum(OUTCOMES)
export type Outcome = z.infer<typeof Outcome>

/** One request for a reference, for one opportunity. */
export const ReferenceRequest = z.object({
  id: Id,
  contactId: Id,
  company: z.string().trim().min(1, 'Company is required').max(LIMITS.short),
  role: z.string().trim().min(1, 'Role is required').max(LIMITS.short),
  /** Calendar date (yyyy-MM-dd) by which the reference is needed. */
  dueBy: z.iso.date().nullable(),
  notes: text(LIMITS.notes),
  status: RequestStatus,
  outcome: Outcome,
  askedAt: Instant,
  givenAt: Instant.nullable(),
  /** When a thank-you is owed by, once the reference was given. */
  thankBy: Instant.nullable(),
  thankedAt: Instant.nullable(),
  createdAt: Instant,
  updatedAt: Instant,
  /**
   * The `reference-given` and `thank-you` touches that recorded givenAt and thankedAt: deleting
   * one takes back what it recorded. Added after schema version 3 with a default, so older
   * records still parse (they are matched by kind, request and instant instead).
   */
  givenTouchId: Id.nullable().default(null),
  thankTouchId: Id.nullable().default(null),
})
export type ReferenceRequest = z.infer<typeof ReferenceRequest>

/** An accomplishment or career update the user keeps references informed of. */
export const CareerUpdate = z.object({
  id: Id,
  title: z.string().trim().min(1, 'Title is required').max(LIMITS.short),
  body: text(LIMITS.notes),
  at: Instant,
  createdAt: Instant,
})
export type CareerUpdate = z.infer<typeof CareerUpdate>

/** A local wall-clock time, "HH:mm". */
export const LocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time like 09:00')

/** A keep-in-touch cadence in days; null means none. */
const CadenceDays = z.number().int().min(1).max(3650).nullable()

export const THEMES = ['system', 'light', 'dark'] as const
export const Theme = z.enum(THEMES)
export type Theme = z.infer<typeof Theme>

export const DENSITIES = ['comfortable', 'compact'] as const
export const Density = z.enum(DENSITIES)
export type Density = z.infer<typeof Density>

/** Soft work-in-progress limits per column; null means none. A drop over the limit is noted, never refused. */
const WipLimit = z.number().int().min(1).max(10_000).nullable()
const WipLimits = z.object({
  identified: WipLimit,
  building: WipLimit,
  'in-touch': WipLimit,
  asked: WipLimit,
  'gave-reference': WipLimit,
  thanked: WipLimit,
})

/**
 * A saved view: a name plus a board query (filters, sort, grouping). The query's shape is
 * owned by shared/query.ts; stored here as plain JSON validated there.
 */
export const SavedView = z.object({
  id: Id,
  name: z.string().trim().min(1, 'Name the view').max(80, 'A view name is at most 80 characters'),
  /** Which screen the view belongs to. */
  scope: z.enum(['board', 'inbox', 'archive']),
  query: z.record(z.string(), z.unknown()),
  createdAt: Instant,
})
export type SavedView = z.infer<typeof SavedView>

/** The weekly review: on/off, the weekday (0 = Sunday) and local time of its one notification. */
const WeeklyReview = z.object({
  enabled: z.boolean(),
  day: z.number().int().min(0).max(6),
  time: LocalTime,
  /** When the last review was completed, or null. */
  lastDoneAt: Instant.nullable(),
})

/** The user's preferences, with every field required (the shape settings.update patches). */
export const SettingsFields = z.object({
  /** Local time of the daily digest. */
  digestTime: LocalTime,
  /** No notifications between start and end (local times; may span midnight). */
  quietHours: z.object({ start: LocalTime, end: LocalTime }),
  notificationsEnabled: z.boolean(),
  closeToTray: z.boolean(),
  launchAtLogin: z.boolean(),
  /** Default keep-in-touch cadence in days per stage; null means no cadence in that stage. */
  cadenceByStage: z.object({
    identified: CadenceDays,
    building: CadenceDays,
    'in-touch': CadenceDays,
    asked: CadenceDays,
    'gave-reference': CadenceDays,
    thanked: CadenceDays,
  }),
  /** Days after a given reference by which a thank-you is owed. */
  thankWithinDays: z.number().int().min(0).max(60),
  /** Skills the user wants references to cover. */
  targetSkills: z.array(Tag).max(LIMITS.skills),
  /** Colour theme: follow the OS, or force light or dark. */
  theme: Theme,
  /** Card density on the board. */
  density: Density,
  wipLimits: WipLimits,
  savedViews: z.array(SavedView).max(LIMITS.savedViews, `At most ${LIMITS.savedViews} saved views`),
  weeklyReview: WeeklyReview,
})

/**
 * The user's preferences, as stored. Fields added after schema version 2 carry defaults, so
 * settings written by an older version (snapshot or journal line) still parse.
 */
export const Settings = SettingsFields.extend({
  theme: Theme.default('system'),
  density: Density.default('comfortable'),
  wipLimits: WipLimits.default({
    identified: null,
    building: null,
    'in-touch': null,
    asked: 3,
    'gave-reference': null,
    thanked: null,
  }),
  savedViews: SettingsFields.shape.savedViews.default([]),
  weeklyReview: WeeklyReview.default({ enabled: true, day: 5, time: '16:00', lastDoneAt: null }),
})
export type Settings = z.infer<typeof Settings>

export const DEFAULT_SETTINGS: Settings = {
  digestTime: '09:00',
  quietHours: { start: '21:00', end: '08:00' },
  notificationsEnabled: true,
  closeToTray: true,
  launchAtLogin: false,
  cadenceByStage: {
    identified: null,
    building: 30,
    'in-touch': 60,
    asked: 14,
    'gave-reference': 14,
    thanked: 90,
  },
  thankWithinDays: 2,
  targetSkills: [],
  theme: 'system',
  density: 'comfortable',
  wipLimits: {
    identified: null,
    building: null,
    'in-touch': null,
    asked: 3,
    'gave-reference': null,
    thanked: null,
  },
  savedViews: [],
  weeklyReview: { enabled: true, day: 5, time: '16:00', lastDoneAt: null },
}
