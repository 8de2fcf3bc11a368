import { format } from 'date-fns'
import type { Contact } from '@shared/domain'
import type { ContactInsight } from '@shared/workflowContract'
import type { Op } from '../store/ops'
import type { StoreIndex, StoreState } from '../store/store'

/**
 * Per-contact insights (touch status, readiness, last update heard) kept between calls, so
 * `board.insights` and `today.get` recompute only the contacts a change touched instead of
 * every contact after every change. An entry is dropped when its contact or one of its
 * touches changes; everything is dropped when updates or settings change, and when the local
 * day turns (day counts and colours move with it). Snoozed contacts are never cached, because
 * a snooze ends at an instant, not at a day boundary.
 */
export class InsightCache implements StoreIndex {
  private readonly entries = new Map<string, ContactInsight>()
  private day = ''

  rebuild(): void {
    this.entries.clear()
  }

  apply(ops: readonly Op[], _state: StoreState, previous: ReadonlyMap<string, unknown>): void {
    for (const op of ops) {
      if (
        op.op === 'settings' ||
        ((op.op === 'put' || op.op === 'delete') && op.coll === 'updates')
      ) {
        this.entries.clear()
        return
      }
      if (op.op === 'put' && op.coll === 'contacts') this.entries.delete(op.value.id)
      else if (op.op === 'delete' && op.coll === 'contacts') this.entries.delete(op.id)
      else if (op.op === 'put' && op.coll === 'interactions') {
        this.entries.delete(op.value.contactId)
        this.forgetOwnerOf(previous.get(`interactions:${op.value.id}`))
      } else if (op.op === 'delete' && op.coll === 'interactions') {
        this.forgetOwnerOf(previous.get(`interactions:${op.id}`))
      }
    }
  }

  /** The insight of a contact at `now`: cached when still valid, else computed and kept. */
  get(contact: Contact, now: Date, compute: () => ContactInsight): ContactInsight {
    const day = format(now, 'yyyy-MM-dd')
    if (day !== this.day) {
      this.entries.clear()
      this.day = day
    }
    if (contact.snoozedUntil !== null) return compute()
    const cached = this.entries.get(contact.id)
    if (cached) return cached
    const fresh = compute()
    this.entries.set(contact.id, fresh)
    return fresh
  }

  private forgetOwnerOf(interaction: unknown): void {
    if (typeof interaction === 'object' && interaction !== null && 'contactId' in interaction) {
      const owner = interaction.contactId
      if (typeof owner === 'string') this.entries.delete(owner)
    }
  }
}
