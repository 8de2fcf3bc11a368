import { LIMITS, type Contact, type Triage } from '@shared/domain'
import type { Handlers, ParsedInput } from '@shared/ipc'
import { MAX_SUMMARY_LANES, OTHER_LANE_KEY, type StageCounts } from '@shared/boardContract'
import {
  compareContacts,
  compileFilter,
  dueStateOf,
  lanesOf,
  normalizeSearch,
  sortNeedsFacts,
  type ContactFacts,
  type ContactFilter,
  type ContactSort,
  type FilterLookup,
  type GroupBy,
  type NormalizedContact,
  narrows,
} from '@shared/query'
import { enterStage } from '@shared/stageHistory'
import { STAGE_IDS, stageLabel, type StageId } from '@shared/stages'
import { DomainError } from '@shared/result'
import { BoardQuery } from '@shared/query'
import type { ContactInsights } from '../derived/insights'
import type { NormalizedIndex } from '../derived/normalizedIndex'
import type { TodayIndex } from '../derived/todayIndex'
import type { TouchIndex } from '../derived/touchIndex'
import type { Op } from '../store/ops'
import { byBoardOrder } from './contacts'
import { commit, type HandlerContext } from './context'
import { latestUpdate } from './requests'
import { invalid } from './workflowSupport'

/** What the board handlers need beyond the HandlerContext. */
export interface BoardDeps {
  insights: ContactInsights
  normalized: NormalizedIndex
  today: TodayIndex
  touches: TouchIndex
}

type Selection = Pick<
  ParsedInput<'contact.query'>,
  'triage' | 'filter' | 'stage' | 'groupBy' | 'lane'
>

const emptyCounts = (): StageCounts => ({
  identified: 0,
  building: 0,
  'in-touch': 0,
  asked: 0,
  'gave-reference': 0,
  thanked: 0,
})

/** People a search looks at per event-loop turn (see Slicer): about a millisecond at 50k. */
export const SEARCH_SLICE = 1000

/** People a bulk looks at per event-loop turn (see Slicer). */
export const BULK_SLICE = 100

const plural = (n: number) => (n === 1 ? '1 person' : `${n.toLocaleString('en')} people`)

/**
 * Queries over many people (paged lists, ids, counts), bulk changes and saved views.
 * Reads walk the BoardIndex of the triage asked for, which is kept in board order, with each
 * contact's normalized text cached (NormalizedIndex) and its touch facts cached for the day.
 */
export function boardHandlers(
  ctx: HandlerContext,
  deps: BoardDeps,
): Pick<
  Handlers,
  'contact.query' | 'contact.ids' | 'board.summary' | 'contact.bulk' | 'view.save' | 'view.delete'
