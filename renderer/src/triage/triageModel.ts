import type { Contact, Relationship } from '@shared/domain'

/** What the user decides about one person: keep on the board, archive (not now), or skip for now. */
export type Decision = 'keep' | 'archive' | 'skip'

/** What Keep may set in the same step. */
export interface KeepDetails {
  relationship?: Relationship
  credibility?: number | null
}

/** One decision of this session, newest last in the history (what undo takes back). */
export interface DecisionRecord {
  readonly seq: number
  /** The person as they were before the decision. */
  readonly contact: Contact
  readonly decision: Decision
  readonly details: KeepDetails
}

/** A change waiting to be sent to the core: a decision, or the undoing of one already sent. */
export interface Outgoing {
  readonly kind: 'apply' | 'revert'
  readonly record: DecisionRecord
}

/** A triage session: the prefetched queue, the decisions made, and the changes not yet saved. */
export interface TriageState {
  /** How many people matched when the session started (grows if more turn up). */
  readonly sessionTotal: number
  /** Upcoming people, the current one first. */
  readonly queue: readonly Contact[]
  /** Decisions of this session that still stand, oldest first. */
  readonly history: readonly DecisionRecord[]
  /** Changes not yet sent, in the order they must reach the core. */
  readonly outbox: readonly Outgoing[]
  /** The change the core is saving now. */
  readonly inFlight: Outgoing | null
  /** Whether the core has no more matching people beyond those fetched. */
  readonly exhausted: boolean
  /** Whether the first page has answered. */
  readonly started: boolean
  /** The last failure, in words, until the next decision. */
  readonly error: string | null
  readonly nextSeq: number
}

/** An empty session, before its first page. */
export function initialTriage(): TriageState {
  return {
    sessionTotal: 0,
    queue: [],
    history: [],
    outbox: [],
    inFlight: null,
    exhausted: false,
    started: false,
    error: null,
    nextSeq: 1,
  }
}

/** Everything the reducer understands. */
export type TriageAction =
  | {
      type: 'loaded'
      items: readonly Contact[]
      total: number
      /** The offset and limit the page was asked with. */
      offset: number
      limit: number
      /** People another session decided and has not saved yet: not shown again. */
      exclude?: ReadonlySet<string>
    }
  | { type: 'decide'; decision: Decision; details?: KeepDetails }
  | { type: 'undo' }
  /** The sender took the outbox's head. */
  | { type: 'send' }
  /** The core answered the change in flight. */
  | { type: 'settled'; ok: true }
  /** `gone`: the person no longer exists or is in the trash, so there is nothing to decide. */
  | { type: 'settled'; ok: false; message: string; gone?: boolean }
  | { type: 'dismiss-error' }

function decidedIds(state: TriageState): Set<string> {
  return new Set(state.history.map((r) => r.contact.id))
}

/** How many people this session has not looked at yet. */
export function remaining(state: TriageState): number {
  return Math.max(state.sessionTotal - state.history.length, state.queue.length)
}

/** Progress of the session: how many are left of how many, and the fraction done (0–1). */
export function progress(state: TriageState): { left: number; total: number; done: number } {
  const left = remaining(state)
  const total = Math.max(state.sessionTotal, left + state.history.length)
  return { left, total, done: total === 0 ? 1 : (total - left) / total }
}

/** The person on screen, or null when the queue is empty. */
export function current(state: TriageState): Contact | null {
  return state.queue[0] ?? null
}

/** Decisions sent or waiting that the core has not confirmed yet. */
export function unsavedCount(state: TriageState): number {
  return state.outbox.length + (state.inFlight ? 1 : 0)
}

/** The queue is short and the core may have more: time to fetch the next page. */
export function wantsMore(state: TriageState, lowWater = 20): boolean {
  return !state.exhausted && state.queue.length < lowWater
}

/**
 * Where the next page starts and how big it must be. People still in the inbox ahead of the
 * unseen ones are those skipped and those queued (known lower bound); decisions the core has
 * not applied yet may still sit there too, so the page grows by their number and the reducer
 * drops whoever it has seen already.
 */
export function nextPage(state: TriageState, pageSize = 50): { offset: number; limit: number } {
  const skipped = state.history.filter((r) => r.decision === 'skip').length
  const pending = state.outbox.length + (state.inFlight ? 1 : 0)
  return { offset: skipped + state.queue.length, limit: Math.min(500, pageSize + pending) }
}

function withoutId(list: readonly Contact[], id: string): Contact[] {
  return list.filter((c) => c.id !== id)
}

