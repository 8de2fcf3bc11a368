import { readdir, readFile, writeFile, mkdir, appendFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openCore, type Core } from '..'
import { makeTempDir } from '@testing/core/tempDir'
import { useTempCores } from '@testing/core/tempCores'
import { LockJson, readJson, StoredJson } from '@testing/json'
import { CURRENT_SCHEMA_VERSION } from './schema'

const temp = useTempCores()
const open = temp.open
const closeAll = temp.closeAll
const names = async (core: Core) => (await core.call('contact.list', {})).map((c) => c.name)
const status = async (core: Core) => await core.call('app.status', {})
const dataFile = () => join(temp.dir, 'vouch.json')

/** Make a valid store with the given names, closed, with one daily backup. */
async function seed(...people: string[]): Promise<void> {
  const core = await open()
  for (const name of people) await core.call('contact.create', { name })
  await closeAll()
}

describe('damaged data files are quarantined, never overwritten', () => {
  const damaged: Array<[string, string | Buffer]> = [
    ['truncated', '{"schemaVersion":1,"seq":3,"contacts":[{"id":"a"'],
    ['empty', ''],
    ['NUL-filled', Buffer.alloc(4096)],
    ['null', 'null'],
    ['an array', '[]'],
    ['an empty object', '{}'],
    ['wrong types', JSON.stringify({ schemaVersion: 1, seq: 'x', contacts: 'nope' })],
    ['a non-numeric version', JSON.stringify({ schemaVersion: 'one', contacts: [] })],
  ]

  for (const [label, bytes] of damaged) {
    it(`${label}: moved aside byte-for-byte, latest backup restored, problem reported`, async () => {
      await seed('Ada', 'Grace')
      await writeFile(dataFile(), bytes)
      const core = await open()
      const s = await status(core)
      expect(s.problem?.kind).toBe('quarantined')
      expect(s.problem?.quarantinedAs).toMatch(/vouch\.corrupt-.*\.json$/)
      expect(s.problem?.restoredFrom).toMatch(/backups/)
      expect(s.problem?.message).toContain(s.problem?.quarantinedAs ?? '?')
      const kept = await readFile(s.problem?.quarantinedAs ?? '')
      expect(kept.equals(Buffer.from(bytes))).toBe(true)
      // Today's backup was refreshed when the seeding core closed.
      expect((await names(core)).sort()).toEqual(['Ada', 'Grace'])
      // The new file is valid and written.
      await core.call('contact.create', { name: 'Linus' })
      await closeAll()
      expect((await readJson(dataFile(), StoredJson)).contacts).toHaveLength(3)
    })
  }

  it('restores the newest valid backup, skipping a damaged one', async () => {
    await seed('Ada')
    const core = await open()
    await core.call('contact.create', { name: 'Grace' })
    await closeAll()
    // A backup holding Ada and Grace, then a damaged newer one.
    const backups = join(temp.dir, 'backups')
    await writeFile(
      join(backups, 'vouch-2099-01-01T00-00-00-000Z-manual.json'),
      await readFile(dataFile()),
    )
    await writeFile(join(backups, 'vouch-2099-01-02T00-00-00-000Z-manual.json'), '{"broken":')
    await writeFile(dataFile(), '{"schemaVersion":1,')
    const again = await open()
    expect((await names(again)).sort()).toEqual(['Ada', 'Grace'])
    expect((await status(again)).problem?.restoredFrom).toContain(
      'vouch-2099-01-01T00-00-00-000Z-manual.json',
    )
  })

  it('starts empty and says so when there is no backup', async () => {
    await writeFile(dataFile(), 'garbage')
    const core = await open()
    const s = await status(core)
    expect(s.problem?.kind).toBe('quarantined')
    expect(s.problem?.message).toContain('no backup was found')
    expect(await names(core)).toEqual([])
    expect((await readdir(temp.dir)).filter((n) => n.startsWith('vouch.corrupt-'))).toHaveLength(1)
  })

  it('recovers a file that starts with a BOM and keeps the original', async () => {
    await seed('Ada')
    const original = await readFile(dataFile(), 'utf8')
    await writeFile(dataFile(), `\uFEFF${original}`)
    const core = await open()
    const s = await status(core)
    expect(s.problem?.kind).toBe('recovered')
    expect(await names(core)).toEqual(['Ada'])
    expect((await readFile(s.problem?.quarantinedAs ?? '', 'utf8')).charCodeAt(0)).toBe(0xfeff)
  })
})

describe('a newer schemaVersion', () => {
  it('opens read-only, refuses writes and never rewrites the file', async () => {
    await seed('Ada')
    const file = await readJson(dataFile(), StoredJson)
    file.schemaVersion = 999
    file.futureField = { something: true }
    const text = JSON.stringify(file, null, 1)
    await writeFile(dataFile(), text)
    const core = await open()
    const s = await status(core)
    expect(s.readOnly).toBe(true)
    expect(s.problem?.kind).toBe('read-only')
    expect(s.problem?.message).toContain('newer version of Vouch')
    expect(await names(core)).toEqual(['Ada'])
    const refused = await core.invoke('contact.create', { name: 'Grace' })
    expect(refused).toMatchObject({ ok: false, code: 'read-only' })
    const [ada] = await core.call('contact.list', {})
    expect(await core.invoke('contact.move', { id: ada?.id, stage: 'asked' })).toMatchObject({
      ok: false,
      code: 'read-only',
    })
    await closeAll()
    expect(await readFile(dataFile(), 'utf8')).toBe(text)
  })
})

