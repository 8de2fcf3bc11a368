import { localDateKey, touchStatus, type TouchStatus } from '@shared/cadence'
import type { Contact, Settings } from '@shared/domain'
import {
  dueSoonOrder,
  overdueOrder,
  touchItemOf,
  type DueSoonItem,
  type OverdueItem,
} from '@shared/today'
import type { Op } from '../store/ops'
import type { StoreIndex, StoreState } from '../store/store'
import { mergeSorted, partitionPoint } from './sorted'
import type { TouchIndex } from './touchIndex'
import type { Slicer } from '../slices/slicer'

/** What the index holds for one kept contact on one day. */
interface Entry {
  /** The record and last touch the entry was computed from. */
  contact: Contact
  lastTouchAt: string | null
  status: TouchStatus
  overdue: OverdueItem | null
  dueSoon: DueSoonItem | null
  /** When the contact is snoozed: the instant (ms) the snooze ends and the entry goes stale. */
  snoozeEnds: number | null
}

/** The lists of one day, as built (or being built) for it. */
interface DayLists {
  day: string
  entries: Map<string, Entry>
  overdue: OverdueItem[]
  dueSoon: DueSoonItem[]
  /** Snoozed contacts: id → when the snooze ends (ms), when their entry goes stale. */
  snoozed: Map<string, number>
}

/** A build of a day's lists in slices, in the background. */
interface Warming {
  lists: DayLists
  now: Date
  cursor: Iterator<Contact>
}

const dayOf = localDateKey

function isOwned(value: unknown): value is { contactId: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'contactId' in value &&
    typeof value.contactId === 'string'
  )
}

/** Changes folded in one by one up to this many; more are merged in one pass. */
const BATCH = 64
/** Changed people folded in per slice of settle, each spliced into place. */
const SETTLE_SLICE = 32
/** Contacts per slice of a day's build inside settle. */
const WARM_SLICE = 1000

function removeFrom<T>(list: T[], item: T, order: (a: T, b: T) => number): void {
  const found = partitionPoint(list, (probe) => order(probe, item) < 0)
  const at = list[found] === item ? found : list.indexOf(item)
  if (at >= 0) list.splice(at, 1)
}

function insertInto<T>(list: T[], item: T, order: (a: T, b: T) => number): void {
  list.splice(
    partitionPoint(list, (probe) => order(probe, item) < 0),
    0,
    item,
  )
}

/**
 * Today's touch sections (overdue and due soon, in priority order) and each kept person's touch
 * status, for the current local day. A status only changes when the day turns, when the contact
 * or its touches change, or when a snooze ends, so a day's lists are built once (in background
 * slices when the day turns: see warm) and then kept up to date contact by contact: a read
 * after a command costs O(changed · log n), not a pass over every person.
 */
export class TodayIndex implements StoreIndex {
  private state: StoreState | null = null
  private lists: DayLists | null = null
  private warming: Warming | null = null
  /** Contacts whose entry may be stale, folded in at the next read. */
  private readonly dirty = new Set<string>()
  private cadences = ''

  constructor(private readonly touches: TouchIndex) {}

  rebuild(state: StoreState): void {
    this.state = state
    this.lists = null
    this.warming = null
    this.dirty.clear()
    this.cadences = JSON.stringify(state.settings.cadenceByStage)
  }

  apply(ops: readonly Op[], state: StoreState, previous: ReadonlyMap<string, unknown>): void {
    this.state = state
    for (const op of ops) {
      if (op.op === 'settings') {
        const cadences = JSON.stringify(op.value.cadenceByStage)
        if (cadences !== this.cadences) {
          // Every default cadence may have moved: the day's lists are rebuilt at the next read.
          this.cadences = cadences
          this.lists = null
          this.warming = null
          this.dirty.clear()
        }
      } else if (op.op === 'put' || op.op === 'delete') {
        if (op.coll === 'contacts') this.dirty.add(op.op === 'put' ? op.value.id : op.id)
        else if (op.coll === 'interactions') {
          if (op.op === 'put') this.dirty.add(op.value.contactId)
          const before = previous.get(`interactions:${op.op === 'put' ? op.value.id : op.id}`)
          if (isOwned(before)) this.dirty.add(before.contactId)
        }
      }
    }
  }