/** The triage session's pure state machine: decide at once, save in order, undo in order. */
export function triageReducer(state: TriageState, action: TriageAction): TriageState {
  switch (action.type) {
    case 'loaded': {
      const seen = decidedIds(state)
      const queued = new Set(state.queue.map((c) => c.id))
      const fresh = action.items.filter(
        (c) => !seen.has(c.id) && !queued.has(c.id) && !action.exclude?.has(c.id),
      )
      const exhausted = action.items.length < action.limit
      const sessionTotal = state.started
        ? Math.max(state.sessionTotal, state.history.length + state.queue.length + fresh.length)
        : action.total
      return {
        ...state,
        started: true,
        sessionTotal,
        queue: [...state.queue, ...fresh],
        exhausted,
      }
    }
    case 'decide': {
      const person = state.queue[0]
      if (!person) return state
      const record: DecisionRecord = {
        seq: state.nextSeq,
        contact: person,
        decision: action.decision,
        details: action.decision === 'keep' ? (action.details ?? {}) : {},
      }
      return {
        ...state,
        nextSeq: state.nextSeq + 1,
        queue: state.queue.slice(1),
        history: [...state.history, record],
        outbox:
          action.decision === 'skip' ? state.outbox : [...state.outbox, { kind: 'apply', record }],
        error: null,
      }
    }
    case 'undo': {
      const record = state.history.at(-1)
      if (!record) return state
      const history = state.history.slice(0, -1)
      const queue = [record.contact, ...withoutId(state.queue, record.contact.id)]
      if (record.decision === 'skip') return { ...state, history, queue, error: null }
      const waiting = state.outbox.findIndex(
        (o) => o.kind === 'apply' && o.record.seq === record.seq,
      )
      // Not sent yet: it never reaches the core. Sent (or being sent): send its opposite after it.
      const outbox =
        waiting >= 0
          ? state.outbox.filter((_, i) => i !== waiting)
          : [...state.outbox, { kind: 'revert' as const, record }]
      return { ...state, history, queue, outbox, error: null }
    }
    case 'send': {
      const head = state.outbox[0]
      if (!head || state.inFlight) return state
      return { ...state, inFlight: head, outbox: state.outbox.slice(1) }
    }
    case 'settled': {
      const done = state.inFlight
      if (!done) return state
      if (action.ok) return { ...state, inFlight: null }
      const { record } = done
      if (action.gone) {
        return {
          ...state,
          inFlight: null,
          // They are no longer one of the people to look at.
          sessionTotal: Math.max(0, state.sessionTotal - 1),
          queue: withoutId(state.queue, record.contact.id),
          history: state.history.filter((r) => r.seq !== record.seq),
          outbox: state.outbox.filter((o) => o.record.contact.id !== record.contact.id),
          error: `${record.contact.name} was deleted meanwhile: ${action.message}`,
        }
      }
      if (done.kind === 'apply') {
        // The decision did not happen: the person comes back to be decided again.
        const stillDecided = state.history.some((r) => r.seq === record.seq)
        return {
          ...state,
          inFlight: null,
          history: state.history.filter((r) => r.seq !== record.seq),
          queue: stillDecided
            ? [record.contact, ...withoutId(state.queue, record.contact.id)]
            : state.queue,
          // An undo already queued for this decision has nothing left to undo.
          outbox: state.outbox.filter((o) => o.record.seq !== record.seq),
          error: `Could not save the decision about ${record.contact.name}: ${action.message}`,
        }
      }
      // The undo did not happen: the core still holds the decision, so the person leaves the queue.
      return {
        ...state,
        inFlight: null,
        queue: withoutId(state.queue, record.contact.id),
        history: [...state.history, record],
        error: `Could not undo the decision about ${record.contact.name}: ${action.message}`,
      }
    }
    case 'dismiss-error':
      return { ...state, error: null }
  }
}

/** What contact.bulk must set to carry out (or take back) one change. */
export function bulkInputOf(change: Outgoing): {
  ids: string[]
  set: {
    triage: 'kept' | 'archived' | 'inbox'
    relationship?: Relationship
    credibility?: number | null
  }
} {
  const { record } = change
  const ids = [record.contact.id]
  if (change.kind === 'revert') {
    const set: ReturnType<typeof bulkInputOf>['set'] = { triage: record.contact.triage }
    if (record.details.relationship !== undefined) set.relationship = record.contact.relationship
    if (record.details.credibility !== undefined) set.credibility = record.contact.credibility
    return { ids, set }
  }
  if (record.decision === 'archive') return { ids, set: { triage: 'archived' } }
  return {
    ids,
    set: {
      triage: 'kept',
      ...(record.details.relationship !== undefined
        ? { relationship: record.details.relationship }
        : {}),
      ...(record.details.credibility !== undefined
        ? { credibility: record.details.credibility }
        : {}),
    },
  }
}
