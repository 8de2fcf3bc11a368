import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input } from '@shared/ipc'
import { DEFAULT_SETTINGS, type Contact } from '@shared/domain'
import { openCore, type Core } from '..'
import { CURRENT_SCHEMA_VERSION, decodeStoreFile } from '../store/schema'
import { makeTempDir } from '@testing/core/tempDir'
import { readJson, StoredJson } from '@testing/json'

let dirs: { dir: string; remove: () => Promise<void> }[] = []
const cores: Core[] = []
let clock = new Date('2026-03-02T10:00:00.000Z')
const now = () => clock

async function tempDir(): Promise<string> {
  const made = await makeTempDir('vouch-import-')
  dirs.push(made)
  return made.dir
}

async function open(dir: string): Promise<Core> {
  const core = await openCore({ dataDir: dir, now })
  cores.push(core)
  return core
}

async function close(core: Core): Promise<void> {
  cores.splice(cores.indexOf(core), 1)
  await core.close()
}

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64')

async function preview(core: Core, fileName: string, text: string, extra = {}) {
  return previewFile(core, { fileName, dataBase64: b64(text), ...extra })
}

/** Preview a file as an export handed it over (name and base64 bytes). */
async function previewFile(core: Core, file: { fileName: string; dataBase64: string }) {
  return await core.call('import.preview', file)
}

/** Commit an import onto the board (these tests look at the board); see the inbox tests for the default. */
async function commitImport(core: Core, input: Input<'import.commit'>) {
  return await core.call('import.commit', { placeOnBoard: true, ...input })
}

async function list(core: Core): Promise<Contact[]> {
  return await core.call('contact.list', {})
}

async function create(core: Core, input: Input<'contact.create'>): Promise<Contact> {
  return await core.call('contact.create', input)
}

const VCARDS = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Ada Lovelace',
  'ORG:Analytical Engines',
  'TITLE:Countess',
  'EMAIL:ada@example.com',
  'NOTE:Met at the Difference Engine demo',
  'CATEGORIES:math',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Grace Hopper',
  'EMAIL:grace@example.com',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Alan Turing',
  'TEL:+44 20 7946 0958',
  'END:VCARD',
  '',
].join('\r\n')

beforeEach(() => {
  clock = new Date('2026-03-02T10:00:00.000Z')
})

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
  for (const d of dirs.splice(0)) await d.remove()
  dirs = []
})