  /** Overdue and due-soon items at `now`, in priority order. Do not mutate. */
  sections(now: Date): { overdue: readonly OverdueItem[]; dueSoon: readonly DueSoonItem[] } {
    const lists = this.upToDate(now)
    return { overdue: lists.overdue, dueSoon: lists.dueSoon }
  }

  /** The touch status of a kept, non-trashed contact at `now`; null for anyone else. */
  statusOf(contactId: string, now: Date): TouchStatus | null {
    return this.upToDate(now).entries.get(contactId)?.status ?? null
  }

  /**
   * Build the lists of `now`'s day ahead of the first read, `budget` contacts at a time; true
   * when there is nothing (more) to do. The core calls it a slice per event-loop turn after
   * open and when the day turns, so no read has to build them all at once.
   */
  warm(now: Date, budget: number): boolean {
    const state = this.state
    if (state === null) return true
    const day = dayOf(now)
    if (this.lists?.day === day) return true
    if (this.warming?.lists.day !== day) {
      this.warming = { lists: emptyLists(day), now, cursor: state.contacts.values() }
    }
    const warming = this.warming
    for (let i = 0; i < budget; i++) {
      const next = warming.cursor.next()
      if (next.done === true) {
        this.finish(warming)
        return true
      }
      const entry = this.add(warming.lists, next.value, warming.now)
      if (entry?.overdue) warming.lists.overdue.push(entry.overdue)
      if (entry?.dueSoon) warming.lists.dueSoon.push(entry.dueSoon)
    }
    return false
  }

  /**
   * Bring the lists up to date for `now` in slices (the day's build, then the changed people
   * SETTLE_SLICE at a time, each spliced into place), giving the event loop a turn between slices.
   * A command that changed many people (a bulk) or a read after it calls this first, so that
   * no single turn refreshes them all.
   */
  async settle(now: Date, slicer: Slicer): Promise<void> {
    const day = dayOf(now)
    while (this.lists?.day !== day && !this.warm(now, WARM_SLICE)) {
      slicer.add(WARM_SLICE)
      if (slicer.due(WARM_SLICE)) await slicer.pause()
    }
    const lists = this.lists
    if (lists?.day !== day) return
    const t = now.getTime()
    for (const [id, ends] of lists.snoozed) if (ends <= t) this.dirty.add(id)
    while (this.dirty.size > 0 && this.lists === lists) {
      const chunk = new Set<string>()
      for (const id of this.dirty) {
        chunk.add(id)
        this.dirty.delete(id)
        if (chunk.size === SETTLE_SLICE) break
      }
      this.refresh(lists, chunk, now)
      slicer.add(chunk.size)
      if (this.dirty.size > 0 && slicer.due(SETTLE_SLICE)) await slicer.pause()
    }
    slicer.close()
  }

  private upToDate(now: Date): DayLists {
    const day = dayOf(now)
    let lists = this.lists
    if (lists?.day !== day) {
      // Finish the day's build now: the read cannot wait for the background slices.
      this.warm(now, Number.MAX_SAFE_INTEGER)
      lists = this.lists
      if (lists === null) throw new Error('TodayIndex: the day was not built')
    }
    const t = now.getTime()
    for (const [id, ends] of lists.snoozed) if (ends <= t) this.dirty.add(id)
    if (this.dirty.size > 0) this.refresh(lists, this.dirty, now)
    this.dirty.clear()
    return lists
  }

  private finish(warming: Warming): void {
    const { lists } = warming
    lists.overdue.sort(overdueOrder)
    lists.dueSoon.sort(dueSoonOrder)
    this.lists = lists
    this.warming = null
    // Contacts changed while the build ran were marked dirty; the next read refreshes them.
  }

