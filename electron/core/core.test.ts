import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { Input } from '@shared/ipc'
import type { Contact } from '@shared/domain'
import { CoreCallError, type Core } from '.'
import { useTempCores } from '@testing/core/tempCores'
import { readJson, StoredJson } from '@testing/json'

const temp = useTempCores()
const open = temp.open

async function create(core: Core, input: Input<'contact.create'>): Promise<Contact> {
  return await core.call('contact.create', input)
}

async function list(core: Core): Promise<Contact[]> {
  return core.call('contact.list', {})
}

describe('contacts', () => {
  it('creates a contact in Identified with defaults, and finds it after a restart', async () => {
    const core = await open()
    const ada = await create(core, { name: '  Ada Lovelace ', company: 'Analytical Engines' })
    expect(ada).toMatchObject({
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      stage: 'identified',
      relationship: 'other',
      tags: [],
      trashedAt: null,
    })
    await temp.close(core)
    const again = await open()
    expect((await list(again)).map((c) => c.name)).toEqual(['Ada Lovelace'])
    const file = await readJson(join(temp.dir, 'vouch.json'), StoredJson)
    expect(file.contacts[0]?.name).toBe('Ada Lovelace')
  })

  it('creates in a given stage and refuses bad input with field messages', async () => {
    const core = await open()
    expect((await create(core, { name: 'Grace', stage: 'in-touch' })).stage).toBe('in-touch')
    const empty = await core.invoke('contact.create', { name: '   ' })
    expect(empty).toMatchObject({ ok: false, code: 'invalid-input' })
    expect(!empty.ok && empty.issues?.[0]).toEqual({ path: 'name', message: 'Name is required' })
    const long = await core.invoke('contact.create', { name: 'x'.repeat(10_000) })
    expect(!long.ok && long.message).toBe('name: Name must be at most 200 characters')
    const unknown = await core.invoke('contact.create', { name: 'A', stage: 'nowhere' })
    expect(unknown.ok).toBe(false)
    const extra = await core.invoke('contact.create', { name: 'A', isAdmin: true })
    expect(extra).toMatchObject({ ok: false, code: 'invalid-input' })
    expect((await list(core)).map((c) => c.name)).toEqual(['Grace'])
  })

  it('updates fields but not the stage', async () => {
    const core = await open()
    const a = await create(core, { name: 'Ada' })
    const updated = await core.call('contact.update', {
      id: a.id,
      title: 'Countess',
      tags: ['math'],
    })
    expect(updated).toMatchObject({
      name: 'Ada',
      title: 'Countess',
      tags: ['math'],
      stage: 'identified',
    })
    expect(await core.invoke('contact.update', { id: a.id, stage: 'thanked' })).toMatchObject({
      ok: false,
      code: 'invalid-input',
    })
    expect(await core.invoke('contact.update', { id: 'missing', title: 'x' })).toMatchObject({
      ok: false,
      code: 'not-found',
    })
  })

  it('moves between and within columns and keeps the order', async () => {
    const core = await open()
    const a = await create(core, { name: 'A' })
    const b = await create(core, { name: 'B' })
    const c = await create(core, { name: 'C' })
    // New contacts go on top: C, B, A.
    expect((await list(core)).map((x) => x.name)).toEqual(['C', 'B', 'A'])
    await core.call('contact.move', { id: a.id, stage: 'in-touch' })
    await core.call('contact.move', { id: c.id, stage: 'in-touch', index: 1 })
    await core.call('contact.move', { id: b.id, stage: 'in-touch', index: 0 })
    const inTouch = (await list(core)).filter((x) => x.stage === 'in-touch').map((x) => x.name)
    expect(inTouch).toEqual(['B', 'A', 'C'])
    await core.call('contact.move', { id: c.id, stage: 'in-touch', index: 0 })
    expect((await list(core)).map((x) => x.name)).toEqual(['C', 'B', 'A'])
    await temp.close(core)
    expect((await list(await open())).map((x) => `${x.stage}:${x.name}`)).toEqual([
      'in-touch:C',
      'in-touch:B',
      'in-touch:A',
    ])
  })

  it('renumbers a column when repeated inserts exhaust the gap', async () => {
    const core = await open()
    const first = await create(core, { name: 'first' })
    await create(core, { name: 'second' })
    // second is on top; insert 80 contacts between second and first, always at index 1.
    for (let i = 0; i < 80; i++) {
      const x = await create(core, { name: `n${i}`, stage: 'building' })
      await core.call('contact.move', { id: x.id, stage: 'identified', index: 1 })
    }
    const names = (await list(core)).map((x) => x.name)
    expect(names[0]).toBe('second')
    expect(names[1]).toBe('n79')
    expect(names.at(-1)).toBe(first.name)
    expect(new Set((await list(core)).map((x) => x.order)).size).toBe(82)
  })

  it('trashes, restores and undoes and redoes board actions', async () => {
    const core = await open()
    const a = await create(core, { name: 'Ada' })
    await core.call('contact.delete', { id: a.id })
    expect(await list(core)).toEqual([])
    expect((await core.call('contact.trash', {})).map((x) => x.name)).toEqual(['Ada'])
    expect(await core.call('undo', {})).toEqual({ label: 'Delete Ada' })
    expect((await list(core)).map((x) => x.name)).toEqual(['Ada'])
    expect(await core.call('redo', {})).toEqual({ label: 'Delete Ada' })
    expect(await list(core)).toEqual([])
    await core.call('contact.restore', { id: a.id })
    expect((await list(core)).map((x) => x.name)).toEqual(['Ada'])
    await core.call('contact.move', { id: a.id, stage: 'asked' })
    expect(await core.call('undo', {})).toEqual({ label: 'Move Ada to Asked' })
    expect((await list(core))[0]?.stage).toBe('identified')
    await core.call('undo', {}) // restore
    await core.call('undo', {}) // redo of delete → undone again
    await core.call('undo', {}) // the delete itself was undone earlier; now undo the create
    expect(await core.call('undo', {})).toEqual({ label: null })
  })

  it('moves a card into another lane and changes its fields in one undo step', async () => {
    const core = await open()
    const a = await create(core, { name: 'Ada', relationship: 'colleague', tags: ['ml'] })
    await create(core, { name: 'Bo', stage: 'asked' })
    const moved = await core.call('contact.move', {
      id: a.id,
      stage: 'asked',
      index: 1,
      lane: { relationship: 'former-manager', tags: ['ml', 'ops'] },
    })
    expect(moved).toMatchObject({ stage: 'asked', relationship: 'former-manager' })
    expect(moved.tags).toEqual(['ml', 'ops'])
    expect((await core.call('contact.ids', { stage: 'asked' })).ids).toEqual([
      expect.any(String),
      a.id,
    ])
    expect(await core.call('undo', {})).toEqual({ label: 'Move Ada to Asked' })
    const back = await core.call('contact.get', { id: a.id })
    expect(back).toMatchObject({ stage: 'identified', relationship: 'colleague', tags: ['ml'] })
    expect(await core.call('undo', {})).toEqual({ label: 'Add Bo' })

    await core.call('redo', {})
    await core.call('contact.move', { id: a.id, stage: 'identified', lane: { company: 'Acme' } })
    expect(await core.call('undo', {})).toEqual({ label: 'Move Ada' })
    expect((await core.call('contact.get', { id: a.id })).company).toBe('')
    expect(
      await core.invoke('contact.move', { id: a.id, stage: 'asked', lane: { stage: 'thanked' } }),
    ).toMatchObject({ ok: false })
  })

  it('undoes a create and an edit', async () => {
    const core = await open()
    const a = await create(core, { name: 'Ada' })
    await core.call('contact.update', { id: a.id, title: 'Countess' })
    expect(await core.call('undo', {})).toEqual({ label: 'Edit Ada' })
    expect((await list(core))[0]?.title).toBe('')
    expect(await core.call('undo', {})).toEqual({ label: 'Add Ada' })
    expect(await list(core)).toEqual([])
    expect(await core.call('redo', {})).toEqual({ label: 'Add Ada' })
    expect((await list(core)).map((c) => c.name)).toEqual(['Ada'])
  })

  it('keeps a contact named or id-ed __proto__', async () => {
    const core = await open()
    await create(core, { name: '__proto__', tags: ['constructor'] })
    await temp.close(core)
    const file = await readJson(join(temp.dir, 'vouch.json'), StoredJson)
    const [stored] = file.contacts
    if (!stored) throw new Error('the contact was not saved')
    stored.id = '__proto__'
    await writeFile(join(temp.dir, 'vouch.json'), JSON.stringify(file))
    const again = await open()
    const [only] = await list(again)
    expect(only).toMatchObject({ id: '__proto__', name: '__proto__' })
    await again.call('contact.update', { id: '__proto__', title: 'still here' })
    expect(({} as Record<string, unknown>).title).toBeUndefined()
    expect((await list(again))[0]?.title).toBe('still here')
  })

  it('pushes a changed event after each write', async () => {
    const core = await open()
    const events: unknown[] = []
    const off = core.subscribe((e) => events.push(e))
    await create(core, { name: 'Ada' })
    off()
    await create(core, { name: 'Grace' })
    // The event carries the changed contact, so the board applies it without re-fetching.
    expect(events).toEqual([
      {
        type: 'changed',
        collections: ['contacts'],
        contacts: { put: [expect.objectContaining({ name: 'Ada' })], deleted: [] },
      },
    ])
  })
})

