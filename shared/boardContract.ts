import { z } from 'zod'
import {
  Contact,
  ContactFields,
  Id,
  Instant,
  LIMITS,
  Relationship,
  SavedView,
  Stage,
  Tag,
  Triage,
} from './domain'
import { BoardQuery, ContactFilter, ContactSort, GroupBy } from './query'

// Large networks: paged queries over the board, inbox and archive, counts for the column
// headers and navigation, bulk actions and saved views. shared/ipc.ts spreads it in.

/** At most this many ids per contact.bulk: one journal commit's worth. */
export const MAX_BULK_IDS = 100_000
/** At most this many contacts per contact.query page. */
export const MAX_QUERY_LIMIT = 500
/** At most this many lanes in a board.summary; the rest are counted in one "Other" lane. */
export const MAX_SUMMARY_LANES = 100
/** The key of the lane that gathers the lanes past MAX_SUMMARY_LANES. */
export const OTHER_LANE_KEY = '\u0000other'

const StageCounts = z.object({
  identified: z.number().int(),
  building: z.number().int(),
  'in-touch': z.number().int(),
  asked: z.number().int(),
  'gave-reference': z.number().int(),
  thanked: z.number().int(),
})
export type StageCounts = z.infer<typeof StageCounts>

/** Which people a query looks at: triage (default kept), filter, column and lane. */
const Selection = {
  triage: z.union([Triage, z.literal('any')]).default('kept'),
  filter: ContactFilter.optional(),
  stage: Stage.optional(),
  groupBy: GroupBy.optional(),
  /** A lane key from board.summary (with groupBy): only that lane's people. */
  lane: z
    .string()
    .max(LIMITS.short + 1)
    .optional(),
}

/** What contact.bulk may set on every selected person. */
export const BulkSet = z.strictObject({
  stage: Stage.optional(),
  relationship: Relationship.optional(),
  cadenceDays: ContactFields.shape.cadenceDays.optional(),
  credibility: ContactFields.shape.credibility.optional(),
  triage: Triage.optional(),
  snoozedUntil: Instant.nullable().optional(),
})
export type BulkSet = z.infer<typeof BulkSet>

const BulkIds = z
  .array(Id)
  .min(1, 'Select at least one person')
  .max(MAX_BULK_IDS, `At most ${MAX_BULK_IDS} people at once`)
  .superRefine((ids, ctx) => {
    const seen = new Set<string>()
    for (const id of ids) {
      if (seen.has(id)) {
        ctx.addIssue({ code: 'custom', message: `"${id}" is listed twice` })
        return
      }
      seen.add(id)
    }
  })

export const BulkInput = z
  .strictObject({
    ids: BulkIds,
    set: BulkSet.optional(),
    addTags: z.array(Tag).max(LIMITS.tags).optional(),
    removeTags: z.array(Tag).max(LIMITS.tags).optional(),
    trash: z.literal(true).optional(),
  })
  .refine(
    (input) =>
      input.trash === true ||
      (input.addTags?.length ?? 0) > 0 ||
      (input.removeTags?.length ?? 0) > 0 ||
      (input.set !== undefined && Object.values(input.set).some((v) => v !== undefined)),
    { message: 'Say what to change: set a field, add or remove tags, or trash' },
  )
export type BulkInput = z.infer<typeof BulkInput>

/** The board commands, in the same shape as the table in shared/ipc.ts. */
export const boardContract = {
  'contact.query': {
    input: z.strictObject({
      ...Selection,
      sort: ContactSort.default('manual'),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      limit: z.number().int().min(1).max(MAX_QUERY_LIMIT),
    }),
    output: z.object({ total: z.number().int(), items: z.array(Contact) }),
    mutates: false,
  },
  'contact.ids': {
    input: z.strictObject(Selection),
    output: z.object({ ids: z.array(Id) }),
    mutates: false,
  },
  'board.summary': {
    input: z.strictObject({ filter: ContactFilter.optional(), groupBy: GroupBy.optional() }),
    output: z.object({
      /** Matching kept, non-trashed people per column. */
      counts: StageCounts,
      matching: z.number().int(),
      /** Kept, non-trashed people. */
      total: z.number().int(),
      /** Only when groupBy is not none: biggest first, at most MAX_SUMMARY_LANES + "Other". */
      lanes: z.array(
        z.object({ key: z.string().max(LIMITS.short + 1), label: z.string(), counts: StageCounts }),
      ),
      /** Non-trashed people per triage state (the navigation's Inbox and Archive counts). */
      triage: z.object({
        inbox: z.number().int(),
        kept: z.number().int(),
        archived: z.number().int(),
      }),
    }),
    mutates: false,
  },
  'contact.bulk': {
    input: BulkInput,
    output: z.object({ changed: z.number().int() }),
    mutates: true,
  },
  'view.save': {
    input: z.strictObject({
      id: Id.optional(),
      name: SavedView.shape.name,
      scope: SavedView.shape.scope,
      query: BoardQuery,
    }),
    output: SavedView,
    mutates: true,
  },
  'view.delete': {
    input: z.strictObject({ id: Id }),
    output: z.object({ deleted: z.literal(true) }),
    mutates: true,
  },
} as const
