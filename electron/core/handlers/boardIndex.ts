import type { Contact, Triage } from '@shared/domain'
import { normalizeContact, type NormalizedContact } from '@shared/query'
import { STAGE_IDS, type StageId } from '@shared/stages'
import { mergeSorted, partitionPoint } from '../derived/sorted'
import type { Op } from '../store/ops'
import type { StoreIndex, StoreState } from '../store/store'
import type { Slicer } from '../slices/slicer'

/** Order within a column: order, then creation, then id, so ties never reorder at random. */
export function byColumnOrder(a: Contact, b: Contact): number {
  return (
    a.order - b.order ||
    (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  )
}

/** A card and its cached text, moved together through a merge. */
interface Slot {
  contact: Contact
  text: NormalizedContact | undefined
}

const bySlotOrder = (a: Slot, b: Slot) => byColumnOrder(a.contact, b.contact)

/**
 * Changes spliced in one by one up to this many; more are merged per column. A large commit
 * comes in slices of APPLY_SLICE ops (store.ts), each spliced: a splice per change moves a few
 * kilobytes, where a merge allocates and compares the whole column.
 */
const BATCH = 128

/** Index of the first element not before `item` in a sorted array. */
const lowerBound = (list: readonly Contact[], item: Contact) =>
  partitionPoint(list, (probe) => byColumnOrder(probe, item) < 0)

/**
 * The board's columns for one triage state, each kept sorted as contacts change, so a move or
 * a create never rescans every contact and the board list needs no sort. The board itself is
 * the `kept` index; the inbox and the archive keep their own, in the same order.
 */
export class BoardIndex implements StoreIndex {
  private columns = new Map<StageId, Contact[]>()
  /**
   * Each card's normalized search text, slot for slot with its column (undefined until a scan
   * asks), so a search walks two arrays instead of looking every person up in a Map.
   */
  private texts = new Map<StageId, (NormalizedContact | undefined)[]>()
  private count = 0

  constructor(
    readonly triage: Triage = 'kept',
    private readonly normalize: (contact: Contact) => NormalizedContact = normalizeContact,
  ) {}

  rebuild(state: StoreState): void {
    this.columns = new Map(STAGE_IDS.map((s) => [s, []]))
    this.count = 0
    for (const contact of state.contacts.values()) {
      if (this.holds(contact)) {
        this.columns.get(contact.stage)?.push(contact)
        this.count++
      }
    }
    for (const column of this.columns.values()) column.sort(byColumnOrder)
    this.texts = new Map(
      STAGE_IDS.map((s) => [s, new Array<NormalizedContact | undefined>(this.column(s).length)]),
    )
  }

  apply(ops: readonly Op[], state: StoreState, previous: ReadonlyMap<string, unknown>): void {
    const seen = new Set<string>()
    const leaving: Contact[] = []
    const entering: Contact[] = []
    for (const op of ops) {
      if ((op.op !== 'put' && op.op !== 'delete') || op.coll !== 'contacts') continue
      const id = op.op === 'put' ? op.value.id : op.id
      if (seen.has(id)) continue
      seen.add(id)
      const before = previous.get(`contacts:${id}`)
      if (isContact(before) && this.holds(before)) leaving.push(before)
      const after = state.contacts.get(id)
      if (after && this.holds(after)) entering.push(after)
    }
    if (leaving.length + entering.length <= BATCH) {
      for (const contact of leaving) this.remove(contact)
      for (const contact of entering) this.insert(contact)
      return
    }
    // Many at once (a bulk move, an import): each column touched is filtered and merged once,
    // where a splice per contact would move a 10,000-card column a thousand times.
    const gone = new Set(leaving.map((c) => c.id))
    const arriving = new Map<StageId, Contact[]>()
    for (const contact of entering) {
      const list = arriving.get(contact.stage)
      if (list) list.push(contact)
      else arriving.set(contact.stage, [contact])
    }
    const touched = new Set<StageId>([...leaving.map((c) => c.stage), ...arriving.keys()])
    for (const stage of touched) {
      const column = this.columns.get(stage) ?? []
      const texts = this.texts.get(stage)
      // The cards that stay keep their text slots; the arriving ones are filled by the next scan.
      const staying: Slot[] = []
      column.forEach((contact, i) => {
        if (!gone.has(contact.id)) {
          staying.push({ contact, text: texts?.length === column.length ? texts[i] : undefined })
        }
      })
      const added = (arriving.get(stage) ?? [])
        .sort(byColumnOrder)
        .map((contact): Slot => ({ contact, text: undefined }))
      this.count += staying.length + added.length - column.length
      const merged = mergeSorted(staying, added, bySlotOrder)
      this.columns.set(
        stage,
        merged.map((slot) => slot.contact),
      )
      this.texts.set(
        stage,
        merged.map((slot) => slot.text),
      )
    }
  }

  /**
   * Visit the cards of one column (or all, in board order) with their normalized text, `size`
   * cards per slice, giving the event loop a turn in between (see Slicer). The columns change
   * only through commits, which wait while a command (this scan's) runs.
   */
  async scan(
    stage: StageId | undefined,
    visit: (contact: Contact, text: NormalizedContact) => void,
    slicer: Slicer,
    size: number,
  ): Promise<void> {
    for (const s of stage === undefined ? STAGE_IDS : [stage]) {
      const column = this.column(s)
      let texts = this.texts.get(s)
      if (!texts || texts.length !== column.length) {
        texts = new Array<NormalizedContact | undefined>(column.length)
        this.texts.set(s, texts)
      }
      for (let i = 0; i < column.length; i++) {
        const contact = column[i] as Contact
        let text = texts[i]
        if (text === undefined) texts[i] = text = this.normalize(contact)
        visit(contact, text)
        if (slicer.full(size)) await slicer.pause()
      }
    }
    slicer.close()
  }

  /** Whether this index lists a contact: not trashed, and in this triage state. */
  holds(contact: Contact): boolean {
    return contact.trashedAt === null && contact.triage === this.triage
  }

  /** How many contacts the index holds. */
  get size(): number {
    return this.count
  }

  /** One column's active contacts in board order. Do not mutate. */
  column(stage: StageId): readonly Contact[] {
    return this.columns.get(stage) ?? []
  }

  /** A column without one contact, found by binary search: no per-card callback over 10k cards. */
  columnWithout(stage: StageId, contact: Contact | undefined): readonly Contact[] {
    const column = this.column(stage)
    if (!contact || contact.stage !== stage || !this.holds(contact)) return column
    const at = lowerBound(column, contact)
    if (column[at]?.id !== contact.id) return column.filter((c) => c.id !== contact.id)
    return [...column.slice(0, at), ...column.slice(at + 1)]
  }

  /** Every active contact in board order. */
  all(): Contact[] {
    return STAGE_IDS.flatMap((s) => this.column(s))
  }

  private insert(contact: Contact): void {
    const column = this.columns.get(contact.stage)
    if (!column) return
    const at = lowerBound(column, contact)
    column.splice(at, 0, contact)
    this.texts.get(contact.stage)?.splice(at, 0, undefined)
    this.count++
  }

  private remove(contact: Contact): void {
    const column = this.columns.get(contact.stage)
    if (!column) return
    const found = lowerBound(column, contact)
    // The stored copy differs from the indexed one only if a bug slipped in; stay correct.
    const at =
      column[found]?.id === contact.id ? found : column.findIndex((c) => c.id === contact.id)
    if (at >= 0) {
      column.splice(at, 1)
      this.texts.get(contact.stage)?.splice(at, 1)
      this.count--
    }
  }
}

function isContact(value: unknown): value is Contact {
  return (
    typeof value === 'object' &&
    value !== null &&
    'trashedAt' in value &&
    'triage' in value &&
    'stage' in value
  )
}