describe('typed in-process calls', () => {
  it('returns the output typed from the contract, and throws a refusal with its code', async () => {
    const core = await open()
    const ada = await core.call('contact.create', { name: 'Ada Lovelace', stage: 'building' })
    expect(ada).toMatchObject({ name: 'Ada Lovelace', stage: 'building' })
    const moved = await core.request('contact.move', { id: ada.id, stage: 'asked' })
    expect(moved.ok && moved.value.stage).toBe('asked')
    const refused = core.call('contact.get', { id: 'nobody' })
    await expect(refused).rejects.toBeInstanceOf(CoreCallError)
    await expect(refused).rejects.toMatchObject({ code: 'not-found', command: 'contact.get' })
    expect(await core.request('contact.create', { name: '' })).toMatchObject({
      ok: false,
      code: 'invalid-input',
      issues: [{ path: 'name', message: 'Name is required' }],
    })
  })
})

describe('envelope', () => {
  it('refuses unknown commands and bad envelopes without throwing', async () => {
    const core = await open()
    expect(await core.invoke('contact.explode', {})).toMatchObject({
      ok: false,
      code: 'unknown-command',
    })
    expect(await core.invoke('__proto__', {})).toMatchObject({ ok: false, code: 'unknown-command' })
    expect(await core.invoke('contact.create', null)).toMatchObject({
      ok: false,
      code: 'invalid-input',
    })
    expect(await core.invoke('contact.list', { extra: 1 })).toMatchObject({
      ok: false,
      code: 'invalid-input',
    })
  })
})

describe('app.status', () => {
  it('names the data file and reports no problem on a fresh folder', async () => {
    const core = await open()
    expect(await core.call('app.status', {})).toEqual({
      dataFile: join(temp.dir, 'vouch.json'),
      readOnly: false,
      problem: null,
    })
    // Nothing to back up yet; the first close backs up the first data.
    await core.call('contact.create', { name: 'Ada' })
    await temp.close(core)
    const backups = await readdir(join(temp.dir, 'backups'))
    expect(backups).toHaveLength(1)
    expect(await readFile(join(temp.dir, 'backups', backups[0] ?? ''), 'utf8')).toContain(
      '"name":"Ada"',
    )
  })
})
