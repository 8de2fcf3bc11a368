import { lastTouchAt, resetsClock } from '@shared/cadence'
import type { CareerUpdate, Interaction } from '@shared/domain'
import type { Op } from '../store/ops'
import type { StoreIndex, StoreState } from '../store/store'

/**
 * Whether instant `a` is later than `b`. Two UTC instants of the same shape (same length,
 * ending in Z, as Vouch writes them) compare as strings; anything else is parsed, since
 * instants may carry different offsets.
 */
function isLater(a: string, b: string): boolean {
  if (a.length === b.length && a.endsWith('Z') && b.endsWith('Z')) return a > b
  return Date.parse(a) > Date.parse(b)
}

function isInteraction(value: unknown): value is Interaction {
  return (
    typeof value === 'object' &&
    value !== null &&
    'id' in value &&
    'contactId' in value &&
    typeof value.contactId === 'string'
  )
}

/**
 * Touches grouped by contact, with each contact's last clock-resetting touch and the career
 * updates they heard. Kept up to date from applied ops, so Today, the board's insights and
 * interaction.list look at one contact's touches instead of rescanning all of them.
 * Built in one pass at open: an array per contact, no per-touch map.
 */
export class TouchIndex implements StoreIndex {
  private readonly byContact = new Map<string, Interaction[]>()
  private readonly lastTouch = new Map<string, string | null>()
  private readonly heard = new Map<string, Set<string>>()

  rebuild(state: StoreState): void {
    const { byContact, lastTouch, heard } = this
    byContact.clear()
    lastTouch.clear()
    heard.clear()
    // forEach, not values(): a RecordMap then reads the snapshot's array without indexing it first.
    state.interactions.forEach((touch) => {
      const contactId = touch.contactId
      const bucket = byContact.get(contactId)
      if (bucket) bucket.push(touch)
      else byContact.set(contactId, [touch])
      if (resetsClock(touch.kind)) {
        const latest = lastTouch.get(contactId)
        if (typeof latest !== 'string' || isLater(touch.at, latest))
          lastTouch.set(contactId, touch.at)
      }
      if (touch.kind === 'update-sent' && touch.updateId !== null) {
        const set = heard.get(contactId)
        if (set) set.add(touch.updateId)
        else heard.set(contactId, new Set([touch.updateId]))
      }
    })
    // Contacts touched only by notes have touches but no last touch: kept as null.
    for (const contactId of byContact.keys())
      if (!lastTouch.has(contactId)) lastTouch.set(contactId, null)
  }

  apply(ops: readonly Op[], _state: StoreState, previous: ReadonlyMap<string, unknown>): void {
    const dirty = new Set<string>()
    // Where this call put each touch, for a commit that writes the same touch twice.
    const placed = new Map<string, string>()
    const forget = (id: string) => {
      const before = previous.get(`interactions:${id}`)
      const contactId = placed.get(id) ?? (isInteraction(before) ? before.contactId : undefined)
      if (contactId === undefined) return
      placed.delete(id)
      const bucket = this.byContact.get(contactId)
      const at = bucket?.findIndex((t) => t.id === id) ?? -1
      if (bucket && at !== -1) {
        bucket.splice(at, 1)
        if (bucket.length === 0) this.byContact.delete(contactId)
      }
      dirty.add(contactId)
    }
    for (const op of ops) {
      if (op.op === 'put' && op.coll === 'interactions') {
        forget(op.value.id)
        const bucket = this.byContact.get(op.value.contactId)
        if (bucket) bucket.push(op.value)
        else this.byContact.set(op.value.contactId, [op.value])
        placed.set(op.value.id, op.value.contactId)
        dirty.add(op.value.contactId)
      } else if (op.op === 'delete' && op.coll === 'interactions') {
        forget(op.id)
      }
    }
    for (const contactId of dirty) this.refresh(contactId)
  }

  /** One contact's touches, in no particular order; a copy the caller may sort. */
  touchesOf(contactId: string): Interaction[] {
    return this.byContact.get(contactId)?.slice() ?? []
  }

  /** The `at` of the contact's last clock-resetting touch, or null. */
  lastTouchOf(contactId: string): string | null {
    return this.lastTouch.get(contactId) ?? null
  }

  /** Last touch per contact (contacts never touched are absent). */
  lastTouchByContact(): ReadonlyMap<string, string | null> {
    return this.lastTouch
  }

  /** Whether the contact received the career update through an update-sent touch. */
  hasHeard(contactId: string, updateId: string): boolean {
    return this.heard.get(contactId)?.has(updateId) ?? false
  }

  /** The newest (by its date) of `updates` that the contact received, or null. */
  lastUpdateHeard(
    contactId: string,
    updates: ReadonlyMap<string, CareerUpdate>,
  ): CareerUpdate | null {
    let latest: CareerUpdate | null = null
    for (const id of this.heard.get(contactId) ?? []) {
      const update = updates.get(id)
      if (update && (latest === null || Date.parse(update.at) > Date.parse(latest.at))) {
        latest = update
      }
    }
    return latest
  }

  private refresh(contactId: string): void {
    const touches = this.byContact.get(contactId)
    if (!touches) {
      this.lastTouch.delete(contactId)
      this.heard.delete(contactId)
      return
    }
    this.lastTouch.set(contactId, lastTouchAt(touches))
    const heard = new Set<string>()
    for (const t of touches)
      if (t.kind === 'update-sent' && t.updateId !== null) heard.add(t.updateId)
    if (heard.size > 0) this.heard.set(contactId, heard)
    else this.heard.delete(contactId)
  }
}