describe('import.preview and import.commit', () => {
  it('lands new people at the end of Identified, in file order, tagged with the source', async () => {
    const core = await open(await tempDir())
    await create(core, { name: 'Existing One' })
    const p = await preview(core, 'contacts.vcf', VCARDS)
    expect(p.format).toBe('vcard')
    expect(p.contacts.map((c) => c.name)).toEqual(['Ada Lovelace', 'Grace Hopper', 'Alan Turing'])
    expect(p.duplicates).toEqual([])
    const result = await commitImport(core, { token: p.token, duplicates: 'skip' })
    expect(result).toMatchObject({ added: 3, merged: 0, skipped: 0 })
    const contacts = await list(core)
    expect(contacts.map((c) => c.name)).toEqual([
      'Existing One',
      'Ada Lovelace',
      'Grace Hopper',
      'Alan Turing',
    ])
    expect(contacts.every((c) => c.stage === 'identified')).toBe(true)
    expect(contacts[1]?.tags).toEqual(['math', 'import:vcard'])
    const backups = await readdir(join(dirs[0]?.dir ?? '', 'backups'))
    expect(backups.some((n) => n.endsWith('-before-import.json'))).toBe(true)
  })

  it('flags a re-import as duplicates with the existing contact and why, and skips by default', async () => {
    const core = await open(await tempDir())
    const first = await preview(core, 'contacts.vcf', VCARDS)
    await commitImport(core, { token: first.token, duplicates: 'skip' })
    const again = await preview(core, 'contacts.vcf', VCARDS)
    expect(again.duplicates.map((d) => [d.index, d.reason, d.existing?.name])).toEqual([
      [0, 'email', 'Ada Lovelace'],
      [1, 'email', 'Grace Hopper'],
      [2, 'phone', 'Alan Turing'],
    ])
    const result = await commitImport(core, { token: again.token, duplicates: 'skip' })
    expect(result).toMatchObject({ added: 0, merged: 0, skipped: 3 })
    expect(await list(core)).toHaveLength(3)
  })

  it('merges without overwriting user data, honours per-row choices, and undoes in one step', async () => {
    const core = await open(await tempDir())
    const ada = await create(core, {
      name: 'Ada L.',
      email: 'ada@example.com',
      title: 'Mathematician',
      notes: 'My own note',
      tags: ['friend'],
    })
    const grace = await create(core, { name: 'Grace H', email: 'grace@example.com' })
    const p = await preview(core, 'contacts.vcf', VCARDS)
    expect(p.duplicates.map((d) => [d.index, d.existing?.id])).toEqual([
      [0, ada.id],
      [1, grace.id],
    ])
    clock = new Date('2026-03-02T10:10:00.000Z')
    const result = await commitImport(core, {
      token: p.token,
      duplicates: 'merge',
      choices: { '1': 'add', '2': 'skip' },
    })
    expect(result).toMatchObject({ added: 1, merged: 1, skipped: 1 })
    const merged = await core.call('contact.get', { id: ada.id })
    expect(merged).toMatchObject({
      name: 'Ada L.',
      title: 'Mathematician',
      company: 'Analytical Engines',
      notes: 'My own note\n\nMet at the Difference Engine demo',
      tags: ['friend', 'math'],
      updatedAt: '2026-03-02T10:10:00.000Z',
    })
    expect((await list(core)).map((c) => c.name).sort()).toEqual([
      'Ada L.',
      'Grace H',
      'Grace Hopper',
    ])

    const undone = await core.call('import.undo', { batchId: result.batchId })
    expect(undone).toEqual({ removed: 1, reverted: 1 })
    expect(await core.call('contact.get', { id: ada.id })).toEqual(ada)
    expect((await list(core)).map((c) => c.name).sort()).toEqual(['Ada L.', 'Grace H'])
    const twice = await core.invoke('import.undo', { batchId: result.batchId })
    expect(twice).toMatchObject({ ok: false, code: 'conflict' })
  })

  it('undoes a batch after a restart, from the persisted batch record', async () => {
    const dir = await tempDir()
    const core = await open(dir)
    const ada = await create(core, { name: 'Ada', email: 'ada@example.com' })
    const p = await preview(core, 'contacts.vcf', VCARDS)
    const { batchId } = await commitImport(core, { token: p.token, duplicates: 'merge' })
    expect(await list(core)).toHaveLength(3)
    await close(core)
    const file = await readJson(join(dir, 'vouch.json'), StoredJson)
    expect(file.importBatches[0]).toMatchObject({ id: batchId, fileName: 'contacts.vcf' })

    const again = await open(dir)
    expect(await again.call('import.undo', { batchId })).toEqual({
      removed: 2,
      reverted: 1,
    })
    expect(await list(again)).toEqual([ada])
  })

  it('the board undo takes back an import too, and redo brings it back', async () => {
    const core = await open(await tempDir())
    const p = await preview(core, 'contacts.vcf', VCARDS)
    const { batchId } = await commitImport(core, { token: p.token, duplicates: 'skip' })
    expect(await core.call('undo', {})).toEqual({ label: 'Import contacts.vcf' })
    expect(await list(core)).toEqual([])
    expect(await core.invoke('import.undo', { batchId })).toMatchObject({ code: 'conflict' })
    await core.call('redo', {})
    expect(await list(core)).toHaveLength(3)
    expect(await core.call('import.undo', { batchId })).toMatchObject({ removed: 3 })
  })

  it('maps the columns of an unknown CSV, suggesting a mapping first', async () => {
    const core = await open(await tempDir())
    const csv = 'Full Name,E-mail,Employer\nAda Lovelace,ada@example.com,Engines\n'
    const first = await preview(core, 'people.csv', csv)
    expect(first.needsMapping?.columns).toEqual(['Full Name', 'E-mail', 'Employer'])
    expect(first.needsMapping?.suggested).toEqual({
      'Full Name': 'name',
      'E-mail': 'email',
      Employer: 'company',
    })
    expect(
      await core.invoke('import.commit', { token: first.token, duplicates: 'skip' }),
    ).toMatchObject({ ok: false, code: 'invalid-input' })
    const mapped = await preview(core, 'people.csv', csv, {
      mapping: { 'Full Name': 'name', 'E-mail': 'email', Employer: 'company' },
    })
    expect(mapped.contacts[0]).toMatchObject({ name: 'Ada Lovelace', company: 'Engines' })
    await commitImport(core, { token: mapped.token, duplicates: 'skip' })
    expect((await list(core))[0]?.tags).toEqual(['import:csv'])
  })

  it('a weak name match is added unless chosen otherwise; corrected names are kept', async () => {
    const core = await open(await tempDir())
    await create(core, { name: 'Jane Doe', company: 'Acme', email: 'jane@acme.example' })
    const csv =
      'First Name,Last Name,URL,Email Address,Company,Position,Connected On\n' +
      'Jane,Doe,https://www.linkedin.com/in/jane-2,jane@home.example,Acme,CTO,04 Mar 2021\n' +
      'Jane,Doe,,,Acme,CTO,04 Mar 2021\n'
    const p = await preview(core, 'Connections.csv', csv)
    expect(p.duplicates.map((d) => [d.index, d.reason, d.weak ?? false])).toEqual([
      [0, 'name-company', true],
      [1, 'name-company', false],
    ])
    expect(p.contacts[0]?.connectedOn).toBe('2021-03-04')
    expect(
      await commitImport(core, {
        token: p.token,
        duplicates: 'skip',
        names: { '0': 'Jane Doe (Home)' },
      }),
    ).toMatchObject({ added: 1, merged: 0, skipped: 1 })
    expect((await list(core)).map((c) => [c.name, c.connectedOn])).toEqual([
      ['Jane Doe', ''],
      ['Jane Doe (Home)', '2021-03-04'],
    ])
  })

  it('an e-mail list: names from the addresses are flagged in the preview', async () => {
    const core = await open(await tempDir())
    const p = await preview(core, 'list.csv', 'ada.lovelace@example.com\ngrace@example.com\n')
    expect(p.format).toBe('email-list')
    expect(p.contacts.map((c) => [c.name, c.nameFromEmail])).toEqual([
      ['Ada Lovelace', true],
      ['Grace', true],
    ])
    await commitImport(core, { token: p.token, duplicates: 'skip', names: { '1': 'Grace Hopper' } })
    expect((await list(core)).map((c) => [c.name, c.email])).toEqual([
      ['Ada Lovelace', 'ada.lovelace@example.com'],
      ['Grace Hopper', 'grace@example.com'],
    ])
  })

  it('warns with the line and what was wrong', async () => {
    const core = await open(await tempDir())
    const csv =
      'First Name,Last Name,Company,Position,Connected On\n,,,,01 Jan 2020\nAda,Lovelace,Engines,CTO,02 Feb 2021\n'
    const p = await preview(core, 'Connections.csv', csv)
    expect(p.format).toBe('linkedin-csv')
    expect(p.contacts.map((c) => c.name)).toEqual(['Ada Lovelace'])
    expect(p.warnings[0]?.where).toMatch(/line 2/)
    expect(p.warnings[0]?.message.length).toBeGreaterThan(5)
  })

  it('refuses a stale token, an oversized file and too many cards with a clear message', async () => {
    const core = await open(await tempDir())
    const p = await preview(core, 'contacts.vcf', VCARDS)
    clock = new Date(clock.getTime() + 31 * 60 * 1000)
    const stale = await core.invoke('import.commit', { token: p.token, duplicates: 'skip' })
    expect(stale).toMatchObject({ ok: false, code: 'not-found' })
    expect(!stale.ok && stale.message).toMatch(/expired or was already imported/)

    const huge = await core.invoke('import.preview', {
      fileName: 'huge.vcf',
      dataBase64: 'A'.repeat(Math.ceil((50 * 1024 * 1024 + 3) / 3) * 4),
    })
    expect(huge).toMatchObject({ ok: false, code: 'invalid-input' })
    expect(!huge.ok && huge.message).toMatch(/over 50 MB/)

    const cards = 'BEGIN:VCARD\nFN:a\nEND:VCARD\n'.repeat(100_001)
    const many = await core.invoke('import.preview', {
      fileName: 'many.vcf',
      dataBase64: b64(cards),
    })
    expect(many).toMatchObject({ ok: false, code: 'invalid-input' })
    expect(!many.ok && many.message).toMatch(/more than 100,000 contacts/)

    const bad = await core.invoke('import.preview', {
      fileName: 'x.vcf',
      dataBase64: '!!not base64',
    })
    expect(bad).toMatchObject({ ok: false, code: 'invalid-input' })
  })
})

