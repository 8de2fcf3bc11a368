import { describe, expect, it } from 'vitest'
import type { Contact } from '@shared/domain'
import {
  makeContact,
  makeInteraction,
  makeRequest,
  makeSettings,
  makeUpdate,
} from '@testing/builders'
import { applyOps, type StoreState } from '../store/store'
import { emptyStoreFile, type StoreFile } from '../store/schema'
import { planImport, planRestore, planUndo, type PlanInput } from './plan'
import type { ImportedContact } from './types'

const NOW = '2025-03-01T12:00:00.000Z'

function stateWith(contacts: Contact[] = [], extra: Partial<StoreState> = {}): StoreState {
  return {
    contacts: new Map(contacts.map((c) => [c.id, c])),
    interactions: new Map(),
    requests: new Map(),
    updates: new Map(),
    settings: makeSettings(),
    reminders: { lastTickAt: null, log: {} },
    importBatches: new Map(),
    ...extra,
  }
}

function row(fields: Partial<ImportedContact> & { name: string }, line = 1): ImportedContact {
  return { source: { line }, ...fields }
}

/** Ids new-1, new-2, … in the order the plan asks for them. */
function counter(): () => string {
  let n = 0
  return () => `new-${++n}`
}

function input(
  state: StoreState,
  rows: ImportedContact[],
  over: Partial<PlanInput & { placeOnBoard: boolean }> = {},
) {
  return {
    state,
    fileName: 'people.vcf',
    format: 'vcard' as const,
    rows,
    defaultChoice: 'skip' as const,
    choices: {},
    batchId: 'batch-1',
    now: NOW,
    newId: counter(),
    placeOnBoard: false,
    ...over,
  }
}

function putContacts(ops: ReturnType<typeof planImport>['ops']): Contact[] {
  return ops.flatMap((op) => (op.op === 'put' && op.coll === 'contacts' ? [op.value] : []))
}

describe('planImport', () => {
  it('adds new rows to Identified after the last card, tagged with their source, in the inbox', () => {
    const state = stateWith([makeContact({ stage: 'identified', order: 6 })])
    const plan = planImport(
      input(state, [row({ name: 'Grace Hopper' }), row({ name: 'Alan Kay' })]),
    )
    const added = putContacts(plan.ops)
    expect(added.map((c) => [c.id, c.name, c.order, c.triage, c.stage])).toEqual([
      ['new-1', 'Grace Hopper', 7, 'inbox', 'identified'],
      ['new-2', 'Alan Kay', 8, 'inbox', 'identified'],
    ])
    expect(added[0]?.tags).toEqual(['import:vcard'])
    expect(added[0]?.stageHistory).toEqual([{ stage: 'identified', at: NOW }])
    expect(plan.counts).toEqual({ added: 2, merged: 0, skipped: 0 })
    expect(plan.batch.added).toEqual([
      { coll: 'contacts', id: 'new-1' },
      { coll: 'contacts', id: 'new-2' },
    ])
    expect(plan.batch).toMatchObject({ id: 'batch-1', fileName: 'people.vcf', at: NOW })
  })

  it('puts new people on the board when asked', () => {
    const plan = planImport(input(stateWith(), [row({ name: 'Grace' })], { placeOnBoard: true }))
    expect(putContacts(plan.ops)[0]?.triage).toBe('kept')
  })

  it('skips a known person by default and merges when told, remembering the record before', () => {
    const known = makeContact({ id: 'ada', name: 'Ada', email: 'ada@x.org', phone: '' })
    const rows = [row({ name: 'Ada L', email: 'ADA@x.org', phone: '+44 1' })]
    const skipped = planImport(input(stateWith([known]), rows))
    expect(skipped.ops).toEqual([])
    expect(skipped.counts).toEqual({ added: 0, merged: 0, skipped: 1 })

    const merged = planImport(input(stateWith([known]), rows, { defaultChoice: 'merge' }))
    expect(merged.counts).toEqual({ added: 0, merged: 1, skipped: 0 })
    expect(putContacts(merged.ops).map((c) => [c.id, c.name, c.phone])).toEqual([
      ['ada', 'Ada', '+44 1'],
    ])
    expect(merged.batch.merged).toEqual([known])
  })

  it('follows a per-row choice over the default', () => {
    const known = makeContact({ id: 'ada', name: 'Ada', email: 'ada@x.org' })
    const plan = planImport(
      input(stateWith([known]), [row({ name: 'Ada', email: 'ada@x.org' })], {
        choices: { '0': 'add' },
      }),
    )
    expect(plan.counts).toEqual({ added: 1, merged: 0, skipped: 0 })
  })

  it('adds a weak match (same name and company, other email) even when the default skips', () => {
    const known = makeContact({ name: 'Sam Lee', company: 'Acme', email: 'sam@acme.com' })
    const plan = planImport(
      input(stateWith([known]), [row({ name: 'Sam Lee', company: 'Acme', email: 'sam@home.net' })]),
    )
    expect(plan.counts).toEqual({ added: 1, merged: 0, skipped: 0 })
  })

  it('merges a repeated row of the file into the contact its first row became', () => {
    const rows = [
      row({ name: 'Grace', email: 'g@navy.mil' }),
      row({ name: 'Grace H', email: 'g@navy.mil', company: 'Navy' }, 2),
    ]
    const plan = planImport(input(stateWith(), rows, { defaultChoice: 'merge' }))
    expect(plan.counts).toEqual({ added: 1, merged: 1, skipped: 0 })
    expect(putContacts(plan.ops).map((c) => [c.id, c.name, c.company])).toEqual([
      ['new-1', 'Grace', 'Navy'],
    ])
    // The merged-into contact is new: nothing to revert on undo.
    expect(plan.batch.merged).toEqual([])
  })
})

