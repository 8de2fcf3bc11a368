import { setImmediate } from 'node:timers/promises'
import { normalizeSkill } from '@shared/coverage'
import { contactEvents, isOnBoard, WeeklyTally } from '@shared/dashboard'
import type { CareerUpdate, Contact } from '@shared/domain'
import type { StageId } from '@shared/stages'
import type { Op } from '../store/ops'
import type { StoreIndex, StoreState } from '../store/store'
import type { TouchIndex } from './touchIndex'

/** Work per event-loop turn while building, ms: well inside a frame, so the window stays responsive. */
const SLICE_MS = 8

/** What the index remembers of a person on the board, to take them out again. */
interface Entry {
  stage: StageId
  skills: string[]
  /** Their credibility (unrated counts as 3) when they have not heard the latest update, else null. */
  notHeard: number | null
}

/** The newest career update by its date, or null. */
function newestUpdate(updates: ReadonlyMap<string, CareerUpdate>): CareerUpdate | null {
  let latest: CareerUpdate | null = null
  for (const update of updates.values()) {
    if (latest === null || Date.parse(update.at) > Date.parse(latest.at)) latest = update
  }
  return latest
}

/**
 * The dashboard's weekly series, kept per person (shared/dashboard.ts WeeklyTally) and updated
 * from applied ops: a move, a touch or a trashing re-derives that one person, so dashboard.get
 * never walks every contact. Built on first use rather than at open, so opening stays as fast as
 * it was; a change of settings (cadences) or a restore drops it for the next use to rebuild.
 * Also counts people per stage now and per target skill, for the totals and the coverage gaps.
 * Register after the TouchIndex: it reads each person's touches from it.
 */
export class DashboardIndex implements StoreIndex {
  readonly tally = new WeeklyTally()
  private readonly entries = new Map<string, Entry>()
  private readonly stageCounts = new Map<StageId, number>()
  private readonly skillCounts = new Map<string, number>()
  /** People past Identified who have not heard the latest update, by credibility 1–5. */
  private readonly notHeardBy: Set<string>[] = [0, 1, 2, 3, 4, 5].map(() => new Set<string>())
  private latestUpdateId: string | null = null
  private state: StoreState | null = null
  private built = false
  /** The cadences per stage the overdue spans were derived with. */
  private cadences = ''

  constructor(private readonly touches: TouchIndex) {}

  rebuild(state: StoreState): void {
    this.state = state
    this.built = false
  }

  apply(ops: readonly Op[], state: StoreState, previous: ReadonlyMap<string, unknown>): void {
    this.state = state
    if (!this.built) return
    const dirty = new Set<string>()
    let newUpdate = false
    for (const op of ops) {
      if (op.op === 'settings') {
        // Cadences per stage may have changed, and with them every overdue span.
        if (JSON.stringify(op.value.cadenceByStage) !== this.cadences) this.built = false
        continue
      }
      if (op.op !== 'put' && op.op !== 'delete') continue
      if (op.coll === 'updates') {
        newUpdate ||= newestUpdate(state.updates)?.id !== this.latestUpdateId
        continue
      }
      if (op.coll === 'contacts') dirty.add(op.op === 'put' ? op.value.id : op.id)
      else if (op.coll === 'interactions') {
        if (op.op === 'put') dirty.add(op.value.contactId)
        const before = previous.get(`interactions:${op.op === 'put' ? op.value.id : op.id}`)
        if (typeof before === 'object' && before !== null && 'contactId' in before)
          dirty.add(String(before.contactId))
      }
    }
    if (!this.built) return
    // A newer update: who has heard the latest changes for everyone at once.
    if (newUpdate) this.regatherNotHeard(state)
    for (const id of dirty) this.refresh(id)
  }

  private regatherNotHeard(state: StoreState): void {
    const latest = newestUpdate(state.updates)?.id ?? null
    this.latestUpdateId = latest
    for (const set of this.notHeardBy) set.clear()
    for (const [id, entry] of this.entries) {
      const contact = state.contacts.get(id)
      entry.notHeard =
        contact &&
        latest !== null &&
        entry.stage !== 'identified' &&
        !this.touches.hasHeard(id, latest)
          ? (contact.credibility ?? 3)
          : null
      if (entry.notHeard !== null) this.notHeardBy[entry.notHeard]?.add(id)
    }
  }

