import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import type { Contact, Stage } from '@shared/domain'
import type { CoreEvent, Input } from '@shared/ipc'
import { makeContact, makeInteraction } from '@testing/builders'
import type { Core } from '../index'
import { seedStore } from '@testing/core/seed'
import { useTempCores } from '@testing/core/tempCores'

let clock: Date
const DAY = 24 * 60 * 60 * 1000
/** Midday UTC keeps calendar-day counts the same in any time zone from UTC−11 to UTC+11. */
const START = new Date('2025-03-10T12:00:00.000Z')

const temp = useTempCores(() => ({ now: () => clock, compactAfterMs: 600_000 }))
const open = temp.open

const create = (core: Core, input: Input<'contact.create'>) => core.call('contact.create', input)
const get = (core: Core, id: string) => core.call('contact.get', { id })
const board = (core: Core) => core.call('contact.list', {})
const query = (core: Core, input: Input<'contact.query'>) => core.call('contact.query', input)
const summary = (core: Core, input: Input<'board.summary'> = {}) =>
  core.call('board.summary', input)
const today = (core: Core, input: Input<'today.get'> = {}) => core.call('today.get', input)
const bulk = (core: Core, input: Input<'contact.bulk'>) => core.call('contact.bulk', input)

async function journalLines(): Promise<number> {
  const text = await readFile(join(temp.dir, 'vouch.journal'), 'utf8').catch(() => '')
  return text.split('\n').filter((line) => line.trim() !== '').length
}

/** `n` contacts named "Person 0001"… in Building, kept, created a day apart before START. */
function people(n: number, overrides: (i: number) => Partial<Contact> = () => ({})): Contact[] {
  return Array.from({ length: n }, (_, i) =>
    makeContact({
      id: `p${String(i).padStart(5, '0')}`,
      name: `Person ${String(i).padStart(4, '0')}`,
      stage: 'building',
      order: i,
      createdAt: new Date(START.getTime() - (n - i) * DAY).toISOString(),
      ...overrides(i),
    }),
  )
}

beforeEach(() => {
  clock = START
})

describe('triage: only kept people count', () => {
  it('an inbox or archived person is in no board, Today, insights, coverage or reminder list', async () => {
    // Everyone overdue: building's 30-day cadence, created 100 days ago, never touched.
    const created = new Date(START.getTime() - 100 * DAY).toISOString()
    const base = { stage: 'building' as const, createdAt: created, skills: ['Rust'] }
    await seedStore(temp.dir, {
      contacts: [
        makeContact({ ...base, id: 'kept', name: 'Kept', triage: 'kept' }),
        makeContact({ ...base, id: 'inbox', name: 'Inbox', triage: 'inbox' }),
        makeContact({ ...base, id: 'archived', name: 'Archived', triage: 'archived' }),
      ],
    })
    const core = await open()
    await core.call('settings.update', { targetSkills: ['Rust'] })
    const events: CoreEvent[] = []
    core.subscribe((e) => events.push(e))

    expect((await board(core)).map((c) => c.id)).toEqual(['kept'])
    const t = await today(core)
    expect(t.overdue.map((i) => i.contactId)).toEqual(['kept'])
    expect(t.counts.overdue).toBe(1)
    const insights = await core.call('board.insights', {})
    expect(insights.contacts.map((c) => c.contactId)).toEqual(['kept'])
    const coverage = await core.call('coverage.get', {})
    expect(coverage.rows[0]?.contacts.map((c) => c.contactId)).toEqual(['kept'])
    const reminders = await core.call('reminder.list', {})
    expect(reminders.due.map((r) => r.contactId)).toEqual(['kept'])
    await core.tick()
    expect(events.filter((e) => e.type === 'reminders')).toEqual([{ type: 'reminders', due: 1 }])
    expect((await summary(core)).triage).toEqual({ inbox: 1, kept: 1, archived: 1 })

    // Keeping the inbox person puts them on the board, in Today and in reminders.
    await bulk(core, { ids: ['inbox'], set: { triage: 'kept', stage: 'building' } })
    expect((await board(core)).map((c) => c.id).sort()).toEqual(['inbox', 'kept'])
    expect((await today(core)).counts.overdue).toBe(2)
    expect((await core.call('reminder.list', {})).due).toHaveLength(2)
  })

  it('contact.create puts a person on the board as kept', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada' })
    expect(ada.triage).toBe('kept')
    expect((await board(core)).map((c) => c.id)).toEqual([ada.id])
  })
})