describe('export', () => {
  it('export.json re-imports into an empty folder with identical records', async () => {
    const core = await open(await tempDir())
    const ada = await create(core, { name: 'Ada', email: 'ada@example.com', tags: ['math'] })
    clock = new Date('2026-03-02T10:05:00.000Z')
    await create(core, { name: 'Grace', stage: 'in-touch' })
    await create(core, { name: 'Alan', stage: 'in-touch' })
    const trashed = await create(core, { name: 'Gone' })
    await core.call('contact.delete', { id: trashed.id })
    await core.call('contact.move', { id: ada.id, stage: 'asked' })
    const exported = await core.call('export.json', {})
    expect(exported).toMatchObject({
      mimeType: 'application/json',
      fileName: 'vouch-backup-2026-03-02.json',
    })
    const text = Buffer.from(exported.dataBase64, 'base64').toString('utf8')
    const source = decodeStoreFile(text)
    if (source.kind !== 'ok') throw new Error('the export does not decode')

    const fresh = await open(await tempDir())
    clock = new Date('2026-04-01T00:00:00.000Z')
    const p = await previewFile(fresh, {
      fileName: exported.fileName,
      dataBase64: exported.dataBase64,
    })
    expect(p.format).toBe('vouch-json')
    expect(p.duplicates).toEqual([])
    expect(await commitImport(fresh, { token: p.token, duplicates: 'skip' })).toMatchObject({
      added: 4,
      merged: 0,
      skipped: 0,
    })
    const all = [...(await list(fresh)), ...(await fresh.call('contact.trash', {}))]
    const byId = (a: Contact, b: Contact) => (a.id < b.id ? -1 : 1)
    expect(all.sort(byId)).toEqual([...source.file.contacts].sort(byId))
    expect(await list(fresh)).toEqual(await list(core))

    // The same file again: every contact is a same-id duplicate, and nothing changes.
    const again = await previewFile(fresh, {
      fileName: 'again.json',
      dataBase64: exported.dataBase64,
    })
    expect(again.duplicates.map((d) => d.reason)).toEqual([
      'same-id',
      'same-id',
      'same-id',
      'same-id',
    ])
    expect(await commitImport(fresh, { token: again.token, duplicates: 'skip' })).toMatchObject({
      added: 0,
      skipped: 4,
    })
  })

  it('export.vcard and export.csv re-import', async () => {
    const core = await open(await tempDir())
    await create(core, {
      name: 'Ada',
      email: 'ada@example.com',
      company: 'Engines',
      tags: ['math'],
    })
    await create(core, { name: 'Grace', phone: '+1 555 123 4567' })
    const vcard = await core.call('export.vcard', {})
    expect(vcard.mimeType).toBe('text/vcard')
    const fresh = await open(await tempDir())
    const p = await previewFile(fresh, { fileName: vcard.fileName, dataBase64: vcard.dataBase64 })
    expect(p.format).toBe('vcard')
    expect(p.contacts.map((c) => [c.name, c.email ?? '', c.tags])).toEqual([
      ['Grace', '', undefined],
      ['Ada', 'ada@example.com', ['math']],
    ])
    const csv = await core.call('export.csv', {})
    const text = Buffer.from(csv.dataBase64, 'base64').toString('utf8')
    expect(text.split('\r\n')[0]).toMatch(/^name,title,company/)
    expect(text).toContain('Ada,,Engines')
  })
})