  /**
   * Makes sure the index reflects the whole store; the first call after open builds it, a slice
   * of people per event-loop turn so the main process keeps answering. Callers run on the
   * core's serial command queue, so no op is applied while it builds.
   */
  async ensureBuilt(): Promise<void> {
    while (!this.built && this.state !== null) {
      const state = this.state
      this.tally.clear()
      this.entries.clear()
      this.stageCounts.clear()
      this.skillCounts.clear()
      for (const set of this.notHeardBy) set.clear()
      this.latestUpdateId = newestUpdate(state.updates)?.id ?? null
      this.cadences = JSON.stringify(state.settings.cadenceByStage)
      let n = 0
      let sliceStart = performance.now()
      for (const id of state.contacts.keys()) {
        this.refresh(id)
        if (++n % 50 === 0 && performance.now() - sliceStart >= SLICE_MS) {
          await setImmediate()
          sliceStart = performance.now()
        }
      }
      // A restore replaced the state meanwhile: build again from the new one.
      if (this.state === state) this.built = true
    }
  }

  /** People on the board now, per stage. */
  byStage(): Record<StageId, number> {
    const count = (stage: StageId) => this.stageCounts.get(stage) ?? 0
    return {
      identified: count('identified'),
      building: count('building'),
      'in-touch': count('in-touch'),
      asked: count('asked'),
      'gave-reference': count('gave-reference'),
      thanked: count('thanked'),
    }
  }

  /** How many people on the board list a skill matching this one. */
  skillCount(skill: string): number {
    return this.skillCounts.get(normalizeSkill(skill)) ?? 0
  }

  /**
   * How many people on the board past Identified have not heard the latest update, and up to
   * `keep` of their ids, the most credible first (in no set order within a rating).
   */
  notHeard(keep: number): { count: number; ids: string[] } {
    let count = 0
    const ids: string[] = []
    for (let rating = 5; rating >= 1; rating--) {
      const set = this.notHeardBy[rating]
      if (!set) continue
      count += set.size
      for (const id of set) {
        if (ids.length >= keep) break
        ids.push(id)
      }
    }
    return { count, ids }
  }

  /** Whether a person is on the board (kept, not in the trash). */
  onBoard(contactId: string): boolean {
    return this.entries.has(contactId)
  }

  /** People on the board, in no particular order. */
  *people(): IterableIterator<Contact> {
    const contacts = this.state?.contacts
    if (!contacts) return
    for (const id of this.entries.keys()) {
      const contact = contacts.get(id)
      if (contact) yield contact
    }
  }

  private refresh(id: string): void {
    const old = this.entries.get(id)
    if (old) {
      this.entries.delete(id)
      this.bump(this.stageCounts, old.stage, -1)
      for (const skill of old.skills) this.bump(this.skillCounts, skill, -1)
      if (old.notHeard !== null) this.notHeardBy[old.notHeard]?.delete(id)
    }
    const state = this.state
    const contact = state?.contacts.get(id)
    if (!state || !contact || !isOnBoard(contact)) {
      this.tally.remove(id)
      return
    }
    this.tally.set(id, contactEvents(contact, this.touches.touchesOf(id), state.settings))
    const skills = [...new Set(contact.skills.map(normalizeSkill))].filter((s) => s !== '')
    const latest = this.latestUpdateId
    const notHeard =
      latest !== null && contact.stage !== 'identified' && !this.touches.hasHeard(id, latest)
        ? (contact.credibility ?? 3)
        : null
    if (notHeard !== null) this.notHeardBy[notHeard]?.add(id)
    this.entries.set(id, { stage: contact.stage, skills, notHeard })
    this.bump(this.stageCounts, contact.stage, 1)
    for (const skill of skills) this.bump(this.skillCounts, skill, 1)
  }

  private bump<K>(counts: Map<K, number>, key: K, delta: number): void {
    const next = (counts.get(key) ?? 0) + delta
    if (next === 0) counts.delete(key)
    else counts.set(key, next)
  }
}