describe('contact.bulk', () => {
  it('sets every field on every person in one commit and one undo step, exactly reversible', async () => {
    await seedStore(temp.dir, {
      contacts: people(5, (i) => ({ tags: i === 0 ? ['old'] : [], stage: 'identified' })),
    })
    const core = await open()
    const ids = ['p00000', 'p00001', 'p00002']
    const before = await Promise.all(ids.map((id) => get(core, id)))
    const others = await Promise.all(['p00003', 'p00004'].map((id) => get(core, id)))
    const lines = await journalLines()
    clock = new Date(START.getTime() + 1000)
    const result = await bulk(core, {
      ids,
      set: {
        stage: 'in-touch',
        relationship: 'mentor',
        cadenceDays: 21,
        credibility: 4,
        triage: 'kept',
        snoozedUntil: '2025-04-01T00:00:00.000Z',
      },
      addTags: ['Rust', 'rust', 'Go'],
      removeTags: ['OLD'],
    })
    expect(result).toEqual({ changed: 3 })
    expect(await journalLines()).toBe(lines + 1)
    const after = await Promise.all(ids.map((id) => get(core, id)))
    for (const c of after) {
      expect(c).toMatchObject({
        stage: 'in-touch',
        relationship: 'mentor',
        cadenceDays: 21,
        credibility: 4,
        triage: 'kept',
        snoozedUntil: '2025-04-01T00:00:00.000Z',
        tags: ['Rust', 'Go'],
        updatedAt: clock.toISOString(),
      })
      expect(c.stageHistory.at(-1)).toEqual({ stage: 'in-touch', at: clock.toISOString() })
    }
    // At the end of In touch, in their old relative order.
    const column = (await board(core)).filter((c) => c.stage === 'in-touch').map((c) => c.id)
    expect(column).toEqual(ids)

    const undo = await core.call('undo', {})
    expect(undo.label).toBe('Move 3 people to In touch')
    expect(await Promise.all(ids.map((id) => get(core, id)))).toEqual(before)
    expect(await Promise.all(['p00003', 'p00004'].map((id) => get(core, id)))).toEqual(others)
    await core.call('redo', {})
    expect(await Promise.all(ids.map((id) => get(core, id)))).toEqual(after)
  })

  it('moves to the end of a column keeping relative order, through enterStage', async () => {
    await seedStore(temp.dir, {
      contacts: [
        ...people(4, (i) => ({ stage: 'asked', order: i })),
        makeContact({ id: 'b0', name: 'Already building', stage: 'building', order: 7.5 }),
        makeContact({ id: 'i0', name: 'Inbox', stage: 'identified', triage: 'inbox' }),
      ],
    })
    const core = await open()
    await bulk(core, { ids: ['p00003', 'i0', 'p00001'], set: { stage: 'building' } })
    const column = (await board(core)).filter((c) => c.stage === 'building')
    expect(column.map((c) => c.id)).toEqual(['b0', 'p00001', 'p00003'])
    expect(column.map((c) => c.order)).toEqual([7.5, 8, 9])
    // The inbox person changed stage but stays in the inbox, off the board.
    const inbox = await get(core, 'i0')
    expect(inbox).toMatchObject({ stage: 'building', triage: 'inbox' })
    expect(inbox.stageHistory.map((e) => e.stage)).toEqual(['building'])

    // Keeping an inbox person without a stage puts them at the end of Identified.
    await bulk(core, { ids: ['i0'], set: { triage: 'kept' } })
    expect(await get(core, 'i0')).toMatchObject({ stage: 'identified', triage: 'kept' })
  })

  it('caps tags: a person who would pass 50 refuses the whole command', async () => {
    const fortyNine = Array.from({ length: 49 }, (_, i) => `t${i}`)
    await seedStore(temp.dir, {
      contacts: [
        makeContact({ id: 'full', name: 'Full', tags: fortyNine }),
        makeContact({ id: 'empty', name: 'Empty', tags: [] }),
      ],
    })
    const core = await open()
    const lines = await journalLines()
    const refused = await core.invoke('contact.bulk', {
      ids: ['empty', 'full'],
      addTags: ['a', 'b'],
    })
    expect(refused).toMatchObject({ ok: false, code: 'invalid-input' })
    if (!refused.ok) expect(refused.message).toContain('Full')
    expect((await get(core, 'empty')).tags).toEqual([])
    expect(await journalLines()).toBe(lines)
    // Adding one that is already there (in another case) and one new fits.
    await bulk(core, { ids: ['empty', 'full'], addTags: ['T0', 'new'] })
    expect((await get(core, 'full')).tags).toHaveLength(50)
    expect((await get(core, 'empty')).tags).toEqual(['T0', 'new'])
    await bulk(core, { ids: ['empty', 'full'], removeTags: ['t0', 'NEW'] })
    expect((await get(core, 'full')).tags).toHaveLength(48)
    expect((await get(core, 'empty')).tags).toEqual([])
  })

  it('an unknown or trashed id, or a duplicate, changes nothing', async () => {
    await seedStore(temp.dir, {
      contacts: [
        ...people(3),
        makeContact({ id: 'gone', name: 'Gone Person', trashedAt: START.toISOString() }),
      ],
    })
    const core = await open()
    const before = await board(core)
    const lines = await journalLines()
    const unknown = await core.invoke('contact.bulk', {
      ids: ['p00000', 'nobody'],
      set: { stage: 'asked' },
    })
    expect(unknown).toMatchObject({ ok: false, code: 'not-found' })
    if (!unknown.ok) expect(unknown.message).toContain('nobody')
    const trashed = await core.invoke('contact.bulk', {
      ids: ['p00001', 'gone'],
      trash: true,
    })
    expect(trashed).toMatchObject({ ok: false, code: 'not-found' })
    if (!trashed.ok) expect(trashed.message).toContain('Gone Person')
    const twice = await core.invoke('contact.bulk', {
      ids: ['p00000', 'p00000'],
      set: { stage: 'asked' },
    })
    expect(twice).toMatchObject({ ok: false, code: 'invalid-input' })
    const nothing = await core.invoke('contact.bulk', { ids: ['p00000'] })
    expect(nothing).toMatchObject({ ok: false, code: 'invalid-input' })
    expect(await board(core)).toEqual(before)
    expect(await journalLines()).toBe(lines)
    expect(await core.call('undo', {})).toEqual({ label: null })
  })

  it('trashes many in one step; the change event carries no delta past a few hundred', async () => {
    await seedStore(temp.dir, { contacts: people(1200) })
    const core = await open()
    const events: CoreEvent[] = []
    core.subscribe((e) => events.push(e))
    const ids = (await board(core)).map((c) => c.id)
    expect(await bulk(core, { ids: ids.slice(0, 3), trash: true })).toEqual({ changed: 3 })
    const small = events.at(-1)
    expect(small?.type === 'changed' && small.contacts?.put.map((c) => c.id)).toEqual(
      ids.slice(0, 3),
    )
    expect(await bulk(core, { ids: ids.slice(3), set: { credibility: 5 } })).toEqual({
      changed: 1197,
    })
    const big = events.at(-1)
    expect(big).toEqual({ type: 'changed', collections: ['contacts'] })
    expect((await board(core)).length).toBe(1197)
    expect((await core.call('undo', {})).label).toBe('Edit 1,197 people')
    await core.call('undo', {})
    expect((await board(core)).map((c) => c.id)).toEqual(ids)
  })
})

