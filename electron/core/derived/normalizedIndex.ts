import type { Contact } from '@shared/domain'
import { normalizeContact, sameSearchText, type NormalizedContact } from '@shared/query'
import type { Op } from '../store/ops'
import type { StoreIndex, StoreState } from '../store/store'

/** The contact an entry was normalized from, and the result. */
interface Entry {
  from: Contact
  normalized: NormalizedContact
}

/**
 * Each contact's search text, title, company and tags normalized once (NFD, marks stripped,
 * lower case) and kept until the contact's text changes, so a search keystroke over 50,000
 * people is a pass of `includes` over cached strings rather than 50,000 normalizations. A put
 * that changes no text (a move, a bulk stage or credibility change) keeps the entry; one that
 * does is normalized again at the next read, reusing every field that did not change.
 * Filled lazily, and ahead of time in background slices (warm).
 */
export class NormalizedIndex implements StoreIndex {
  private readonly entries = new Map<string, Entry>()
  private changes = 0
  private state: StoreState | null = null
  /** Where the pass over every contact goes on (after a rebuild); null once it is done. */
  private cursor: Iterator<Contact> | null = null
  private fullPassDone = false
  /** Contacts put since the full pass began: the only ones warm() still has to look at. */
  private readonly stale = new Set<string>()

  /** Goes up whenever any contact is put, deleted or the store is replaced. */
  get version(): number {
    return this.changes
  }

  rebuild(state: StoreState): void {
    this.state = state
    this.changes++
    this.entries.clear()
    this.stale.clear()
    this.cursor = null
    this.fullPassDone = false
  }

  apply(ops: readonly Op[], state: StoreState): void {
    this.state = state
    for (const op of ops) {
      // A put is checked against the entry at the next read (see of), or by warm.
      if (op.op === 'put' && op.coll === 'contacts') {
        this.changes++
        this.stale.add(op.value.id)
      } else if (op.op === 'delete' && op.coll === 'contacts') {
        this.changes++
        this.entries.delete(op.id)
        this.stale.delete(op.id)
      }
    }
  }

  /** The normalized text of a contact as stored now. */
  of(contact: Contact): NormalizedContact {
    const cached = this.entries.get(contact.id)
    if (cached) {
      if (cached.from === contact) return cached.normalized
      if (sameSearchText(cached.from, contact)) {
        cached.from = contact
        return cached.normalized
      }
    }
    const normalized = normalizeContact(
      contact,
      cached ? { contact: cached.from, normalized: cached.normalized } : undefined,
    )
    this.entries.set(contact.id, { from: contact, normalized })
    return normalized
  }

  /**
   * Visit up to `budget` contacts, normalizing those not cached yet; true once all are.
   * Called a slice per event-loop turn after open so the first keystroke finds them ready.
   * After the first pass over everyone it looks only at the contacts put since (the core calls
   * it at every reminder tick: a tick with nothing changed visits nobody).
   */
  warm(budget: number): boolean {
    const state = this.state
    if (state === null) return true
    // The budget counts every contact visited, cached or not, so no slice walks them all.
    let visited = 0
    if (!this.fullPassDone) {
      this.cursor ??= state.contacts.values()
      for (; visited < budget; visited++) {
        const next = this.cursor.next()
        if (next.done === true) {
          this.cursor = null
          this.fullPassDone = true
          break
        }
        this.refresh(next.value)
      }
      if (!this.fullPassDone) return false
    }
    for (const id of this.stale) {
      if (visited++ >= budget) return false
      this.stale.delete(id)
      const contact = state.contacts.get(id)
      if (contact !== undefined) this.refresh(contact)
    }
    return true
  }

  private refresh(contact: Contact): void {
    if (this.entries.get(contact.id)?.from !== contact) this.of(contact)
  }
}
