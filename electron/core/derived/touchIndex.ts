import { lastTouchAt } from '@shared/cadence'
import type { CareerUpdate, Interaction } from '@shared/domain'
import type { Op } from '../store/ops'
import type { StoreIndex, StoreState } from '../store/store'

const NONE: ReadonlyMap<string, Interaction> = new Map()

/**
 * Touches grouped by contact, with each contact's last clock-resetting touch and the career
 * updates they heard. Kept up to date from applied ops, so Today, the board's insights and
 * interaction.list look at one contact's touches instead of rescanning all of them.
 */
export class TouchIndex implements StoreIndex {
  private readonly byContact = new Map<string, Map<string, Interaction>>()
  private readonly contactOf = new Map<string, string>()
  private readonly lastTouch = new Map<string, string | null>()
  private readonly heard = new Map<string, Set<string>>()

  rebuild(state: StoreState): void {
    this.byContact.clear()
    this.contactOf.clear()
    this.lastTouch.clear()
    this.heard.clear()
    for (const interaction of state.interactions.values()) this.add(interaction)
    for (const contactId of this.byContact.keys()) this.refresh(contactId)
  }

  apply(ops: readonly Op[]): void {
    const dirty = new Set<string>()
    for (const op of ops) {
      if (op.op === 'put' && op.coll === 'interactions') {
        const old = this.remove(op.value.id)
        if (old !== null) dirty.add(old)
        this.add(op.value)
        dirty.add(op.value.contactId)
      } else if (op.op === 'delete' && op.coll === 'interactions') {
        const old = this.remove(op.id)
        if (old !== null) dirty.add(old)
      }
    }
    for (const contactId of dirty) this.refresh(contactId)
  }

  /** One contact's touches, in no particular order. */
  touchesOf(contactId: string): Interaction[] {
    return [...(this.byContact.get(contactId) ?? NONE).values()]
  }

  /** The `at` of the contact's last clock-resetting touch, or null. */
  lastTouchOf(contactId: string): string | null {
    return this.lastTouch.get(contactId) ?? null
  }

  /** Last touch per contact (contacts never touched are absent). */
  lastTouchByContact(): ReadonlyMap<string, string | null> {
    return this.lastTouch
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

  private add(interaction: Interaction): void {
    let bucket = this.byContact.get(interaction.contactId)
    if (!bucket) {
      bucket = new Map()
      this.byContact.set(interaction.contactId, bucket)
    }
    bucket.set(interaction.id, interaction)
    this.contactOf.set(interaction.id, interaction.contactId)
  }

  /** Forget a touch; returns the contact it belonged to. */
  private remove(id: string): string | null {
    const contactId = this.contactOf.get(id)
    if (contactId === undefined) return null
    this.contactOf.delete(id)
    const bucket = this.byContact.get(contactId)
    bucket?.delete(id)
    if (bucket?.size === 0) this.byContact.delete(contactId)
    return contactId
  }

  private refresh(contactId: string): void {
    const touches = this.touchesOf(contactId)
    if (touches.length === 0) {
      this.lastTouch.delete(contactId)
      this.heard.delete(contactId)
      return
    }
    this.lastTouch.set(contactId, lastTouchAt(touches))
    const heard = new Set<string>()
    for (const t of touches)
      if (t.kind === 'update-sent' && t.updateId !== null) heard.add(t.updateId)
    this.heard.set(contactId, heard)
  }
}