describe('contact.query, contact.ids and board.summary', () => {
  it('pages thousands of people with a total, filters by text and stage, and sorts', async () => {
    const stages: Stage[] = ['building', 'in-touch', 'asked']
    await seedStore(temp.dir, {
      contacts: people(3000, (i) => ({
        stage: stages[i % 3] ?? 'building',
        company: i % 10 === 0 ? 'Société Générale' : 'Globex',
        triage: i % 100 === 99 ? 'inbox' : 'kept',
        tags: i % 2 === 0 ? ['even'] : [],
      })),
    })
    const core = await open()
    const all = await query(core, { limit: 500 })
    expect(all.total).toBe(2970)
    expect(all.items).toHaveLength(500)
    const page = await query(core, { limit: 100, offset: 2900 })
    expect(page.items).toHaveLength(70)
    expect(page.items.at(-1)?.stage).toBe('asked')

    const societe = await query(core, { filter: { text: 'SOCIETE gener' }, limit: 500 })
    expect(societe.total).toBe(300)
    const inBuilding = await query(core, {
      stage: 'building',
      filter: { text: 'societe' },
      limit: 10,
    })
    // i ≡ 0 mod 10 and i ≡ 0 mod 3: every 30th, none of them in the inbox.
    expect(inBuilding.total).toBe(100)
    expect(inBuilding.items.every((c) => c.stage === 'building')).toBe(true)

    const byName = await query(core, { sort: 'name', limit: 3 })
    expect(byName.items.map((c) => c.name)).toEqual(['Person 0000', 'Person 0001', 'Person 0002'])
    const recent = await query(core, { sort: 'recent', limit: 2 })
    expect(recent.items.map((c) => c.id)).toEqual(['p02998', 'p02997'])

    const inbox = await query(core, { triage: 'inbox', limit: 500 })
    expect(inbox.total).toBe(30)
    const any = await query(core, { triage: 'any', limit: 1 })
    expect(any.total).toBe(3000)

    const ids = await core.call('contact.ids', {
      filter: { text: 'societe', stages: ['asked'] },
    })
    expect(ids.ids).toHaveLength(100)

    const counts = await summary(core)
    expect(counts.total).toBe(2970)
    expect(counts.matching).toBe(2970)
    expect(counts.counts).toMatchObject({ building: 990, 'in-touch': 990, asked: 990 })
    const filtered = await summary(core, { filter: { text: 'societe' }, groupBy: 'tag' })
    expect(filtered.matching).toBe(300)
    expect(filtered.lanes.map((l) => [l.key, l.label])).toEqual([['even', 'even']])
    const byCompany = await summary(core, { groupBy: 'company' })
    expect(byCompany.lanes.map((l) => [l.key, l.label])).toEqual([
      ['globex', 'Globex'],
      ['societe generale', 'Société Générale'],
    ])
    const lane = await query(core, { groupBy: 'company', lane: 'societe generale', limit: 1 })
    expect(lane.total).toBe(300)
  })

  it('search sees an edit at once (the cached text is dropped on put)', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada' })
    expect((await query(core, { filter: { text: 'zoë' }, limit: 5 })).total).toBe(0)
    await core.call('contact.update', { id: ada.id, notes: 'Introduced by Zoë' })
    expect((await query(core, { filter: { text: 'ZOE' }, limit: 5 })).total).toBe(1)
  })

  it('filters by due state and open requests', async () => {
    const core = await open()
    clock = new Date(START.getTime() - 31 * DAY)
    await create(core, { name: 'Due', stage: 'building' })
    clock = START
    const fresh = await create(core, { name: 'Fresh', stage: 'building' })
    await core.call('interaction.log', { contactId: fresh.id, kind: 'call' })
    // Moves Fresh to Asked (14-day cadence), touched today: fine.
    await core.call('request.create', { contactId: fresh.id, company: 'Globex', role: 'CTO' })
    const names = async (filter: Record<string, unknown>) =>
      (await query(core, { filter, limit: 10 })).items.map((c) => c.name)
    expect(await names({ due: ['due'] })).toEqual(['Due'])
    expect(await names({ due: ['fine', 'due-soon'] })).toEqual(['Fresh'])
    expect(await names({ hasOpenRequest: true })).toEqual(['Fresh'])
    expect(await names({ hasOpenRequest: false })).toEqual(['Due'])
  })
})