describe('backups', () => {
  it('lists snapshots, restores one after a pre-restore snapshot, and refuses paths', async () => {
    const dir = await tempDir()
    const core = await open(dir)
    await create(core, { name: 'Ada' })
    const p = await preview(core, 'contacts.vcf', VCARDS)
    clock = new Date('2026-03-02T10:01:00.000Z')
    await commitImport(core, { token: p.token, duplicates: 'skip' })
    expect(await list(core)).toHaveLength(4)

    const backups = await core.call('backup.list', {})
    const beforeImport = backups.find((b) => b.reason === 'before-import')
    expect(beforeImport).toMatchObject({ contacts: 1, takenAt: '2026-03-02T10:01:00.000Z' })
    expect(beforeImport?.bytes).toBeGreaterThan(0)
    if (!beforeImport) throw new Error('no backup before the import')

    const events: string[][] = []
    core.subscribe((e) => {
      if (e.type === 'changed') events.push(e.collections)
    })
    clock = new Date('2026-03-02T10:02:00.000Z')
    const restored = await core.call('backup.restore', { id: beforeImport?.id })
    expect(restored).toMatchObject({ restoredFrom: beforeImport?.id })
    expect((await list(core)).map((c) => c.name)).toEqual(['Ada'])
    expect(events[0]).toContain('contacts')
    expect(await core.call('undo', {})).toEqual({ label: null })

    const after = await core.call('backup.list', {})
    const snapshot = after.find((b) => b.reason === 'before-restore')
    expect(snapshot).toMatchObject({ contacts: 4, takenAt: '2026-03-02T10:02:00.000Z' })

    for (const id of ['../vouch.json', 'vouch.json', '/etc/passwd', 'backups/../../vouch.json']) {
      const refused = await core.invoke('backup.restore', { id })
      expect(refused).toMatchObject({ ok: false, code: 'not-found' })
    }
    expect((await list(core)).map((c) => c.name)).toEqual(['Ada'])
    await close(core)
    const reopened = await open(dir)
    expect((await list(reopened)).map((c) => c.name)).toEqual(['Ada'])
  })
})

