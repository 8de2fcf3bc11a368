import { addDays, format, parseISO, startOfDay } from 'date-fns'
import { effectiveCadence, nextTouchDue } from '@shared/cadence'
import type { Contact, ReferenceRequest } from '@shared/domain'
import type { TouchIndex } from '../derived/touchIndex'
import type { Op } from '../store/ops'
import type { StoreIndex, StoreState } from '../store/store'
import { DueIndex } from './dueIndex'
import { localDayKey } from './localTime'
import { requestAlertAt } from './policy'
import type { DueItem } from './types'

/** How far ahead reminder.list looks for upcoming items. */
export const UPCOMING_DAYS = 14

const contactSlot = (id: string) => `contact:${id}`
const thanksSlot = (id: string) => `thanks:${id}`
const requestSlot = (id: string) => `request-due:${id}`

/** Local midnight after the request's due day: when a request-due reminder stops being due. */
function requestDeadline(dueBy: string): Date {
  return startOfDay(addDays(parseISO(dueBy), 1))
}

const shortDate = (t: Date) => format(t, 'EEE d MMM')

/**
 * What is due, kept up to date from applied ops: each contact's next keep-in-touch instant,
 * each unthanked reference and each open request with a due date, in a DueIndex by due instant.
 * Contacts' last touches come from W's TouchIndex, which must be registered before this one
 * (indexes are applied in registration order), so a tick never rescans the interactions.
 */
export class ReminderIndex implements StoreIndex {
  private due = new DueIndex()
  /** Built DueItems by slot (the DueIndex key); dropped when their records change. */
  private readonly items = new Map<string, DueItem>()
  /** Request-due slots expire at the end of the due day: slot → epoch ms. */
  private readonly expiry = new Map<string, number>()
  /** Request ids per contact, so trashing a contact updates its requests. */
  private readonly requestsOf = new Map<string, Set<string>>()
  private readonly contactOfRequest = new Map<string, string>()
  private state: StoreState | null = null
  /** The default cadences the due instants were computed with. */
  private cadences = ''

  constructor(private readonly touches: TouchIndex) {}

  rebuild(state: StoreState): void {
    this.state = state
    this.cadences = JSON.stringify(state.settings.cadenceByStage)
    this.due = new DueIndex()
    this.items.clear()
    this.expiry.clear()
    this.requestsOf.clear()
    this.contactOfRequest.clear()
    for (const contact of state.contacts.values()) this.refreshContact(contact.id)
    for (const request of state.requests.values()) this.refreshRequest(request.id)
  }

  apply(ops: readonly Op[], state: StoreState, previous: ReadonlyMap<string, unknown>): void {
    this.state = state
    const contacts = new Set<string>()
    const requests = new Set<string>()
    for (const op of ops) {
      if (op.op === 'settings') {
        const cadences = JSON.stringify(op.value.cadenceByStage)
        // Default cadences per stage changed: every contact's due instant may move.
        if (cadences !== this.cadences) for (const id of state.contacts.keys()) contacts.add(id)
        this.cadences = cadences
        continue
      }
      if (op.op !== 'put' && op.op !== 'delete') continue
      const id = op.op === 'put' ? op.value.id : op.id
      const before = previous.get(`${op.coll}:${id}`)
      if (op.coll === 'contacts') {
        contacts.add(id)
        for (const requestId of this.requestsOf.get(id) ?? []) requests.add(requestId)
      } else if (op.coll === 'interactions') {
        if (op.op === 'put') contacts.add(op.value.contactId)
        if (isOwned(before)) contacts.add(before.contactId)
      } else if (op.coll === 'requests') {
        requests.add(id)
      }
    }
    for (const id of contacts) this.refreshContact(id)
    for (const id of requests) this.refreshRequest(id)
  }

  /** Everything due at or before `now`, earliest first; this is what planDeliveries needs. */
  dueAt(now: Date): DueItem[] {
    return this.collect(this.due.dueBefore(now.getTime()), now.getTime())
  }

  /** Items falling due after `now` and within UPCOMING_DAYS. */
  upcoming(now: Date): DueItem[] {
    const nowMs = now.getTime()
    const until = addDays(now, UPCOMING_DAYS).getTime()
    return this.collect(this.due.dueBetween(nowMs, until), nowMs)
  }

  private collect(slots: readonly string[], nowMs: number): DueItem[] {
    const out: DueItem[] = []
    for (const slot of slots) {
      const expires = this.expiry.get(slot)
      if (expires !== undefined && expires <= nowMs) continue
      const item = this.items.get(slot) ?? this.build(slot)
      if (item !== null) out.push(item)
    }
    return out
  }

  private refreshContact(id: string): void {
    const slot = contactSlot(id)
    this.items.delete(slot)
    const contact = this.state?.contacts.get(id)
    const dueAt = contact ? this.contactDueAt(contact) : null
    this.due.upsert(slot, dueAt === null ? null : dueAt.getTime())
  }