describe('today.get and board.insights at size', () => {
  it('returns the first `limit` items per section by priority with counts of whole sections', async () => {
    // 300 kept people overdue by different amounts; 10 in the inbox who are never listed.
    await seedStore(temp.dir, {
      contacts: people(310, (i) => ({
        createdAt: new Date(START.getTime() - (40 + i) * DAY).toISOString(),
        triage: i >= 300 ? 'inbox' : 'kept',
      })),
    })
    const core = await open()
    const full = await today(core, { limit: 500 })
    expect(full.counts.overdue).toBe(300)
    expect(full.overdue).toHaveLength(300)
    const first = await today(core)
    expect(first.overdue).toHaveLength(50)
    expect(first.counts.overdue).toBe(300)
    expect(first.overdue).toEqual(full.overdue.slice(0, 50))
    // The most overdue (created earliest) first.
    expect(first.overdue[0]?.contactId).toBe('p00299')

    // After a touch, that person leaves Today at once.
    await core.call('interaction.log', { contactId: 'p00299', kind: 'call' })
    const after = await today(core, { limit: 10 })
    expect(after.counts.overdue).toBe(299)
    expect(after.overdue[0]?.contactId).toBe('p00298')
    expect((await core.invoke('today.get', { limit: 501 })).ok).toBe(false)
  })

  it('board.insights answers only the ids asked for and leaves unknown ones out', async () => {
    await seedStore(temp.dir, {
      contacts: people(2000),
      interactions: [makeInteraction({ contactId: 'p00007', at: START.toISOString() })],
    })
    const core = await open()
    const asked = ['p00007', 'p01999', 'nobody', 'p00007']
    const insights = await core.call('board.insights', { ids: asked })
    expect(insights.contacts.map((c) => c.contactId)).toEqual(['p00007', 'p01999'])
    expect(insights.contacts[0]?.lastTouchAt).toBe(START.toISOString())
    const tooMany = Array.from({ length: 1001 }, (_, i) => `x${i}`)
    expect((await core.invoke('board.insights', { ids: tooMany })).ok).toBe(false)
  })

  it('follows a change of the default cadences, before and after the background rebuild', async () => {
    await seedStore(temp.dir, {
      contacts: people(30, () => ({
        createdAt: new Date(START.getTime() - 20 * DAY).toISOString(),
      })),
    })
    const core = await open()
    expect((await today(core)).counts).toMatchObject({ overdue: 0, dueSoon: 0 })
    await core.call('settings.update', { cadenceByStage: { building: 15 } })
    expect((await today(core)).counts).toMatchObject({ overdue: 30, dueSoon: 0 })
    await core.call('settings.update', { cadenceByStage: { building: 25 } })
    await core.settled()
    expect((await today(core)).counts).toMatchObject({ overdue: 0, dueSoon: 30 })
    expect((await core.call('reminder.list', {})).due).toHaveLength(0)
  })

  it('keeps Today right across a day change', async () => {
    // Building: 30-day cadence; created 25 days ago → due in 5 days (due soon), then due.
    await seedStore(temp.dir, {
      contacts: people(20, () => ({
        createdAt: new Date(START.getTime() - 25 * DAY).toISOString(),
      })),
    })
    const core = await open()
    expect((await today(core)).counts).toMatchObject({ overdue: 0, dueSoon: 20 })
    clock = new Date(START.getTime() + 5 * DAY)
    await core.tick()
    expect((await today(core)).counts).toMatchObject({ overdue: 20, dueSoon: 0 })
  })
})