describe('migration 1 → 2', () => {
  it('adds importBatches to a version-1 file and keeps its records', async () => {
    const dir = await tempDir()
    const v1 = {
      schemaVersion: 1,
      seq: 4,
      savedAt: '2026-01-01T00:00:00.000Z',
      contacts: [
        {
          id: 'c1',
          name: 'Ada',
          title: '',
          company: '',
          relationship: 'other',
          field: '',
          email: '',
          phone: '',
          links: [],
          howWeMet: '',
          notes: '',
          tags: [],
          cadenceDays: null,
          credibility: null,
          skills: [],
          workedTogether: '',
          stage: 'building',
          order: 0,
          createdAt: '2026-01-01T00:00:00.000Z',
          updatedAt: '2026-01-01T00:00:00.000Z',
          trashedAt: null,
          snoozedUntil: null,
        },
      ],
      interactions: [],
      requests: [],
      updates: [],
      settings: DEFAULT_SETTINGS,
      reminders: { lastTickAt: null, log: {} },
    }
    const decoded = decodeStoreFile(JSON.stringify(v1))
    expect(decoded).toMatchObject({ kind: 'ok', migratedFrom: 1 })
    expect(decoded.kind === 'ok' && decoded.file.importBatches).toEqual([])

    await writeFile(join(dir, 'vouch.json'), JSON.stringify(v1))
    const core = await open(dir)
    expect((await list(core)).map((c) => [c.id, c.stage])).toEqual([['c1', 'building']])
    await close(core)
    const file = await readJson(join(dir, 'vouch.json'), StoredJson)
    expect(file.schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
    expect(file.importBatches).toEqual([])
    expect(
      (await readdir(join(dir, 'backups'))).some((n) => n.endsWith('before-migration.json')),
    ).toBe(true)
  })
})

describe('triage on import', () => {
  const triageOf = async (core: Core, id: string) => (await core.call('contact.get', { id })).triage
  const inbox = (core: Core) => core.call('contact.query', { triage: 'inbox', limit: 100 })

  it('lands new people in the inbox by default and keeps a merged person where they were', async () => {
    const core = await open(await tempDir())
    const ada = await create(core, { name: 'Ada L.', email: 'ada@example.com' })
    const p = await preview(core, 'contacts.vcf', VCARDS)
    const result = await core.call('import.commit', { token: p.token, duplicates: 'merge' })
    expect(result).toMatchObject({ added: 2, merged: 1 })
    expect((await list(core)).map((c) => c.name)).toEqual(['Ada L.'])
    expect(await triageOf(core, ada.id)).toBe('kept')
    const waiting = await inbox(core)
    expect(waiting.total).toBe(2)
    expect(waiting.items.map((c) => [c.name, c.triage])).toEqual([
      ['Grace Hopper', 'inbox'],
      ['Alan Turing', 'inbox'],
    ])

    // Merging into someone still in the inbox leaves them there.
    const again = await preview(core, 'contacts.vcf', VCARDS)
    await core.call('import.commit', { token: again.token, duplicates: 'merge' })
    expect((await inbox(core)).total).toBe(2)
  })

  it('puts new people on the board with placeOnBoard', async () => {
    const core = await open(await tempDir())
    const p = await preview(core, 'contacts.vcf', VCARDS)
    await core.call('import.commit', {
      token: p.token,
      duplicates: 'skip',
      placeOnBoard: true,
    })
    const board = await list(core)
    expect(board.map((c) => [c.name, c.triage, c.stage])).toEqual([
      ['Ada Lovelace', 'kept', 'identified'],
      ['Grace Hopper', 'kept', 'identified'],
      ['Alan Turing', 'kept', 'identified'],
    ])
    expect((await inbox(core)).total).toBe(0)
  })

  it('a Vouch JSON restore keeps the triage stored in the file', async () => {
    const core = await open(await tempDir())
    const kept = await create(core, { name: 'Kept Person' })
    const archived = await create(core, { name: 'Archived Person' })
    const waiting = await create(core, { name: 'Inbox Person' })
    await core.call('contact.bulk', { ids: [archived.id], set: { triage: 'archived' } })
    await core.call('contact.bulk', { ids: [waiting.id], set: { triage: 'inbox' } })
    const exported = await core.call('export.json', {})
    const fresh = await open(await tempDir())
    const p = await previewFile(fresh, {
      fileName: exported.fileName,
      dataBase64: exported.dataBase64,
    })
    await fresh.call('import.commit', { token: p.token, duplicates: 'skip' })
    expect(await triageOf(fresh, kept.id)).toBe('kept')
    expect(await triageOf(fresh, archived.id)).toBe('archived')
    expect(await triageOf(fresh, waiting.id)).toBe('inbox')
  })
})
