import { DEFAULT_CONTACT_FIELDS, type Contact } from '@shared/domain'
import { dispatch, type AppStatus, type CoreEvent, type Handlers } from '@shared/ipc'
import { DomainError } from '@shared/result'
import type { VouchBridge } from '@shared/bridge'

/** A contact with defaults, for tests. */
export function makeContact(fields: Partial<Contact> & { name: string }): Contact {
  return {
    ...DEFAULT_CONTACT_FIELDS,
    id: fields.name.toLowerCase().replace(/\W+/g, '-'),
    stage: 'identified',
    order: 0,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    trashedAt: null,
    triage: 'kept',
    stageHistory: [],
    snoozedUntil: null,
    ...fields,
  }
}

/** An in-memory core behind the real contract and dispatch, so validation messages are the real ones. */
export interface FakeCore {
  bridge: VouchBridge
  contacts: Map<string, Contact>
  /** Every envelope the renderer sent, in order. */
  calls: { command: string; input: unknown }[]
  status: AppStatus
  emit(event: CoreEvent): void
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
    'contact.move': ({ id, stage, index }) => {
      const others = column(stage, id)
      const at = index ?? others.length
      const reordered = [...others.slice(0, at), { ...get(id), stage }, ...others.slice(at)]
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
