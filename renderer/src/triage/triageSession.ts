import { useEffect, useState, useSyncExternalStore } from 'react'
import type { Contact, Triage } from '@shared/domain'
import type { ContactFilter, ContactSort } from '@shared/query'
import { normalizeSearch } from '@shared/query'
import type { StageId } from '@shared/stages'
import { call } from '../api/client'
import {
  bulkInputOf,
  current,
  initialTriage,
  nextPage,
  triageReducer,
  wantsMore,
  type Decision,
  type KeepDetails,
  type TriageAction,
  type TriageState,
} from './triageModel'
import { Listeners } from '../store/listeners'

/** Another person who may be the same one: same name or same e-mail address. */
export interface DuplicateHint {
  id: string
  name: string
  reason: 'name' | 'email'
  triage: Triage
  stage: StageId
  company: string
}

/** What the queue holds: inbox people matching a filter, in an order. */
export interface TriageQuery {
  filter: ContactFilter
  sort: ContactSort
}

/** How many people ahead of the current one get their duplicate hints looked up early. */
const HINT_AHEAD = 3

/** Sessions still saving decisions (a closed session finishes saving in the background). */
const saving = new Set<TriageSession>()

/** Ids of people whose decision another session has not saved yet: not to be shown again. */
function undecidedElsewhere(self: TriageSession): Set<string> {
  const ids = new Set<string>()
  for (const session of saving) {
    if (session === self) continue
    const { outbox, inFlight } = session.getSnapshot()
    for (const change of inFlight ? [inFlight, ...outbox] : outbox)
      ids.add(change.record.contact.id)
  }
  return ids
}

/**
 * One triage session: the reducer's state, plus the effects around it. Decisions are saved by
 * contact.bulk one at a time, in order, in the background, and keep being saved after the view
 * closes; the next people and their duplicate hints are fetched before they are needed.
 */
export class TriageSession {
  private state: TriageState = initialTriage()
  private readonly listeners = new Listeners()
  private fetching = false
  private active = false
  private readonly hints = new Map<string, readonly DuplicateHint[]>()
  private readonly hintsLoading = new Set<string>()

  constructor(readonly query: TriageQuery) {}

  start(): void {
    this.active = true
    this.pump()
  }

  /** Stops fetching; decisions already made are still saved. */
  stop(): void {
    this.active = false
  }

  readonly subscribe = this.listeners.subscribe

  readonly getSnapshot = (): TriageState => this.state

  decide(decision: Decision, details?: KeepDetails): void {
    this.dispatch({ type: 'decide', decision, ...(details ? { details } : {}) })
  }

  undo(): void {
    this.dispatch({ type: 'undo' })
  }

  /** Ask for the next people again after a failed fetch. */
  retry(): void {
    this.dispatch({ type: 'dismiss-error' })
    this.pump()
  }

  dismissError(): void {
    this.dispatch({ type: 'dismiss-error' })
  }

  /** Duplicate hints of a person, or null while they are being looked up. */
  hintsFor(id: string): readonly DuplicateHint[] | null {
    return this.hints.get(id) ?? null
  }

  private dispatch(action: TriageAction): void {
    const next = triageReducer(this.state, action)
    if (next === this.state) return
    this.state = next
    this.listeners.notify()
    this.pump()
  }

  private pump(): void {
    if (this.state.inFlight || this.state.outbox.length > 0) saving.add(this)
    else saving.delete(this)
    if (!this.state.inFlight && this.state.outbox.length > 0) {
      this.dispatch({ type: 'send' })
      void this.sendInFlight()
    }
    if (!this.active) return
    if (!this.fetching && wantsMore(this.state)) void this.fetchMore()
    for (const person of this.state.queue.slice(0, HINT_AHEAD)) void this.lookUpHints(person)
  }

  private async sendInFlight(): Promise<void> {
    const change = this.state.inFlight
    if (!change) return
    const result = await call('contact.bulk', bulkInputOf(change))
    this.dispatch(
      result.ok
        ? { type: 'settled', ok: true }
        : {
            type: 'settled',
            ok: false,
            message: result.message,
            // One id per change: not-found means this person was deleted meanwhile.
            gone: result.code === 'not-found',
          },
    )
  }

  private async fetchMore(): Promise<void> {
    this.fetching = true
    const { offset, limit } = nextPage(this.state)
    const result = await call('contact.query', {
      triage: 'inbox',
      filter: this.query.filter,
      sort: this.query.sort,
      offset,
      limit,
    })
    this.fetching = false
    if (!result.ok) {
      // Shown with Try again; the next decision or retry() asks again.
      this.state = { ...this.state, error: result.message, started: true }
      this.listeners.notify()
      return
    }
    this.dispatch({
      type: 'loaded',
      items: result.value.items,
      exclude: undecidedElsewhere(this),
      total: result.value.total,
      offset,
      limit,
    })
  }

  private async lookUpHints(person: Contact): Promise<void> {
    if (this.hints.has(person.id) || this.hintsLoading.has(person.id)) return
    this.hintsLoading.add(person.id)
    const found = new Map<string, DuplicateHint>()
    const name = normalizeSearch(person.name)
    const byName = await call('contact.query', {
      triage: 'any',
      filter: { text: person.name.slice(0, 200) },
      limit: 20,
    })
    if (byName.ok) {
      for (const other of byName.value.items) {
        if (other.id !== person.id && normalizeSearch(other.name) === name)
          found.set(other.id, hintOf(other, 'name'))
      }
    }
    const email = person.email.trim().toLowerCase()
    if (email !== '') {
      const byEmail = await call('contact.query', {
        triage: 'any',
        filter: { text: email.slice(0, 200) },
        limit: 20,
      })
      if (byEmail.ok) {
        for (const other of byEmail.value.items) {
          if (other.id !== person.id && other.email.trim().toLowerCase() === email)
            found.set(other.id, hintOf(other, 'email'))
        }
      }
    }
    this.hintsLoading.delete(person.id)
    this.hints.set(person.id, [...found.values()].slice(0, 3))
    // A new snapshot object, so the view re-reads the hints.
    this.state = { ...this.state }
    this.listeners.notify()
  }
}

function hintOf(other: Contact, reason: DuplicateHint['reason']): DuplicateHint {
  return {
    id: other.id,
    name: other.name,
    reason,
    triage: other.triage,
    stage: other.stage,
    company: other.company,
  }
}

/** The session for `query` while the component is mounted; a new query starts a new session. */
export function useTriageSession(query: TriageQuery): {
  session: TriageSession
  state: TriageState
  person: Contact | null
} {
  const key = JSON.stringify(query)
  const [held, setHeld] = useState(() => ({ key, session: new TriageSession(query) }))
  if (held.key !== key) setHeld({ key, session: new TriageSession(query) })
  const { session } = held
  useEffect(() => {
    session.start()
    return () => session.stop()
  }, [session])
  const state = useSyncExternalStore(session.subscribe, session.getSnapshot)
  return { session, state, person: current(state) }
}