> {
  const { state } = ctx.store

  /**
   * Facts for filters and sorts, per query. Touch status comes from the TodayIndex (kept for
   * the day); readiness, which looks at every touch, is computed only for a readiness sort.
   */
  const factsFor = (withReadiness: boolean) => {
    const now = ctx.now()
    const latestId = latestUpdate(state.updates)?.id ?? null
    const openRequests = new Set<string>()
    for (const r of state.requests.values()) {
      if (r.status === 'asked' || r.status === 'agreed') openRequests.add(r.contactId)
    }
    return (contact: Contact): ContactFacts => {
      const status = deps.today.statusOf(contact.id, now)
      if (status === null || withReadiness) {
        // Not on the board (inbox, archive), or the readiness is asked for.
        const insight = deps.insights.of(contact, now, latestId)
        return {
          dueState: dueStateOf(insight.touch, now),
          hasOpenRequest: openRequests.has(contact.id),
          readiness: insight.readiness.score,
          lastTouchAt: insight.lastTouchAt,
          dueAt: insight.touch.dueAt,
        }
      }
      return {
        dueState: dueStateOf(status, now),
        hasOpenRequest: openRequests.has(contact.id),
        readiness: 0,
        lastTouchAt: deps.touches.lastTouchOf(contact.id),
        dueAt: status.dueAt,
      }
    }
  }

  /** The contacts of a triage state (or all), non-trashed, in board order. */
  const candidates = (triage: Triage | 'any', stage: StageId | undefined): readonly Contact[] => {
    const boards = triage === 'any' ? Object.values(ctx.boards) : [ctx.boards[triage]]
    if (boards.length === 1 && boards[0]) {
      return stage === undefined ? boards[0].all() : boards[0].column(stage)
    }
    const out: Contact[] = []
    for (const board of boards) {
      if (stage === undefined) out.push(...board.all())
      else out.push(...board.column(stage))
    }
    return out.sort(byBoardOrder)
  }

  /** The last text search, so the next keystroke can look at its matches only. */
  let lastSearch: {
    key: string
    words: readonly string[]
    version: number
    matches: readonly Contact[]
  } | null = null

  /**
   * The people a selection matches, in board order. The scan runs SEARCH_SLICE people per
   * event-loop turn; being a command, it sees no other command's change meanwhile.
   */
  const select = async (selection: Selection): Promise<Contact[]> => {
    const filter = compileFilter(selection.filter)
    const groupBy: GroupBy = selection.groupBy ?? 'none'
    const lane = groupBy === 'none' ? undefined : selection.lane
    const facts = filter.needsFacts ? factsFor(false) : null
    // The normalized text of the card being tested, when a board scan hands it over.
    let scanned: Contact | null = null
    let scannedText: NormalizedContact | null = null
    const normalizedOf = (contact: Contact) =>
      scanned === contact && scannedText !== null ? scannedText : deps.normalized.of(contact)
    const lookup: FilterLookup = {
      facts: (contact) => (facts ? facts(contact) : noFacts),
      normalized: normalizedOf,
    }
    // Typing narrows a search: while nothing changed, the next keystroke only needs to look
    // at the previous one's matches. Due filters follow the clock, so they always look again.
    const searching = filter.words.length > 0 && !filter.needsFacts
    const key = JSON.stringify({ ...selection, filter: { ...selection.filter, text: undefined } })
    const version = deps.normalized.version
    const previous = lastSearch
    const narrowed =
      searching &&
      previous !== null &&
      previous.key === key &&
      previous.version === version &&
      narrows(previous.words, filter.words)
    const out: Contact[] = []
    const visit = (contact: Contact) => {
      if (!filter.empty && !filter.test(contact, lookup)) return
      if (lane !== undefined) {
        const lanes = lanesOf(contact, groupBy, normalizedOf(contact))
        if (!lanes.some((l) => l.key === lane)) return
      }
      out.push(contact)
    }
    const { slicer } = ctx
    const visitAll = async (contacts: readonly Contact[]) => {
      for (const contact of contacts) {
        visit(contact)
        if (slicer.full(SEARCH_SLICE)) await slicer.pause()
      }
      slicer.close()
    }
    if (narrowed) {
      await visitAll(previous.matches)
    } else if (selection.triage !== 'any') {
      // One board, walked with each card's cached text slot by slot.
      await ctx.boards[selection.triage].scan(
        selection.stage,
        (contact, text) => {
          scanned = contact
          scannedText = text
          visit(contact)
        },
        slicer,
        SEARCH_SLICE,
      )
    } else {
      await visitAll(candidates(selection.triage, selection.stage))
    }
    if (searching) lastSearch = { key, words: filter.words, version, matches: out }
    return out
  }

  const sorted = (contacts: Contact[], sort: ContactSort): Contact[] => {
    if (sort === 'manual') return contacts
    const facts = sortNeedsFacts(sort) ? factsFor(sort === 'readiness') : null
    const compare = compareContacts(sort)
    return contacts
      .map((contact) => ({ contact, facts: facts ? facts(contact) : noFacts }))
      .sort(compare)
      .map((s) => s.contact)
  }

  return {
    'contact.query': async ({ sort, offset, limit, ...selection }) => {
      const matches = await select(selection)
      const items = sorted(matches, sort).slice(offset, offset + limit)
      return { total: matches.length, items }
    },

    'contact.ids': async (selection) => ({ ids: (await select(selection)).map((c) => c.id) }),

    'board.summary': ({ filter, groupBy = 'none' }) => summary(ctx, deps, filter, groupBy, select),

    'contact.bulk': (input) => bulk(ctx, deps, input),

    'view.save': async ({ id, name, scope, query }) => {
      const before = state.settings
      const views = before.savedViews
      const existing = id === undefined ? undefined : views.find((v) => v.id === id)
      if (id !== undefined && !existing)
        throw new DomainError('not-found', 'That saved view no longer exists.')
      if (!existing && views.length >= LIMITS.savedViews)
        throw invalid('name', `At most ${LIMITS.savedViews} saved views; delete one first.`)
      const sameName = views.find(
        (v) => v.id !== id && v.scope === scope && sameViewName(v.name, name),
      )
      if (sameName) {
        const message = `A view named “${sameName.name}” already exists: pick another name, or replace that view.`
        throw new DomainError('conflict', message, [{ path: 'name', message }])
      }
      const view = {
        id: existing?.id ?? ctx.newId(),
        name,
        scope,
        query: BoardQuery.parse(query),
        createdAt: existing?.createdAt ?? ctx.now().toISOString(),
      }
      const savedViews = existing
        ? views.map((v) => (v.id === view.id ? view : v))
        : [...views, view]
      const after = { ...before, savedViews }
      const ops: Op[] = [{ op: 'settings', value: after }]
      await commit(ctx, ops)
      ctx.undo.push({
        label: !existing
          ? `Save the view ${name}`
          : existing.name !== name
            ? `Rename the view ${existing.name} to ${name}`
            : `Change the view ${name}`,
        undo: [{ op: 'settings', value: before }],
        redo: ops,
      })
      return view
    },

    'view.delete': async ({ id }) => {
      const before = state.settings
      const view = before.savedViews.find((v) => v.id === id)
      if (!view) throw new DomainError('not-found', 'That saved view no longer exists.')
      const after = { ...before, savedViews: before.savedViews.filter((v) => v.id !== id) }
      const ops: Op[] = [{ op: 'settings', value: after }]
      await commit(ctx, ops)
      ctx.undo.push({
        label: `Delete the view ${view.name}`,
        undo: [{ op: 'settings', value: before }],
        redo: ops,
      })
      return { deleted: true as const }
    },
  }
}

