import { useSyncExternalStore } from 'react'
import type { Contact } from '@shared/domain'
import { STAGE_IDS, type StageId } from '@shared/stages'
import type { ContactDelta } from '@shared/ipc'
import { call, subscribe } from '../api/client'
import { CoalescedLoad } from './coalesced'

/** Ids of each column, in board order. Keyed by the six fixed stage ids, never by user data. */
export type Columns = Readonly<Record<StageId, readonly string[]>>

/** What the board renders: contacts by id and the order of each column. */
export interface ContactsSnapshot {
  /** True once the first contact.list answered (successfully or not). */
  readonly loaded: boolean
  /** Why the last load failed, or null. */
  readonly error: string | null
  readonly byId: ReadonlyMap<string, Contact>
  readonly columns: Columns
}

/** Six empty columns. */
export function emptyColumns(): Record<StageId, string[]> {
  return {
    identified: [],
    building: [],
    'in-touch': [],
    asked: [],
    'gave-reference': [],
    thanked: [],
  }
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Group active contacts into columns, ordered by their `order`. */
export function columnsOf(contacts: Iterable<Contact>): Columns {
  const grouped: Record<StageId, Contact[]> = {
    identified: [],
    building: [],
    'in-touch': [],
    asked: [],
    'gave-reference': [],
    thanked: [],
  }
  for (const contact of contacts) {
    if (contact.trashedAt === null) grouped[contact.stage].push(contact)
  }
  const columns = emptyColumns()
  for (const stage of STAGE_IDS) {
    columns[stage] = grouped[stage]
      // The core's board order: ties never reorder at random.
      .sort((a, b) => a.order - b.order || compare(a.createdAt, b.createdAt) || compare(a.id, b.id))
      .map((c) => c.id)
  }
  return columns
}

function initialSnapshot(): ContactsSnapshot {
  return { loaded: false, error: null, byId: new Map(), columns: emptyColumns() }
}

/** Whether two versions of a contact render the same, so the old object (and its memoised card) can be kept. */
function sameContact(a: Contact, b: Contact): boolean {
  return (
    a.updatedAt === b.updatedAt &&
    a.order === b.order &&
    a.stage === b.stage &&
    a.trashedAt === b.trashedAt
  )
}

/** Move one id to `index` of `stage` in a copy of the columns. */
export function moveInColumns(
  columns: Columns,
  id: string,
  stage: StageId,
  index: number,
): Columns {
  const next = emptyColumns()
  for (const s of STAGE_IDS) next[s] = columns[s].filter((x) => x !== id)
  const target = next[stage]
  target.splice(Math.max(0, Math.min(index, target.length)), 0, id)
  return next
}

/** Insert a contact's id where the core's board order puts it (order, createdAt, id). */
function insertSorted(ids: string[], contact: Contact, byId: ReadonlyMap<string, Contact>): void {
  const before = (other: Contact) =>
    other.order - contact.order ||
    compare(other.createdAt, contact.createdAt) ||
    compare(other.id, contact.id)
  let lo = 0
  let hi = ids.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    const other = byId.get(ids[mid] ?? '')
    if (other && before(other) < 0) lo = mid + 1
    else hi = mid
  }
  ids.splice(lo, 0, contact.id)
}

/**
 * The client-side copy of the contacts, normalised for the board. It re-fetches on core `changed` events
 * and keeps unchanged contact objects so memoised cards skip rendering.
 */
export class ContactsStore {
  private snapshot: ContactsSnapshot = initialSnapshot()
  private readonly listeners = new Set<() => void>()
  private readonly loader = new CoalescedLoad(() => this.load())
  private unsubscribeCore: (() => void) | null = null

  /** Start listening to the core and load the contacts. */
  start(): void {
    if (this.unsubscribeCore) return
    this.unsubscribeCore = subscribe((event) => {
      if (event.type !== 'changed' || !event.collections.includes('contacts')) return
      // A refresh in flight may answer with the state from before this change: fetch again then.
      if (event.contacts && !this.loader.busy) this.applyDelta(event.contacts)
      else void this.refresh()
    })
    void this.refresh()
  }

  /** Stop listening and forget the contacts: the next start loads afresh. */
  stop(): void {
    this.unsubscribeCore?.()
    this.unsubscribeCore = null
    this.set(initialSnapshot())
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  readonly getSnapshot = (): ContactsSnapshot => this.snapshot

  /** Re-fetch the list; calls made while a fetch runs collapse into one more fetch. */
  refresh(): Promise<void> {
    return this.loader.run()
  }

  /** Show a move at once, before the core confirms it; the next refresh brings the truth. */
  applyMove(id: string, stage: StageId, index: number): void {
    const contact = this.snapshot.byId.get(id)
    if (!contact) return
    const byId = new Map(this.snapshot.byId)
    if (contact.stage !== stage) byId.set(id, { ...contact, stage })
    this.set({
      ...this.snapshot,
      byId,
      columns: moveInColumns(this.snapshot.columns, id, stage, index),
    })
  }

  /** Apply the contacts a change put or deleted, re-placing only those in their columns. */
  applyDelta(delta: ContactDelta): void {
    const previous = this.snapshot.byId
    const byId = new Map(previous)
    const touched = new Set<string>()
    for (const contact of delta.put) {
      const old = previous.get(contact.id)
      // Only kept people are on the board: one sent to the inbox or the archive leaves it.
      if (contact.trashedAt !== null || contact.triage !== 'kept') byId.delete(contact.id)
      else byId.set(contact.id, old && sameContact(old, contact) ? old : contact)
      touched.add(contact.id)
    }
    for (const id of delta.deleted) {
      byId.delete(id)
      touched.add(id)
    }
    if (touched.size === 0) return
    const columns: Record<StageId, readonly string[]> = { ...this.snapshot.columns }
    // Only the columns the change touches are copied; the others keep their identity.
    const copies = new Map<StageId, string[]>()
    for (const stage of STAGE_IDS) {
      // The optimistic applyMove may have placed a card already: look in every column for it.
      if (columns[stage].some((id) => touched.has(id)))
        copies.set(
          stage,
          columns[stage].filter((id) => !touched.has(id)),
        )
    }
    for (const id of touched) {
      const contact = byId.get(id)
      if (!contact) continue
      const copy = copies.get(contact.stage) ?? [...columns[contact.stage]]
      copies.set(contact.stage, copy)
      insertSorted(copy, contact, byId)
    }
    for (const [stage, ids] of copies) columns[stage] = ids
    this.set({ ...this.snapshot, byId, columns })
  }

  private async load(): Promise<void> {
    const result = await call('contact.list', {})
    if (!result.ok) {
      this.set({ ...this.snapshot, loaded: true, error: result.message })
      return
    }
    const previous = this.snapshot.byId
    const byId = new Map<string, Contact>()
    for (const contact of result.value) {
      const old = previous.get(contact.id)
      byId.set(contact.id, old && sameContact(old, contact) ? old : contact)
    }
    this.set({ loaded: true, error: null, byId, columns: columnsOf(byId.values()) })
  }

  private set(snapshot: ContactsSnapshot): void {
    this.snapshot = snapshot
    for (const listener of this.listeners) listener()
  }
}

/** The app's one contacts store. */
export const contactsStore = new ContactsStore()

/** The current contacts snapshot; re-renders on change. */
export function useContacts(): ContactsSnapshot {
  return useSyncExternalStore(contactsStore.subscribe, contactsStore.getSnapshot)
}