describe('migrations', () => {
  it('migrates a version-0 prototype file and keeps a copy of the original', async () => {
    const v0 = JSON.stringify({
      contacts: [
        {
          id: 'p1',
          name: 'Ada',
          stage: 'building',
          order: 0,
          createdAt: '2024-01-01T00:00:00.000Z',
          updatedAt: '2024-01-01T00:00:00.000Z',
        },
      ],
    })
    await writeFile(dataFile(), v0)
    const core = await open()
    const [ada] = await core.call('contact.list', {})
    expect(ada).toMatchObject({
      id: 'p1',
      name: 'Ada',
      stage: 'building',
      tags: [],
      relationship: 'other',
    })
    expect((await status(core)).problem).toBeNull()
    const backups = await readdir(join(temp.dir, 'backups'))
    const migration = backups.find((n) => n.endsWith('before-migration.json'))
    expect(migration).toBeDefined()
    expect(await readFile(join(temp.dir, 'backups', migration ?? ''), 'utf8')).toBe(v0)
    expect((await readJson(dataFile(), StoredJson)).schemaVersion).toBe(CURRENT_SCHEMA_VERSION)
  })
})

describe('the journal', () => {
  it('acknowledges a write before compaction and replays it after a crash', async () => {
    const core = await open({ compactAfterMs: 60_000 })
    await core.call('contact.create', { name: 'Ada' })
    // Simulate a crash: copy the folder's files as they are now, without closing.
    const journal = await readFile(join(temp.dir, 'vouch.journal'), 'utf8')
    expect(journal).toContain('Ada')
    const crashed = await makeTempDir()
    try {
      await writeFile(join(crashed.dir, 'vouch.journal'), journal)
      const copy = await openCore({ dataDir: crashed.dir })
      expect(await names(copy)).toEqual(['Ada'])
      await copy.close()
    } finally {
      await crashed.remove()
    }
  })

  it('drops a damaged tail after the last complete entry, keeps a copy and reports it', async () => {
    const core = await open({ compactAfterMs: 60_000 })
    await core.call('contact.create', { name: 'Ada' })
    await core.call('contact.create', { name: 'Grace' })
    const journal = await readFile(join(temp.dir, 'vouch.journal'))
    const crashed = await makeTempDir()
    try {
      // The second line loses its last 10 bytes, as if the power went out mid-append.
      await writeFile(join(crashed.dir, 'vouch.journal'), journal.subarray(0, journal.length - 10))
      const copy = await openCore({ dataDir: crashed.dir })
      expect(await names(copy)).toEqual(['Ada'])
      const s = await status(copy)
      expect(s.problem?.kind).toBe('journal-tail-dropped')
      expect(s.problem?.message).toMatch(/last \d+ bytes/)
      const kept = await readFile(s.problem?.quarantinedAs ?? '')
      expect(kept.length).toBe(journal.length - 10)
      // New writes follow the last good entry and survive a reopen.
      await copy.call('contact.create', { name: 'Linus' })
      await copy.close()
      const again = await openCore({ dataDir: crashed.dir })
      expect((await names(again)).sort()).toEqual(['Ada', 'Linus'])
      expect((await status(again)).problem).toBeNull()
      await again.close()
    } finally {
      await crashed.remove()
    }
  })

  it('ignores entries already in the snapshot (a crash between snapshot and journal reset)', async () => {
    await seed('Ada')
    const snapshot = await readJson(dataFile(), StoredJson)
    const entry = {
      seq: snapshot.seq,
      ops: [{ op: 'delete', coll: 'contacts', id: snapshot.contacts[0]?.id }],
    }
    await appendFile(join(temp.dir, 'vouch.journal'), `${JSON.stringify(entry)}\n`)
    const core = await open()
    expect(await names(core)).toEqual(['Ada'])
  })
})