/** Two view names are the same when they differ only in case, accents or spacing. */
function sameViewName(a: string, b: string): boolean {
  return normalizeSearch(a) === normalizeSearch(b)
}

/** Facts for queries that need none: never read (the filter and sort do not ask). */
const noFacts: ContactFacts = {
  dueState: 'never',
  hasOpenRequest: false,
  readiness: 0,
  lastTouchAt: null,
  dueAt: null,
}

async function summary(
  ctx: HandlerContext,
  deps: BoardDeps,
  filter: ContactFilter | undefined,
  groupBy: GroupBy,
  select: (selection: Selection) => Promise<Contact[]>,
) {
  const kept = ctx.boards.kept
  const triage = {
    inbox: ctx.boards.inbox.size,
    kept: kept.size,
    archived: ctx.boards.archived.size,
  }
  const counts = emptyCounts()
  const compiled = compileFilter(filter)
  let matching = 0
  if (compiled.empty && groupBy === 'none') {
    for (const stage of STAGE_IDS) counts[stage] = kept.column(stage).length
    matching = kept.size
    return { counts, matching, total: kept.size, lanes: [], triage }
  }
  const matches = compiled.empty ? kept.all() : await select({ triage: 'kept', filter })
  const lanes = new Map<string, { key: string; label: string; counts: StageCounts; n: number }>()
  for (const contact of matches) {
    counts[contact.stage]++
    matching++
    if (groupBy === 'none') continue
    for (const lane of lanesOf(contact, groupBy, deps.normalized.of(contact))) {
      let entry = lanes.get(lane.key)
      if (!entry) lanes.set(lane.key, (entry = { ...lane, counts: emptyCounts(), n: 0 }))
      entry.counts[contact.stage]++
      entry.n++
    }
  }
  const ordered = [...lanes.values()].sort(
    (a, b) => b.n - a.n || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  )
  const shown = ordered.slice(0, MAX_SUMMARY_LANES)
  const rest = ordered.slice(MAX_SUMMARY_LANES)
  const out = shown.map(({ key, label, counts: c }) => ({ key, label, counts: c }))
  if (rest.length > 0) {
    const other = emptyCounts()
    for (const lane of rest) for (const stage of STAGE_IDS) other[stage] += lane.counts[stage]
    out.push({ key: OTHER_LANE_KEY, label: `Other (${rest.length} more)`, counts: other })
  }
  return { counts, matching, total: kept.size, lanes: out, triage }
}

/** Tags with `add` added and `remove` removed, compared accent- and case-insensitively. */
function editTags(tags: readonly string[], add: readonly string[], remove: readonly string[]) {
  const removing = new Set(remove.map(normalizeSearch))
  const out = tags.filter((t) => !removing.has(normalizeSearch(t)))
  const present = new Set(out.map(normalizeSearch))
  for (const tag of add) {
    const key = normalizeSearch(tag)
    if (present.has(key) || removing.has(key)) continue
    present.add(key)
    out.push(tag.trim())
  }
  return out
}

/** Whether a bulk left a person as they were (only the fields a bulk may change are compared). */
function unchanged(before: Contact, after: Contact): boolean {
  return (
    before.stage === after.stage &&
    before.triage === after.triage &&
    before.relationship === after.relationship &&
    before.cadenceDays === after.cadenceDays &&
    before.credibility === after.credibility &&
    before.snoozedUntil === after.snoozedUntil &&
    before.trashedAt === after.trashedAt &&
    before.tags === after.tags
  )
}