  /** When the contact next needs a touch: cadence after the last touch, not before a snooze ends. */
  private contactDueAt(contact: Contact): Date | null {
    const state = this.state
    // Only people on the board remind: the inbox and the archive never do.
    if (state === null || contact.trashedAt !== null || contact.triage !== 'kept') return null
    const cadence = effectiveCadence(contact, state.settings)
    if (cadence === null) return null
    const lastTouch = this.touches.lastTouchOf(contact.id)
    const due = nextTouchDue(new Date(lastTouch ?? contact.createdAt), cadence)
    const snoozedUntil = contact.snoozedUntil === null ? null : new Date(contact.snoozedUntil)
    return snoozedUntil !== null && snoozedUntil > due ? snoozedUntil : due
  }

  private refreshRequest(id: string): void {
    const thanks = thanksSlot(id)
    const asked = requestSlot(id)
    this.items.delete(thanks)
    this.items.delete(asked)
    this.expiry.delete(asked)
    const state = this.state
    const request = state?.requests.get(id)
    const owner = this.contactOfRequest.get(id)
    if (owner !== undefined) this.requestsOf.get(owner)?.delete(id)
    this.contactOfRequest.delete(id)
    if (!request || !state) {
      this.due.remove(thanks)
      this.due.remove(asked)
      return
    }
    let set = this.requestsOf.get(request.contactId)
    if (!set) this.requestsOf.set(request.contactId, (set = new Set()))
    set.add(id)
    this.contactOfRequest.set(id, request.contactId)
    const holder = state.contacts.get(request.contactId)
    const active = holder !== undefined && holder.trashedAt === null && holder.triage === 'kept'
    const owesThanks = active && request.status === 'given' && request.thankedAt === null
    this.due.upsert(thanks, owesThanks ? Date.parse(request.givenAt ?? request.updatedAt) : null)
    const open = active && (request.status === 'asked' || request.status === 'agreed')
    if (open && request.dueBy !== null) {
      // Created after the usual notice: announce at creation, not "missed" before it existed.
      const alertAt = Math.max(
        requestAlertAt(request.dueBy).getTime(),
        Date.parse(request.createdAt),
      )
      this.due.upsert(asked, alertAt)
      this.expiry.set(asked, requestDeadline(request.dueBy).getTime())
    } else {
      this.due.remove(asked)
    }
  }

  /** The DueItem of a slot, built from the current records and cached until they change. */
  private build(slot: string): DueItem | null {
    const state = this.state
    const dueAt = this.due.get(slot)
    if (state === null || dueAt === null) return null
    const [kind, ...rest] = slot.split(':')
    const id = rest.join(':')
    let item: DueItem | null = null
    if (kind === 'contact') {
      const contact = state.contacts.get(id)
      if (contact) item = contactItem(contact, new Date(dueAt))
    } else {
      const request = state.requests.get(id)
      const contact = request ? state.contacts.get(request.contactId) : undefined
      if (request && contact) {
        item =
          kind === 'thanks'
            ? thanksItem(request, contact, new Date(dueAt))
            : requestItem(request, contact, new Date(dueAt))
      }
    }
    if (item !== null) this.items.set(slot, item)
    return item
  }
}

function isOwned(value: unknown): value is { contactId: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    'contactId' in value &&
    typeof value.contactId === 'string'
  )
}

function contactItem(contact: Contact, dueAt: Date): DueItem {
  return {
    key: `contact:${contact.id}:${localDayKey(dueAt)}`,
    kind: 'contact-due',
    contactId: contact.id,
    title: contact.name,
    detail: `Keep in touch · due ${shortDate(dueAt)}`,
    dueAt: dueAt.toISOString(),
  }
}

function thanksItem(request: ReferenceRequest, contact: Contact, dueAt: Date): DueItem {
  const by = request.thankBy === null ? '' : ` · thank by ${shortDate(new Date(request.thankBy))}`
  return {
    key: `thanks:${request.id}`,
    kind: 'thanks-owed',
    contactId: contact.id,
    title: contact.name,
    detail: `For the reference to ${request.company} (${request.role})${by}`,
    dueAt: dueAt.toISOString(),
    ...(request.thankBy === null ? {} : { deadline: request.thankBy }),
  }
}

function requestItem(request: ReferenceRequest, contact: Contact, dueAt: Date): DueItem {
  const dueBy = request.dueBy ?? ''
  return {
    key: `request-due:${request.id}:${dueBy}`,
    kind: 'request-due',
    contactId: contact.id,
    title: contact.name,
    detail: `${request.role} at ${request.company} · needed by ${shortDate(parseISO(dueBy))}`,
    dueAt: dueAt.toISOString(),
    deadline: requestDeadline(dueBy).toISOString(),
  }
}