function exportOf(over: Partial<StoreFile>): StoreFile {
  return { ...emptyStoreFile(new Date(NOW)), ...over }
}

function rowsOf(file: StoreFile): ImportedContact[] {
  return file.contacts.map((c, i) => ({
    name: c.name,
    email: c.email,
    source: { line: 1, card: i + 1 },
  }))
}

describe('planRestore', () => {
  it('keeps ids, stages and order of new records and takes settings into an empty folder', () => {
    const ada = makeContact({ id: 'ada', stage: 'asked', order: 3 })
    const touch = makeInteraction({ id: 't1', contactId: 'ada' })
    const ask = makeRequest({ id: 'r1', contactId: 'ada' })
    const update = makeUpdate({ id: 'u1' })
    const settings = makeSettings({ thankWithinDays: 45 })
    const file = exportOf({
      contacts: [ada],
      interactions: [touch],
      requests: [ask],
      updates: [update],
      settings,
    })
    const state = stateWith()
    const plan = planRestore({ ...input(state, rowsOf(file)), file, format: 'vouch-json' })
    expect(plan.ops).toEqual([
      { op: 'put', coll: 'contacts', value: ada },
      { op: 'put', coll: 'interactions', value: touch },
      { op: 'put', coll: 'requests', value: ask },
      { op: 'put', coll: 'updates', value: update },
      { op: 'settings', value: settings },
    ])
    expect(plan.batch.settingsBefore).toEqual(state.settings)
    expect(plan.counts).toEqual({ added: 1, merged: 0, skipped: 0 })
  })

  it('leaves settings alone when the folder holds records', () => {
    const mine = makeContact({ id: 'mine', email: 'me@x.org' })
    const file = exportOf({ settings: makeSettings({ thankWithinDays: 45 }) })
    const plan = planRestore({ ...input(stateWith([mine]), []), file })
    expect(plan.ops).toEqual([])
    expect(plan.batch.settingsBefore).toBeNull()
  })

  it('keeps a skipped same-id contact as the owner of the file’s new touches', () => {
    const mine = makeContact({ id: 'ada', name: 'Ada' })
    const touch = makeInteraction({ id: 't-new', contactId: 'ada' })
    const file = exportOf({
      contacts: [makeContact({ id: 'ada', name: 'Ada' })],
      interactions: [touch],
    })
    const plan = planRestore({ ...input(stateWith([mine]), rowsOf(file)), file })
    expect(plan.counts).toEqual({ added: 0, merged: 0, skipped: 1 })
    expect(plan.ops).toEqual([{ op: 'put', coll: 'interactions', value: touch }])
  })

  it('gives an added same-id contact a new id and moves its touches and requests with it', () => {
    const mine = makeContact({ id: 'ada', name: 'Ada' })
    const theirs = makeContact({ id: 'ada', name: 'Ada (work)' })
    const touch = makeInteraction({ id: 't1', contactId: 'ada' })
    const ask = makeRequest({ id: 'r1', contactId: 'ada' })
    const file = exportOf({ contacts: [theirs], interactions: [touch], requests: [ask] })
    const plan = planRestore({
      ...input(stateWith([mine]), rowsOf(file), { choices: { '0': 'add' } }),
      file,
    })
    expect(plan.ops).toEqual([
      { op: 'put', coll: 'contacts', value: { ...theirs, id: 'new-1' } },
      { op: 'put', coll: 'interactions', value: { ...touch, contactId: 'new-1' } },
      { op: 'put', coll: 'requests', value: { ...ask, contactId: 'new-1' } },
    ])
  })

  it('merges a field match without taking its id, stage or order, and drops known touches', () => {
    const mine = makeContact({ id: 'mine', name: 'Ada', email: 'ada@x.org', stage: 'building' })
    const theirs = makeContact({
      id: 'theirs',
      name: 'Ada',
      email: 'ada@x.org',
      phone: '+44 1',
      stage: 'thanked',
      order: 9,
    })
    const known = makeInteraction({ id: 'known', contactId: 'theirs' })
    const fresh = makeInteraction({ id: 'fresh', contactId: 'theirs' })
    const state = stateWith([mine], { interactions: new Map([['known', known]]) })
    const file = exportOf({ contacts: [theirs], interactions: [known, fresh] })
    const plan = planRestore({ ...input(state, rowsOf(file), { defaultChoice: 'merge' }), file })
    const [put, touch] = plan.ops
    expect(put).toMatchObject({
      coll: 'contacts',
      value: { id: 'mine', stage: 'building', phone: '+44 1', order: mine.order },
    })
    expect(touch).toEqual({
      op: 'put',
      coll: 'interactions',
      value: { ...fresh, contactId: 'mine' },
    })
    expect(plan.ops).toHaveLength(2)
    expect(plan.batch.merged).toEqual([mine])
    expect(plan.counts).toEqual({ added: 0, merged: 1, skipped: 0 })
  })
})