describe('saved views', () => {
  it('saves, renames and deletes a view in Settings, each one undo step', async () => {
    const core = await open()
    const view = await core.call('view.save', {
      name: 'Rust mentors',
      scope: 'board',
      query: { filter: { tags: ['rust'] }, sort: 'name', groupBy: 'relationship' },
    })
    expect(view.query).toEqual({
      filter: { tags: ['rust'] },
      sort: 'name',
      groupBy: 'relationship',
    })
    const renamed = await core.call('view.save', {
      id: view.id,
      name: 'Rustaceans',
      scope: 'board',
      query: {},
    })
    expect(renamed).toMatchObject({ id: view.id, name: 'Rustaceans', createdAt: view.createdAt })
    const settings = async () => await core.call('settings.get', {})
    expect((await settings()).savedViews).toEqual([renamed])
    expect(await core.call('view.delete', { id: view.id })).toEqual({ deleted: true })
    expect((await settings()).savedViews).toEqual([])
    expect(await core.call('undo', {})).toEqual({ label: 'Delete the view Rustaceans' })
    expect((await settings()).savedViews).toEqual([renamed])
    await core.call('undo', {})
    expect((await settings()).savedViews).toEqual([view])
    const missing = await core.invoke('view.delete', { id: 'nope' })
    expect(missing).toMatchObject({ ok: false, code: 'not-found' })
    const bad = await core.invoke('view.save', {
      name: 'x',
      scope: 'board',
      query: { sort: 'random' },
    })
    expect(bad).toMatchObject({ ok: false, code: 'invalid-input' })
  })

  it('refuses a second view with the same name, and leaves the first as it was', async () => {
    const core = await open()
    const first = await core.call('view.save', { name: 'Rust mentors', scope: 'board', query: {} })
    const other = await core.call('view.save', {
      name: 'ML',
      scope: 'board',
      query: { sort: 'name' },
    })
    const again = await core.invoke('view.save', {
      name: '  rust  MENTORS ',
      scope: 'board',
      query: { sort: 'name' },
    })
    expect(again).toMatchObject({
      ok: false,
      code: 'conflict',
      message:
        'A view named “Rust mentors” already exists: pick another name, or replace that view.',
      issues: [{ path: 'name' }],
    })
    // Renaming another view onto the name is refused too; renaming a view to itself is not.
    const clash = await core.invoke('view.save', {
      id: other.id,
      name: 'Rüst Mentors',
      scope: 'board',
      query: { sort: 'name' },
    })
    expect(clash).toMatchObject({ ok: false, code: 'conflict' })
    const recased = await core.call('view.save', {
      id: first.id,
      name: 'Rust Mentors',
      scope: 'board',
      query: {},
    })
    expect(await core.call('undo', {})).toEqual({
      label: 'Rename the view Rust mentors to Rust Mentors',
    })
    await core.call('redo', {})
    const settings = await core.call('settings.get', {})
    expect(settings.savedViews).toEqual([recased, other])
    // The same name in another scope is another view.
    await core.call('view.save', { name: 'Rust mentors', scope: 'inbox', query: {} })
  })
})
