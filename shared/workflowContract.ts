import { z } from 'zod'
import {
  CareerUpdate,
  Contact,
  Id,
  Instant,
  Interaction,
  InteractionKind,
  LIMITS,
  Outcome,
  ReferenceRequest,
  RequestStatus,
  Settings,
  SettingsFields,
  Stage,
} from './domain'

// The reference workflow's part of the IPC contract: touches, cadence, Today, requests,
// thank-yous, career updates, coverage and external links. shared/ipc.ts spreads it in.

const Empty = z.strictObject({})
const text = (max: number) => z.string().max(max, `Must be at most ${max} characters`)
/** Strings the core computes for display: capped like stored ones. */
const Label = z.string().max(LIMITS.notes)
/** A brief holds a contact's notes and an update's body, each capped at LIMITS.notes. */
const MAX_BRIEF = 100_000
/** At most this many recipients per update.send: a bound on one journal commit. */
export const MAX_RECIPIENTS = 5000

/** The instant of a touch, and how far ahead of now it may be (a day of clock skew or time zones). */
export const MAX_TOUCH_AHEAD_MS = 24 * 60 * 60 * 1000

/** Where a contact stands against its cadence, as shared/cadence.ts touchStatus computes it. */
export const TouchStatusOutput = z.object({
  state: z.enum(['none', 'ok', 'due', 'overdue']),
  daysSince: z.number().int().nullable(),
  daysSinceTouch: z.number().int().nullable(),
  dueOn: z.iso.date().nullable(),
  dueAt: Instant.nullable(),
  cadenceDays: z.number().int().nullable(),
  snoozed: z.boolean(),
})

/** Readiness with its explained parts (shared/readiness.ts). */
export const ReadinessOutput = z.object({
  score: z.number(),
  parts: z.array(
    z.object({ label: Label, points: z.number(), max: z.number(), explanation: Label }),
  ),
})

/** What a card shows beyond the contact itself. */
export const ContactInsight = z.object({
  contactId: Id,
  touch: TouchStatusOutput,
  lastTouchAt: Instant.nullable(),
  readiness: ReadinessOutput,
  lastUpdateHeard: z.object({ id: Id, title: text(LIMITS.short), at: Instant }).nullable(),
})
export type ContactInsight = z.infer<typeof ContactInsight>

/** Per-contact insights for the whole board, with the core's clock so the UI never uses its own. */
export const BoardInsights = z.object({
  now: Instant,
  latestUpdateId: Id.nullable(),
  contacts: z.array(ContactInsight),
})
export type BoardInsights = z.infer<typeof BoardInsights>

const TodayCommon = { contactId: Id, name: Label, stage: Stage }

/** The Today view (shared/today.ts computeToday). */
export const TodayOutput = z.object({
  overdue: z.array(
    z.object({
      ...TodayCommon,
      state: z.enum(['due', 'overdue']),
      daysSince: z.number().int(),
      daysSinceTouch: z.number().int().nullable(),
      cadenceDays: z.number().int(),
      daysOverdue: z.number().int(),
      dueOn: z.iso.date(),
    }),
  ),
  dueSoon: z.array(
    z.object({
      ...TodayCommon,
      daysSince: z.number().int(),
      daysSinceTouch: z.number().int().nullable(),
      cadenceDays: z.number().int(),
      daysUntilDue: z.number().int(),
      dueOn: z.iso.date(),
    }),
  ),
  thanksOwed: z.array(
    z.object({
      requestId: Id,
      contactId: Id,
      name: Label,
      role: Label,
      company: Label,
      thankBy: Instant.nullable(),
      overdue: z.boolean(),
      daysLeft: z.number().int().nullable(),
    }),
  ),
  requestFollowUps: z.array(
    z.object({
      requestId: Id,
      contactId: Id,
      name: Label,
      role: Label,
      company: Label,
      status: RequestStatus,
      reason: z.enum(['past-due', 'due-soon', 'no-answer']),
      dueBy: z.iso.date().nullable(),
      daysUntilDue: z.number().int().nullable(),
      daysSinceAsked: z.number().int(),
    }),
  ),
  /** How many items each whole section holds (the lists above stop at the requested limit). */
  counts: z.object({
    overdue: z.number().int(),
    dueSoon: z.number().int(),
    thanksOwed: z.number().int(),
    requestFollowUps: z.number().int(),
  }),
})
export type TodayOutput = z.infer<typeof TodayOutput>

/** Items per Today section when today.get is not told how many. */
export const TODAY_DEFAULT_LIMIT = 50
/** At most this many ids per board.insights. */
export const MAX_INSIGHT_IDS = 1000

/** The coverage matrix (shared/coverage.ts). */
export const CoverageOutput = z.object({
  rows: z.array(
    z.object({
      skill: Label,
      contacts: z.array(z.object({ contactId: Id, name: Label })),
      gap: z.boolean(),
    }),
  ),
  overAsked: z.array(z.object({ contactId: Id, name: Label, askedCount: z.number().int() })),
})

