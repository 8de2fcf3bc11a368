import { DEFAULT_SETTINGS, type Contact } from '@shared/domain'
import { makeContact as buildContact } from '@testing/builders'
import {
  compareContacts,
  compileFilter,
  lanesOf,
  normalizeContact,
  type ContactFacts,
  type ContactFilter,
  type GroupBy,
} from '@shared/query'
import { STAGE_IDS } from '@shared/stages'
import { dispatch, type AppStatus, type CoreEvent, type Handlers } from '@shared/ipc'
import { DomainError } from '@shared/result'
import type { VouchBridge } from '@shared/bridge'

/** A contact on the board in Identified, its id made from its name: what the renderer tests seed. */
export function makeContact(fields: Partial<Contact> & { name: string }): Contact {
  return buildContact({
    id: fields.name.toLowerCase().replace(/\W+/g, '-'),
    stage: 'identified',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...fields,
  })
}

/** An in-memory core behind the real contract and dispatch, so validation messages are the real ones. */
export interface FakeCore {
  bridge: VouchBridge
  contacts: Map<string, Contact>
  /** Every envelope the renderer sent, in order. */
  calls: { command: string; input: unknown }[]
  status: AppStatus
  emit: (event: CoreEvent) => void
}

/** Build a fake core holding `contacts`, and put its bridge on window.vouch. */
export function installFakeCore(contacts: readonly Contact[] = []): FakeCore {
  const store = new Map(contacts.map((c) => [c.id, c]))
  const listeners = new Set<(event: CoreEvent) => void>()
  const calls: { command: string; input: unknown }[] = []
  let nextId = 1
  const changed = () => {
    for (const l of [...listeners]) l({ type: 'changed', collections: ['contacts'] })
  }
  const get = (id: string) => {
    const c = store.get(id)
    if (!c) throw new DomainError('not-found', 'That contact no longer exists.')
    return c
  }
  const column = (stage: Contact['stage'], except?: string) =>
    [...store.values()]
      .filter((c) => c.stage === stage && c.trashedAt === null && c.id !== except)
      .sort((a, b) => a.order - b.order)
  const facts: ContactFacts = {
    dueState: 'never',
    hasOpenRequest: false,
    readiness: 0,
    lastTouchAt: null,
    dueAt: null,
  }
  /** Kept, non-trashed contacts matching a selection, in board order (as the core answers). */
  const select = (s: {
    filter?: ContactFilter | undefined
    stage?: Contact['stage'] | undefined
    groupBy?: GroupBy | undefined
    lane?: string | undefined
  }) => {
    const test = compileFilter(s.filter ?? {})
    return [...store.values()]
      .filter(
        (c) =>
          c.trashedAt === null &&
          c.triage === 'kept' &&
          (s.stage === undefined || c.stage === s.stage) &&
          (s.lane === undefined ||
            lanesOf(c, s.groupBy ?? 'none').some((lane) => lane.key === s.lane)) &&
          test.test(c, { facts: () => facts, normalized: normalizeContact }),
      )
      .map((contact) => ({ contact, facts }))
      .sort(compareContacts('manual'))
  }
  const counts = (contacts: readonly Contact[]) => {
    const byStage = Object.fromEntries(STAGE_IDS.map((id) => [id, 0]))
    for (const c of contacts) byStage[c.stage] = (byStage[c.stage] ?? 0) + 1
    return {
      identified: byStage.identified ?? 0,
      building: byStage.building ?? 0,
      'in-touch': byStage['in-touch'] ?? 0,
      asked: byStage.asked ?? 0,
      'gave-reference': byStage['gave-reference'] ?? 0,
      thanked: byStage.thanked ?? 0,
    }
  }
  const fake: FakeCore = {
    contacts: store,
    calls,
    status: { dataFile: '/data/vouch.json', readOnly: false, problem: null },
    emit: (event) => {
      for (const l of [...listeners]) l(event)
    },
    bridge: {
      invoke: async (envelope) => {
        calls.push(envelope)
        if (!Object.prototype.hasOwnProperty.call(handlers, envelope.command)) {
          return {
            ok: false,
            code: 'unknown-command',
            message: `The fake core has no ${envelope.command}.`,
          }
        }
        // Only the board's commands are implemented; the check above keeps dispatch from reaching the others.
        return dispatch(handlers as Handlers, envelope)
      },
      subscribe: (listener) => {
        listeners.add(listener)
        return () => listeners.delete(listener)
      },
    },
  }
  const handlers: Partial<Handlers> = {
    'app.status': () => fake.status,
    'contact.list': () => [...store.values()].filter((c) => c.trashedAt === null),
    'contact.trash': () => [...store.values()].filter((c) => c.trashedAt !== null),
    'contact.get': ({ id }) => get(id),
    'contact.query': ({ sort, offset, limit, ...selection }) => {
      const matches = select(selection).sort(compareContacts(sort))
      return {
        total: matches.length,
        items: matches.slice(offset, offset + limit).map((m) => m.contact),
      }
    },
    'contact.ids': (selection) => ({ ids: select(selection).map((m) => m.contact.id) }),
    'board.summary': ({ filter }) => {
      const matching = select({ filter }).map((m) => m.contact)
      const kept = [...store.values()].filter((c) => c.trashedAt === null && c.triage === 'kept')
      return {
        counts: counts(matching),
        matching: matching.length,
        total: kept.length,
        lanes: [],
        triage: { inbox: 0, kept: kept.length, archived: 0 },
      }
    },
    'board.insights': () => ({
      now: '2025-01-02T00:00:00.000Z',
      latestUpdateId: null,
      contacts: [],
    }),
    'settings.get': () => DEFAULT_SETTINGS,
    'contact.create': ({ stage = 'identified', ...fields }) => {
      const first = column(stage)[0]
      const contact = makeContact({
        ...fields,
        id: `new-${nextId++}`,
        stage,
        order: first ? first.order - 1 : 0,
      })
      store.set(contact.id, contact)
      changed()
      return contact
    },
    'contact.update': ({ id, ...fields }) => {
      const contact = { ...get(id), ...fields }
      store.set(id, contact)
      changed()
      return contact
    },
    'contact.move': ({ id, stage, index, lane }) => {
      const others = column(stage, id)
      const at = index ?? others.length
      const moved = { ...get(id), ...lane, stage }
      const reordered = [...others.slice(0, at), moved, ...others.slice(at)]
      reordered.forEach((c, i) => store.set(c.id, { ...c, order: i }))
      changed()
      return get(id)
    },
    'contact.delete': ({ id }) => {
      const contact = { ...get(id), trashedAt: '2025-01-02T00:00:00.000Z' }
      store.set(id, contact)
      changed()
      return contact
    },
    'contact.restore': ({ id }) => {
      const contact = { ...get(id), trashedAt: null }
      store.set(id, contact)
      changed()
      return contact
    },
    undo: () => ({ label: 'Delete Ada Lovelace' }),
    redo: () => ({ label: null }),
  }
  window.vouch = fake.bridge
  return fake
}
