import type { Contact } from '@shared/domain'
import { normalizeContact, type NormalizedContact } from '@shared/query'
import type { Op } from '../store/ops'
import type { StoreIndex, StoreState } from '../store/store'

/**
 * Each contact's search text, title, company and tags normalized once (NFD, marks stripped,
 * lower case) and kept until the contact is put again, so a search keystroke over 50,000
 * people is a pass of `includes` over cached strings rather than 50,000 normalizations.
 * Filled lazily, and ahead of time in background slices (warm).
 */
export class NormalizedIndex implements StoreIndex {
  private readonly entries = new Map<string, NormalizedContact>()
  private state: StoreState | null = null
  /** Where warm() goes on; a Map iterator follows inserts made meanwhile. */
  private cursor: Iterator<Contact> | null = null

  rebuild(state: StoreState): void {
    this.state = state
    this.entries.clear()
    this.cursor = null
  }

  apply(ops: readonly Op[], state: StoreState): void {
    this.state = state
    for (const op of ops) {
      if (op.op === 'put' && op.coll === 'contacts') this.entries.delete(op.value.id)
      else if (op.op === 'delete' && op.coll === 'contacts') this.entries.delete(op.id)
    }
  }

  /** The normalized text of a contact as stored now. */
  of(contact: Contact): NormalizedContact {
    const cached = this.entries.get(contact.id)
    if (cached) return cached
    const fresh = normalizeContact(contact)
    this.entries.set(contact.id, fresh)
    return fresh
  }

  /**
   * Normalize up to `budget` contacts not cached yet; true once every contact is cached.
   * Called a slice per event-loop turn after open so the first keystroke finds them ready.
   */
  warm(budget: number): boolean {
    const state = this.state
    if (state === null) return true
    this.cursor ??= state.contacts.values()
    for (let done = 0; done < budget;) {
      const next = this.cursor.next()
      if (next.done === true) {
        this.cursor = null
        return true
      }
      if (this.entries.has(next.value.id)) continue
      this.entries.set(next.value.id, normalizeContact(next.value))
      done++
    }
    return false
  }
}