/** settings.update: any part of Settings; quietHours and cadenceByStage merge field by field. */
// Built on SettingsFields, which has no defaults: a patch must never fill one in.
export const SettingsPatch = SettingsFields.extend({
  quietHours: SettingsFields.shape.quietHours.partial().strict(),
  cadenceByStage: SettingsFields.shape.cadenceByStage.partial().strict(),
  wipLimits: SettingsFields.shape.wipLimits.partial().strict(),
  weeklyReview: SettingsFields.shape.weeklyReview.partial().strict(),
})
  .partial()
  .strict()
export type SettingsPatch = z.infer<typeof SettingsPatch>

const Note = text(LIMITS.notes)
const DueBy = z.iso.date({ message: 'Use a date like 2025-03-31' }).nullable()

/** The workflow commands, in the same shape as the table in shared/ipc.ts. */
export const workflowContract = {
  'interaction.log': {
    input: z.strictObject({
      contactId: Id,
      kind: InteractionKind,
      at: Instant.optional(),
      note: Note.default(''),
      /** For a thank-you: the request it thanks for; otherwise the given, unthanked ones. */
      requestId: Id.optional(),
    }),
    output: Interaction,
    mutates: true,
  },
  'interaction.list': {
    input: z.strictObject({ contactId: Id }),
    output: z.array(Interaction),
    mutates: false,
  },
  'interaction.update': {
    input: z.strictObject({
      id: Id,
      kind: InteractionKind.optional(),
      at: Instant.optional(),
      note: Note.optional(),
    }),
    output: Interaction,
    mutates: true,
  },
  'interaction.delete': {
    input: z.strictObject({ id: Id }),
    /** The deleted touch, and the requests it took back (thanks owed again, a reference reopened). */
    output: Interaction.extend({ takenBack: z.array(ReferenceRequest) }),
    mutates: true,
  },
  'contact.snooze': {
    input: z.strictObject({ id: Id, until: Instant.nullable() }),
    output: Contact,
    mutates: true,
  },
  'settings.get': { input: Empty, output: Settings, mutates: false },
  'settings.update': { input: SettingsPatch, output: Settings, mutates: true },
  'today.get': {
    input: z.strictObject({
      /** Items per section, by priority; `counts` still counts whole sections. */
      limit: z.number().int().min(1).max(500).default(TODAY_DEFAULT_LIMIT),
    }),
    output: TodayOutput,
    mutates: false,
  },
  'board.insights': {
    input: z.strictObject({
      /** Only these contacts (unknown ids are left out); without ids, every kept person. */
      ids: z.array(Id).max(MAX_INSIGHT_IDS, `At most ${MAX_INSIGHT_IDS} ids`).optional(),
    }),
    output: BoardInsights,
    mutates: false,
  },
  'coverage.get': { input: Empty, output: CoverageOutput, mutates: false },
  'request.create': {
    input: z.strictObject({
      contactId: Id,
      company: ReferenceRequest.shape.company,
      role: ReferenceRequest.shape.role,
      dueBy: DueBy.optional(),
      notes: Note.default(''),
    }),
    output: ReferenceRequest,
    mutates: true,
  },
  'request.update': {
    input: z.strictObject({
      id: Id,
      status: RequestStatus.optional(),
      outcome: Outcome.optional(),
      company: ReferenceRequest.shape.company.optional(),
      role: ReferenceRequest.shape.role.optional(),
      dueBy: DueBy.optional(),
      notes: Note.optional(),
    }),
    output: ReferenceRequest,
    mutates: true,
  },
  'request.list': {
    input: z.strictObject({ contactId: Id.optional() }),
    output: z.array(ReferenceRequest),
    mutates: false,
  },
  'request.brief': {
    input: z.strictObject({ id: Id }),
    output: z.object({ markdown: z.string().max(MAX_BRIEF), fileName: text(LIMITS.short) }),
    mutates: false,
  },
  'update.create': {
    input: z.strictObject({
      title: CareerUpdate.shape.title,
      body: Note.default(''),
      at: Instant.optional(),
    }),
    output: CareerUpdate,
    mutates: true,
  },
  'update.list': { input: Empty, output: z.array(CareerUpdate), mutates: false },
  'update.send': {
    input: z.strictObject({
      updateId: Id,
      contactIds: z
        .array(Id)
        .min(1, 'Pick at least one recipient')
        .max(MAX_RECIPIENTS, `At most ${MAX_RECIPIENTS} recipients at once`),
    }),
    output: z.array(Interaction),
    mutates: true,
  },
  'link.open': {
    input: z.strictObject({ url: z.string().max(LIMITS.url * 4) }),
    output: z.object({ opened: z.boolean() }),
    mutates: false,
  },
} as const