  /**
   * Bring the entries of `ids` up to date. A few are spliced into place; many at once (a bulk
   * move) are taken out and put back in one pass over each list: k splices into a list of
   * 35,000 items would move the list k times.
   */
  private refresh(lists: DayLists, ids: ReadonlySet<string>, now: Date): void {
    const batch = ids.size > BATCH
    const removed = new Set<OverdueItem | DueSoonItem>()
    const overdue: OverdueItem[] = []
    const dueSoon: DueSoonItem[] = []
    for (const id of ids) {
      const old = lists.entries.get(id)
      const contact = this.state?.contacts.get(id)
      if (
        old &&
        contact &&
        old.snoozeEnds === null &&
        sameInputs(old.contact, contact) &&
        old.lastTouchAt === this.touches.lastTouchOf(id)
      ) {
        // A change Today does not read (tags, notes, credibility…): the entry stands.
        old.contact = contact
        continue
      }
      if (old) {
        lists.entries.delete(id)
        lists.snoozed.delete(id)
        if (old.overdue) {
          if (batch) removed.add(old.overdue)
          else removeFrom(lists.overdue, old.overdue, overdueOrder)
        }
        if (old.dueSoon) {
          if (batch) removed.add(old.dueSoon)
          else removeFrom(lists.dueSoon, old.dueSoon, dueSoonOrder)
        }
      }
      const entry = contact ? this.add(lists, contact, now) : null
      if (entry?.overdue) {
        if (batch) overdue.push(entry.overdue)
        else insertInto(lists.overdue, entry.overdue, overdueOrder)
      }
      if (entry?.dueSoon) {
        if (batch) dueSoon.push(entry.dueSoon)
        else insertInto(lists.dueSoon, entry.dueSoon, dueSoonOrder)
      }
    }
    if (batch) {
      const kept = <T extends OverdueItem | DueSoonItem>(list: T[]) =>
        removed.size === 0 ? list : list.filter((item) => !removed.has(item))
      lists.overdue = mergeSorted(kept(lists.overdue), overdue.sort(overdueOrder), overdueOrder)
      lists.dueSoon = mergeSorted(kept(lists.dueSoon), dueSoon.sort(dueSoonOrder), dueSoonOrder)
    }
  }

  /** Compute and record a contact's entry; its items are for the caller to place. */
  private add(lists: DayLists, contact: Contact, now: Date): Entry | null {
    const state = this.state
    if (state === null || contact.trashedAt !== null || contact.triage !== 'kept') return null
    const entry = entryOf(contact, this.touches.lastTouchOf(contact.id), now, state.settings)
    lists.entries.set(contact.id, entry)
    if (entry.snoozeEnds !== null) lists.snoozed.set(contact.id, entry.snoozeEnds)
    return entry
  }
}

function emptyLists(day: string): DayLists {
  return { day, entries: new Map(), overdue: [], dueSoon: [], snoozed: new Map() }
}

/** Whether two versions of a contact give the same Today entry (with the same last touch). */
function sameInputs(a: Contact, b: Contact): boolean {
  return (
    a.name === b.name &&
    a.stage === b.stage &&
    a.cadenceDays === b.cadenceDays &&
    a.createdAt === b.createdAt &&
    a.trashedAt === b.trashedAt &&
    a.snoozedUntil === b.snoozedUntil &&
    a.triage === b.triage
  )
}

function entryOf(
  contact: Contact,
  lastTouchAt: string | null,
  now: Date,
  settings: Pick<Settings, 'cadenceByStage'>,
): Entry {
  const status = touchStatus({ contact, lastTouchAt, now, settings })
  if (status.snoozed) {
    const ends = contact.snoozedUntil === null ? null : Date.parse(contact.snoozedUntil)
    return { contact, lastTouchAt, status, overdue: null, dueSoon: null, snoozeEnds: ends }
  }
  const item = touchItemOf(contact, status, now)
  return {
    contact,
    lastTouchAt,
    status,
    overdue: item?.section === 'overdue' ? item.item : null,
    dueSoon: item?.section === 'dueSoon' ? item.item : null,
    snoozeEnds: null,
  }
}