describe('planUndo', () => {
  it('removes what a batch added and what was logged on it since, and reverts merges', () => {
    const known = makeContact({ id: 'ada', name: 'Ada', email: 'ada@x.org' })
    const state = stateWith([known])
    const plan = planImport(
      input(state, [row({ name: 'Ada', email: 'ada@x.org', phone: '+1' }), row({ name: 'Bo' })], {
        defaultChoice: 'merge',
      }),
    )
    applyOps(state, plan.ops)
    const later = makeInteraction({ id: 'later', contactId: 'new-1' })
    state.interactions.set(later.id, later)

    const undo = planUndo(plan.batch, state, '2025-03-02T00:00:00.000Z')
    expect(undo.removed).toBe(1)
    expect(undo.ops).toEqual([
      { op: 'delete', coll: 'contacts', id: 'new-1' },
      { op: 'delete', coll: 'interactions', id: 'later' },
      { op: 'put', coll: 'contacts', value: known },
      {
        op: 'put',
        coll: 'importBatches',
        value: { ...plan.batch, undoneAt: '2025-03-02T00:00:00.000Z' },
      },
    ])
  })

  it('skips records already gone and puts back the settings a restore replaced', () => {
    const state = stateWith()
    const before = makeSettings({ thankWithinDays: 10 })
    const batch = {
      id: 'b',
      fileName: 'f.json',
      format: 'vouch-json',
      at: NOW,
      added: [{ coll: 'contacts' as const, id: 'gone' }],
      merged: [],
      settingsBefore: before,
      undoneAt: null,
    }
    const undo = planUndo(batch, state, NOW)
    expect(undo.removed).toBe(0)
    expect(undo.ops).toEqual([
      { op: 'settings', value: before },
      { op: 'put', coll: 'importBatches', value: { ...batch, undoneAt: NOW } },
    ])
  })
})