/**
 * contact.bulk: every id checked first (an unknown or trashed id refuses the whole command),
 * then one commit and one undo step. People who change stage or come onto the board go to the
 * end of their column in their current relative order, through enterStage.
 */
async function bulk(ctx: HandlerContext, deps: BoardDeps, input: ParsedInput<'contact.bulk'>) {
  const contacts = ctx.store.state.contacts
  const { slicer } = ctx
  const people: Contact[] = []
  for (const id of input.ids) {
    const contact = contacts.get(id)
    if (!contact)
      throw new DomainError('not-found', `No contact has the id "${id}"; nothing was changed.`)
    if (contact.trashedAt !== null)
      throw new DomainError('not-found', `${contact.name} is in the trash; nothing was changed.`)
    people.push(contact)
    if (slicer.full(BULK_SLICE * 4)) await slicer.pause()
  }
  const now = ctx.now().toISOString()
  const set = input.set ?? {}
  const add = input.addTags ?? []
  const remove = input.removeTags ?? []

  const after = new Map<string, Contact>()
  /** People who enter a column (new stage, or onto the board), in their current order. */
  const entering = new Map<StageId, Contact[]>()
  for (const before of [...people].sort(byBoardOrder)) {
    let next: Contact = { ...before }
    if (set.relationship !== undefined) next.relationship = set.relationship
    if (set.cadenceDays !== undefined) next.cadenceDays = set.cadenceDays
    if (set.credibility !== undefined) next.credibility = set.credibility
    if (set.snoozedUntil !== undefined) next.snoozedUntil = set.snoozedUntil
    if (add.length > 0 || remove.length > 0) {
      const tags = editTags(before.tags, add, remove)
      if (tags.length > LIMITS.tags)
        throw invalid(
          'addTags',
          `${before.name} would have ${tags.length} tags; a person has at most ${LIMITS.tags}. Nothing was changed.`,
        )
      if (tags.length !== before.tags.length || tags.some((t, i) => t !== before.tags[i]))
        next.tags = tags
    }
    const triage = set.triage ?? before.triage
    const stage =
      set.stage ?? (before.triage === 'inbox' && triage === 'kept' ? 'identified' : before.stage)
    next.triage = triage
    if (input.trash === true) next.trashedAt = now
    next = enterStage(next, stage, now)
    const entersColumn =
      next.trashedAt === null &&
      triage === 'kept' &&
      (before.triage !== 'kept' || before.stage !== stage)
    if (entersColumn) {
      const list = entering.get(stage)
      if (list) list.push(next)
      else entering.set(stage, [next])
    }
    if (!unchanged(before, next)) after.set(next.id, next)
    if (slicer.full(BULK_SLICE)) await slicer.pause()
  }
  for (const [stage, list] of entering) {
    const column = ctx.boards.kept.column(stage)
    let order = 0
    for (let i = column.length - 1; i >= 0; i--) {
      const last = column[i]
      if (last && !after.has(last.id)) {
        order = Math.floor(last.order) + 1
        break
      }
    }
    for (const person of list) {
      const placed = { ...(after.get(person.id) ?? person), order: order++ }
      after.set(person.id, placed)
    }
  }
  if (after.size === 0) return { changed: 0 }
  const redo: Op[] = []
  const undo: Op[] = []
  for (const value of after.values()) {
    redo.push({ op: 'put', coll: 'contacts', value })
    const before = contacts.get(value.id)
    if (before) undo.push({ op: 'put', coll: 'contacts', value: before })
  }
  await commit(ctx, redo)
  ctx.undo.push({ label: bulkLabel(input, after.size), undo, redo })
  // Today's entries of the changed people, brought up to date here in slices rather than by
  // the next read in one go.
  await deps.today.settle(ctx.now(), slicer)
  return { changed: after.size }
}

function bulkLabel(input: ParsedInput<'contact.bulk'>, changed: number): string {
  const who = plural(changed)
  if (input.trash === true) return `Delete ${who}`
  const set = input.set ?? {}
  if (set.stage !== undefined) return `Move ${who} to ${stageLabel(set.stage)}`
  if (set.triage === 'kept') return `Keep ${who}`
  if (set.triage === 'archived') return `Archive ${who}`
  if (set.triage === 'inbox') return `Send ${who} back to the inbox`
  if (input.addTags?.length && !input.removeTags?.length) return `Tag ${who}`
  if (set.snoozedUntil !== undefined)
    return set.snoozedUntil === null ? `Unsnooze ${who}` : `Snooze ${who}`
  return `Edit ${who}`
}