describe('the folder lock', () => {
  it('refuses a second core on an open folder with a clear message', async () => {
    await open()
    await expect(openCore({ dataDir: temp.dir })).rejects.toThrow(
      /already open on this data folder/,
    )
  })

  it('takes over a lock left by a dead process', async () => {
    await writeFile(
      join(temp.dir, 'vouch.lock'),
      JSON.stringify({
        pid: 999_999,
        host: (await import('node:os')).hostname(),
        bootedAt: Math.round((Date.now() - (await import('node:os')).uptime() * 1000) / 1000),
        token: 'old',
      }),
    )
    const core = await open({ isProcessAlive: () => false })
    await core.call('contact.create', { name: 'Ada' })
    expect((await readJson(join(temp.dir, 'vouch.lock'), LockJson)).pid).toBe(process.pid)
  })

  it('takes over an unreadable lock (a crash while writing it)', async () => {
    await writeFile(join(temp.dir, 'vouch.lock'), '{"pid":')
    const core = await open()
    expect(await names(core)).toEqual([])
  })

  it('releases the lock on close', async () => {
    const core = await open()
    await temp.close(core)
    expect(await readdir(temp.dir)).not.toContain('vouch.lock')
  })

  it('removes temp files left by a crashed write', async () => {
    await mkdir(join(temp.dir, 'backups'), { recursive: true })
    await writeFile(join(temp.dir, '.vouch.json.4242.abcdef.tmp'), '{"half":')
    await writeFile(
      join(temp.dir, 'backups', '.vouch-2026-01-01T00-00-00-000Z-daily.json.4242.abc.tmp'),
      'x',
    )
    await open()
    expect((await readdir(temp.dir)).filter((n) => n.endsWith('.tmp'))).toEqual([])
    expect((await readdir(join(temp.dir, 'backups'))).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })
})

describe('compaction', () => {
  it('writes a consistent snapshot while commits keep coming, and loses nothing', async () => {
    const core = await open({ compactAfterMs: 1 })
    const created: string[] = []
    for (let i = 0; i < 300; i++) {
      const c = await core.call('contact.create', { name: `p${i}`, notes: 'n'.repeat(i) })
      created.push(c.id)
      if (i % 3 === 0) await core.call('contact.move', { id: c.id, stage: 'building' })
      const previous = created[i - 1]
      if (i % 10 === 0 && previous !== undefined)
        await core.call('contact.delete', { id: previous })
    }
    // Bursts of commands in flight together, so compactions start and finish between them.
    for (let burst = 0; burst < 10; burst++) {
      await Promise.all(
        Array.from({ length: 30 }, (_, k) =>
          core.call('contact.create', { name: `burst${burst}-${k}` }),
        ),
      )
      await Promise.all(
        created
          .slice(burst * 20, burst * 20 + 20)
          // invoke: every tenth of these is in the trash, and its move is refused.
          .map((id) => core.invoke('contact.move', { id, stage: 'thanked', index: 0 })),
      )
    }
    const expected = (await core.call('contact.list', {})).map((c) => `${c.stage}:${c.name}`)
    expect(expected.length).toBeGreaterThan(500)
    await closeAll()
    const again = await open()
    expect((await again.call('contact.list', {})).map((c) => `${c.stage}:${c.name}`)).toEqual(
      expected,
    )
    expect((await readdir(temp.dir)).filter((n) => /^vouch\.journal\.\d+$/.test(n))).toEqual([])
  })

  it('trusts a snapshot whose checksum matches, and fully validates one edited by hand', async () => {
    await seed('Ada')
    const text = await readFile(dataFile(), 'utf8')
    expect(text).toMatch(/,"checksum":"[0-9a-f]{64}"}$/)
    // A hand edit that keeps valid JSON but breaks a record: the checksum no longer matches,
    // so full validation runs and catches it.
    await writeFile(dataFile(), text.replace('"stage":"identified"', '"stage":"nowhere"'))
    const core = await open()
    expect((await status(core)).problem?.kind).toBe('quarantined')
  })

  it('accepts a valid hand edit (checksum mismatch, valid content)', async () => {
    await seed('Ada')
    const text = await readFile(dataFile(), 'utf8')
    await writeFile(dataFile(), text.replace('"name":"Ada"', '"name":"Ada King"'))
    const core = await open()
    expect(await names(core)).toEqual(['Ada King'])
    expect((await status(core)).problem).toBeNull()
  })
})

describe('touches are indexed by id after open, without making the open wait', () => {
  it('a touch edited or deleted right after open is found, and the change is kept', async () => {
    const core = await open()
    const contact = await core.call('contact.create', { name: 'Ada' })
    const logged: string[] = []
    for (let n = 0; n < 2500; n++) {
      const touch = await core.call('interaction.log', {
        contactId: contact.id,
        kind: 'message',
        note: `touch ${n}`,
      })
      if (n % 1200 === 0) logged.push(touch.id)
    }
    await closeAll()
    // Reopen and act at once: the first commands may come before the background slices finish.
    const again = await open()
    const settled = again.settled()
    const [first, second] = logged
    if (first === undefined || second === undefined) throw new Error('two touches were kept')
    await again.call('interaction.update', { id: first, note: 'edited' })
    await again.call('interaction.delete', { id: second })
    const list = await again.call('interaction.list', { contactId: contact.id })
    expect(list).toHaveLength(2499)
    expect(list.find((t) => t.id === first)?.note).toBe('edited')
    expect(list.some((t) => t.id === second)).toBe(false)
    await expect(settled).resolves.toBeUndefined()
    await closeAll()
    const reopened = await open()
    const after = await reopened.call('interaction.list', { contactId: contact.id })
    expect(after).toHaveLength(2499)
    expect(after.find((t) => t.id === first)?.note).toBe('edited')
  })
})
