import { z } from 'zod'
import { Id, Instant, InteractionKind, LIMITS, Stage } from './domain'
import { ExportFile } from './importContract'

// The dashboard, the weekly review and the calendar export: their part of the IPC contract.
// shared/ipc.ts spreads it in.

const Count = z.number().int().min(0)
const Label = z.string().max(LIMITS.name)
const Day = z.iso.date()

/** Most weeks one dashboard.get returns: five years. */
export const MAX_DASHBOARD_WEEKS = 261

const StageCounts = z.record(Stage, z.number().int())
const TouchCounts = z.record(InteractionKind, Count)

/** dashboard.get's input: local calendar days; the default is the 52 weeks up to today. */
export const DashboardInput = z
  .strictObject({ from: Day.optional(), to: Day.optional() })
  .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, {
    message: 'The start must not be after the end',
    path: ['from'],
  })

/** One local week (Monday start) of the series; see shared/dashboard.ts WeekPoint. */
export const DashboardWeek = z.object({
  start: Day,
  stages: StageCounts,
  touches: TouchCounts,
  overdue: z.number().int(),
  added: Count,
  moves: Count,
})

export const Timeliness = z.object({
  counted: Count,
  onTime: Count,
  late: Count,
  pending: Count,
  shareOnTime: z.number().min(0).max(1).nullable(),
  medianDays: z.number().min(0).nullable(),
})

export const ReferenceTotals = z.object({
  asked: Count,
  given: Count,
  thanked: Count,
  timeliness: Timeliness,
})

const PersonRef = z.object({ contactId: Id, name: Label })
const UpdateRef = z.object({ id: Id, title: Label, at: Instant })

/** Weekly series and totals for the dashboard. */
export const DashboardOutput = z.object({
  /** The core's clock, so the UI never uses its own. */
  now: Instant,
  /** First and last week shown (their Mondays). */
  from: Day,
  to: Day,
  weeks: z.array(DashboardWeek).max(MAX_DASHBOARD_WEEKS),
  totals: z.object({
    /** People on the board now, and per stage. */
    people: Count,
    byStage: StageCounts,
    /** People overdue for a touch now (1.5 × cadence). */
    overdue: Count,
    /** Touches logged in the weeks shown. */
    touches: Count,
    /** The calendar year of `to`, and the references asked, given and thanked in it. */
    year: z.number().int(),
    references: ReferenceTotals,
    /** Target skills nobody on the board can vouch for. */
    coverage: z.object({ skills: Count, gaps: z.array(Label).max(LIMITS.skills) }),
    /** The newest career update and who on the board (past Identified) has not heard it. */
    latestUpdate: UpdateRef.nullable(),
    notHeard: z.object({ count: Count, people: z.array(PersonRef).max(50) }),
  }),
  /** The weekly review: whether this week's is waiting, and when one was last done. */
  review: z.object({ due: z.boolean(), lastDoneAt: Instant.nullable() }),
})
export type DashboardOutput = z.infer<typeof DashboardOutput>
export type DashboardWeek = z.infer<typeof DashboardWeek>

/** A person the review suggests reconnecting with. */
export const ReconnectPerson = PersonRef.extend({
  title: Label,
  company: Label,
  stage: Stage,
  daysSince: z.number().int(),
  cadenceDays: z.number().int(),
  credibility: z.number().int().nullable(),
})

/** Everything the weekly review walks through. */
export const WeeklyReviewOutput = z.object({
  now: Instant,
  /** Monday of the week under review. */
  weekStart: Day,
  lastDoneAt: Instant.nullable(),
  /** What happened this week, up to now. */
  happened: z.object({
    touches: Count,
    byKind: TouchCounts,
    added: Count,
    moves: Count,
    asked: Count,
    given: Count,
    thanked: Count,
  }),
  overdue: z.object({
    count: Count,
    people: z
      .array(PersonRef.extend({ daysSince: z.number().int(), cadenceDays: z.number().int() }))
      .max(20),
  }),
  thanksOwed: z
    .array(
      PersonRef.extend({
        requestId: Id,
        company: Label,
        role: Label,
        thankBy: Instant.nullable(),
        overdue: z.boolean(),
      }),
    )
    .max(100),
  /** Three people to reconnect with: most overdue relative to their cadence × credibility. */
  reconnect: z.array(ReconnectPerson).max(3),
  latestUpdate: UpdateRef.nullable(),
  notHeard: Count,
})
export type WeeklyReviewOutput = z.infer<typeof WeeklyReviewOutput>

/** The dashboard, weekly review and calendar commands. */
export const dashboardContract = {
  'dashboard.get': { input: DashboardInput, output: DashboardOutput, mutates: false },
  'review.get': { input: z.strictObject({}), output: WeeklyReviewOutput, mutates: false },
  'review.complete': {
    input: z.strictObject({}),
    output: z.object({ lastDoneAt: Instant }),
    mutates: true,
  },
  'export.ics': {
    input: z.strictObject({ keepInTouch: z.boolean().default(false) }),
    output: ExportFile,
    mutates: false,
  },
  'request.ics': { input: z.strictObject({ id: Id }), output: ExportFile, mutates: false },
} as const
