import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { copyFile, readdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { CoreEvent } from '@shared/ipc'
import { openCore, type Core } from '.'
import { realFs, type StoreFs } from './store/fs'
import { FolderLock } from './store/lock'
import { childScript } from '@testing/core/childScript'
import { runCrashTrial } from '@testing/core/crashTrials'
import { faultyFs, type Fault } from '@testing/core/faultyFs'
import { makeTempDir } from '@testing/core/tempDir'
import { LockJson, readJson, StoredJson } from '@testing/json'

// Faults a real disk and a real user's machine produce: a full or read-only disk, a kill -9
// in the middle of a journal append or a compaction, a torn journal line, two Vouch processes
// on one folder, and a lock left behind by a killed one. Each checks that the file stays
// valid, that every acknowledged write survives, and that the user is told what happened.

const repoRoot = resolve(import.meta.dirname, '../..')
let dir: string
let remove: () => Promise<void>
const cores: Core[] = []

async function open(options: { fs?: StoreFs; compactAfterMs?: number } = {}): Promise<Core> {
  const core = await openCore({ dataDir: dir, ...options })
  cores.push(core)
  return core
}
async function closeAll(): Promise<void> {
  for (const core of cores.splice(0)) await core.close()
}
const names = async (core: Core) => (await core.call('contact.list', {})).map((c) => c.name).sort()
const status = async (core: Core) => await core.call('app.status', {})
const tempFiles = async (folder: string) =>
  (await readdir(folder).catch(() => [])).filter((n) => n.endsWith('.tmp'))

/** Every byte of the journal belongs to a complete, parseable line. */
async function expectWholeJournalLines(folder: string): Promise<string[]> {
  const text = await readFile(join(folder, 'vouch.journal'), 'utf8').catch(() => '')
  if (text !== '') expect(text.endsWith('\n'), 'the journal ends in a partial line').toBe(true)
  const lines = text.split('\n').filter((line) => line !== '')
  for (const line of lines) expect(() => void JSON.parse(line)).not.toThrow()
  return lines
}

/** Copy the data files as they are now into a fresh folder: what a crash at this moment leaves. */
async function crashCopy(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const copy = await makeTempDir('vouch-crashcopy-')
  for (const name of await readdir(dir)) {
    if (name.startsWith('vouch.json') || name.startsWith('vouch.journal'))
      await copyFile(join(dir, name), join(copy.dir, name))
  }
  return copy
}

beforeEach(async () => {
  ;({ dir, remove } = await makeTempDir('vouch-faults-'))
})
afterEach(async () => {
  await closeAll()
  await remove()
})

describe('a full or read-only disk while saving a change', () => {
  const journalFaults: Array<[string, Fault, RegExp]> = [
    [
      'the disk fills up half-way through a journal line (ENOSPC)',
      { code: 'ENOSPC', at: new Set(['write']), pathIncludes: 'vouch.journal', partialWrite: true },
      /because the disk is full/,
    ],
    [
      // The flush fails after the line was written: the journal's datasync, or where the
      // journal is opened with O_DSYNC, its write (faultyFs fails it after the bytes land).
      'the disk turns read-only at fsync (EROFS)',
      { code: 'EROFS', at: new Set(['datasync']), pathIncludes: 'vouch.journal' },
      /read-only or not writable/,
    ],
    [
      'permission to write is lost (EPERM)',
      { code: 'EPERM', at: new Set(['write']), pathIncludes: 'vouch.journal' },
      /read-only or not writable/,
    ],
  ]

  for (const [label, fault, reason] of journalFaults) {
    it(`${label}: write-failed, status problem, nothing lost, no partial line, retry works`, async () => {
      const disk = faultyFs()
      const core = await open({ fs: disk.fs, compactAfterMs: 60_000 })
      const events: CoreEvent[] = []
      core.subscribe((event) => events.push(event))
      await core.call('contact.create', { name: 'Ada' })

      disk.set(fault)
      const failed = await core.invoke('contact.create', { name: 'Grace' })
      expect(failed).toMatchObject({ ok: false, code: 'write-failed' })
      expect(!failed.ok && failed.message).toMatch(reason)
      expect(!failed.ok && failed.message).toMatch(/Nothing already saved was lost/)
      expect(disk.failures).toBeGreaterThan(0)

      const problem = (await status(core)).problem
      expect(problem).toMatchObject({ kind: 'write-failed' })
      expect(problem?.message).toMatch(reason)
      const statuses = events.flatMap((event) => (event.type === 'status' ? [event.status] : []))
      expect(statuses).toContainEqual(expect.objectContaining({ problem }))
      expect(await names(core)).toEqual(['Ada'])
      const lines = await expectWholeJournalLines(dir)
      expect(lines.join('\n')).not.toContain('Grace')
      expect(await tempFiles(dir)).toEqual([])

      // The disk is fixed: the same command goes through and the problem clears.
      disk.set(null)
      await core.call('contact.create', { name: 'Grace' })
      expect((await status(core)).problem).toBeNull()
      expect(await names(core)).toEqual(['Ada', 'Grace'])

      // What a crash right now leaves holds both, and so does a clean reopen.
      const copy = await crashCopy()
      try {
        const crashed = await openCore({ dataDir: copy.dir })
        expect(await names(crashed)).toEqual(['Ada', 'Grace'])
        expect((await status(crashed)).problem).toBeNull()
        await crashed.close()
      } finally {
        await copy.remove()
      }
      await closeAll()
      expect(await names(await open())).toEqual(['Ada', 'Grace'])
    })
  }

  it('a half-written line that cannot be cut back (write and truncate fail) never hides a later write', async () => {
    const disk = faultyFs()
    const core = await open({ fs: disk.fs, compactAfterMs: 60_000 })
    await core.call('contact.create', { name: 'Ada' })
    disk.set({
      code: 'EIO',
      at: new Set(['write', 'truncate']),
      pathIncludes: 'vouch.journal',
      partialWrite: true,
      times: 2,
    })
    expect(await core.invoke('contact.create', { name: 'Grace' })).toMatchObject({
      ok: false,
      code: 'write-failed',
    })
    // The disk recovers on its own; the next change must not land after the torn half line.
    await core.call('contact.create', { name: 'Linus' })
    await expectWholeJournalLines(dir)
    const copy = await crashCopy()
    try {
      const crashed = await openCore({ dataDir: copy.dir })
      expect(await names(crashed)).toEqual(['Ada', 'Linus'])
      expect((await status(crashed)).problem).toBeNull()
      await crashed.close()
    } finally {
      await copy.remove()
    }
  })

  const snapshotFaults: Array<[string, Fault]> = [
    [
      'the disk fills up while the snapshot is written (ENOSPC)',
      { code: 'ENOSPC', at: new Set(['write']), pathIncludes: '.vouch.json.', partialWrite: true },
    ],
    [
      'the snapshot cannot be renamed into place (EPERM)',
      { code: 'EPERM', at: new Set(['rename']), pathIncludes: '.vouch.json.' },
    ],
    [
      'the snapshot temp file cannot be created (EROFS)',
      { code: 'EROFS', at: new Set(['open']), pathIncludes: '.vouch.json.' },
    ],
  ]

  for (const [label, fault] of snapshotFaults) {
    it(`${label}: compaction fails quietly, the temp file goes, the journal keeps every change`, async () => {
      const disk = faultyFs()
      const core = await open({ fs: disk.fs, compactAfterMs: 1 })
      await core.call('contact.create', { name: 'Ada' })
      await vi.waitFor(async () => expect(await tempFiles(dir)).toEqual([]))
      const before = await readFile(join(dir, 'vouch.json'), 'utf8').catch(() => null)

      disk.set(fault)
      await core.call('contact.create', { name: 'Grace' })
      // The idle compaction runs and fails; the acknowledged write stays in the journal.
      await vi.waitFor(() => expect(disk.failures).toBeGreaterThan(0))
      await core.call('contact.create', { name: 'Linus' })
      // Closing compacts once more, and fails again: the journal still holds every change.
      await closeAll()
      expect(await tempFiles(dir)).toEqual([])
      expect(await readFile(join(dir, 'vouch.json'), 'utf8').catch(() => null)).toBe(before)
      const journals = (await readdir(dir)).filter((n) => n.startsWith('vouch.journal'))
      let journalText = ''
      for (const name of journals) journalText += await readFile(join(dir, name), 'utf8')
      expect(journalText).toContain('Grace')
      expect(journalText).toContain('Linus')

      // Once the disk works, opening catches up and leaves no set-aside journal.
      disk.set(null)
      const again = await open({ fs: disk.fs })
      expect(await names(again)).toEqual(['Ada', 'Grace', 'Linus'])
      expect((await status(again)).problem).toBeNull()
      expect((await readdir(dir)).filter((n) => /^vouch\.journal\.\d+$/.test(n))).toEqual([])
      expect(await tempFiles(dir)).toEqual([])
      expect((await readJson(join(dir, 'vouch.json'), StoredJson)).contacts).toHaveLength(3)
      await closeAll()
      expect(await names(await open())).toEqual(['Ada', 'Grace', 'Linus'])
    })
  }
})

describe('damaged data files not covered in store/store.test.ts', () => {
  const damaged: Array<[string, string]> = [
    ['a BOM followed by garbage', '\uFEFF{"schemaVersion":1,"contacts":'],
    [
      'a contact of the wrong shape',
      JSON.stringify({ schemaVersion: 1, seq: 1, contacts: [{ id: 7 }] }),
    ],
    ['JSON nested 100 000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
    ['a negative schemaVersion', JSON.stringify({ schemaVersion: -1, contacts: [] })],
  ]
  for (const [label, text] of damaged) {
    it(`${label}: quarantined byte-for-byte with a message, and the app still opens`, async () => {
      await writeFile(join(dir, 'vouch.json'), text)
      const core = await open()
      const problem = (await status(core)).problem
      expect(problem?.kind).toBe('quarantined')
      expect(problem?.message).toMatch(/could not be read because .+\. It was moved aside/)
      expect(await readFile(problem?.quarantinedAs ?? '', 'utf8')).toBe(text)
      await core.call('contact.create', { name: 'Ada' })
      await closeAll()
      expect((await readJson(join(dir, 'vouch.json'), StoredJson)).contacts).toHaveLength(1)
    })
  }
})

describe('kill -9 at chosen moments', () => {
  it('during journal appends only (no compaction), then a torn last line: only that line is lost', async () => {
    const noCompaction = { VOUCH_CRASH_COMPACT_MS: String(10 * 60_000) }
    let start = 0
    for (let trial = 0; trial < 3; trial++) {
      const result = await runCrashTrial(
        dir,
        start,
        { acks: 1 + trial, ms: 20 + trial * 40 },
        noCompaction,
      )
      expect(result.lost).toEqual([])
      expect(result.movedLost).toEqual([])
      start += 100_000
    }
    // One more killed run, then cut its journal's last line short, as a power cut mid-append does.
    const result = await runCrashTrial(dir, start, { acks: 2, ms: 40 }, noCompaction)
    expect(result.lost).toEqual([])
    // runCrashTrial reopened and closed the folder, which compacted it: run a writer again and
    // copy the journal before it compacts.
    const core = await open({ compactAfterMs: 60_000 })
    await core.call('contact.create', { name: 'kept-1' })
    await core.call('contact.create', { name: 'kept-2' })
    await core.call('contact.create', { name: 'torn' })
    const copy = await crashCopy()
    try {
      const journal = await readFile(join(copy.dir, 'vouch.journal'))
      await writeFile(join(copy.dir, 'vouch.journal'), journal.subarray(0, journal.length - 7))
      const crashed = await openCore({ dataDir: copy.dir })
      const listed = await names(crashed)
      expect(listed).toContain('kept-1')
      expect(listed).toContain('kept-2')
      expect(listed).not.toContain('torn')
      expect(listed.filter((n) => n.startsWith('crash-'))).toHaveLength(result.found)
      expect((await status(crashed)).problem?.kind).toBe('journal-tail-dropped')
      await crashed.close()
    } finally {
      await copy.remove()
    }
  })

  it('during constant compaction: the snapshot is always valid and nothing acknowledged is lost', async () => {
    const constantCompaction = { VOUCH_CRASH_COMPACT_MS: '0' }
    let start = 0
    let acked = 0
    for (let trial = 0; trial < 5; trial++) {
      const result = await runCrashTrial(
        dir,
        start,
        { acks: 2, ms: 10 + trial * 37 },
        constantCompaction,
      )
      expect(result.lost, `trial ${trial}`).toEqual([])
      expect(result.movedLost, `trial ${trial}`).toEqual([])
      expect(result.problem?.kind ?? 'none').not.toBe('quarantined')
      acked += result.acked
      start += 100_000
    }
    expect(acked).toBeGreaterThan(5)
    expect(await tempFiles(dir)).toEqual([])
  })
})

// Plain JavaScript, built once: each child starts without compiling the core under tsx.
const lockChildFile = await childScript('testing/core/lockChild.ts')

/** A child Vouch process (testing/core/lockChild.ts) that opens `folder` when told. */
interface LockChild {
  process: ChildProcessWithoutNullStreams
  ready: Promise<void>
  outcome: Promise<string>
  go: () => void
  exited: Promise<void>
}

function startLockChild(folder: string): LockChild {
  const child = spawn(process.execPath, [lockChildFile, folder], { cwd: repoRoot })
  let out = ''
  let stderr = ''
  const lines: Array<(line: string) => void> = []
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8')
    let nl: number
    while ((nl = out.indexOf('\n')) >= 0) {
      const line = out.slice(0, nl)
      out = out.slice(nl + 1)
      for (const listener of lines) listener(line)
    }
  })
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const waitFor = (match: (line: string) => boolean) =>
    new Promise<string>((done, fail) => {
      lines.push((line) => {
        if (match(line)) done(line)
      })
      void exited.then(() => fail(new Error(`lock child exited: ${stderr}`)))
    })
  const ready = waitFor((line) => line === 'ready').then(() => undefined)
  const outcome = waitFor((line) => line === 'won' || line.startsWith('locked '))
  // A child killed before it answered rejects these; a test that awaits them still sees it.
  ready.catch(() => undefined)
  outcome.catch(() => undefined)
  return {
    process: child,
    ready,
    outcome,
    go: () => child.stdin.write('go\n'),
    exited,
  }
}

describe('two processes on one data folder', () => {
  const children: LockChild[] = []
  afterEach(async () => {
    for (const child of children.splice(0)) {
      child.process.kill('SIGKILL')
      await child.exited
    }
  })

  it('refuses a second open while another process holds the folder, then takes over after it is killed', async () => {
    const holder = startLockChild(dir)
    children.push(holder)
    await holder.ready
    holder.go()
    expect(await holder.outcome).toBe('won')

    const refused: unknown = await openCore({ dataDir: dir }).catch((error: unknown) => error)
    expect(refused).toMatchObject({ code: 'locked' })
    expect(refused).toHaveProperty(
      'message',
      expect.stringMatching(
        new RegExp(`already open on this data folder \\(process ${holder.process.pid}\\)`),
      ),
    )

    holder.process.kill('SIGKILL')
    await holder.exited
    // The killed process left its lock behind; its pid is dead, so the next open takes over.
    expect((await readJson(join(dir, 'vouch.lock'), LockJson)).pid).toBe(holder.process.pid)
    const core = await open()
    await core.call('contact.create', { name: 'Ada' })
    expect((await readJson(join(dir, 'vouch.lock'), LockJson)).pid).toBe(process.pid)
  })

  it('never lets two of four processes racing to open win, with or without a stale lock', async () => {
    for (let round = 0; round < 2; round++) {
      const { dir: folder, remove: removeFolder } = await makeTempDir('vouch-race-')
      try {
        if (round % 2 === 1) {
          // A lock left by a killed process that everyone will try to take over at once.
          const dead = startLockChild(folder)
          await dead.ready
          dead.go()
          expect(await dead.outcome).toBe('won')
          dead.process.kill('SIGKILL')
          await dead.exited
        }
        const racers = [0, 1, 2, 3].map(() => startLockChild(folder))
        children.push(...racers)
        await Promise.all(racers.map((r) => r.ready))
        for (const racer of racers) racer.go()
        const outcomes = await Promise.all(racers.map((r) => r.outcome))
        expect(
          outcomes.filter((o) => o === 'won'),
          `round ${round}: ${outcomes.join(' | ')}`,
        ).toHaveLength(1)
        for (const o of outcomes.filter((o) => o !== 'won'))
          expect(o).toMatch(/^locked Vouch is already open on this data folder/)
        for (const racer of children.splice(0)) {
          racer.process.kill('SIGKILL')
          await racer.exited
        }
      } finally {
        await removeFolder()
      }
    }
  })

  it('a stale-lock takeover never removes the lock another opener has just taken', async () => {
    // Two openers both find the same dead process's lock. The first takes it over; the second
    // read the stale lock before that but acts after: it must not delete the first one's lock.
    await writeFile(
      join(dir, 'vouch.lock'),
      JSON.stringify({
        pid: 999_999,
        host: (await import('node:os')).hostname(),
        bootedAt: Math.round((Date.now() - (await import('node:os')).uptime() * 1000) / 1000),
        token: 'dead',
      }),
    )
    let firstTookIt: () => void = () => {}
    const firstHasLock = new Promise<void>((done) => (firstTookIt = done))
    const firstFs: StoreFs = {
      ...realFs,
      link: async (from, to) => {
        await realFs.link(from, to)
        if (String(to).endsWith('vouch.lock')) firstTookIt()
      },
    }
    // The second opener has read the stale lock; its next step towards removing it waits
    // until the first opener has taken the folder.
    const held = async (path: unknown, name: string): Promise<void> => {
      if (String(path).endsWith(name)) await firstHasLock
    }
    const secondFs: StoreFs = {
      ...realFs,
      link: async (from, to) => {
        await held(to, 'vouch.lock.takeover')
        return realFs.link(from, to)
      },
      unlink: async (path) => {
        await held(path, 'vouch.lock')
        return realFs.unlink(path)
      },
      rename: async (from, to) => {
        await held(from, 'vouch.lock')
        return realFs.rename(from, to)
      },
    }
    const isAlive = (pid: number) => pid !== 999_999
    const outcomes = await Promise.allSettled([
      FolderLock.acquire(secondFs, dir, isAlive),
      FolderLock.acquire(firstFs, dir, isAlive),
    ])
    const won = outcomes.filter((o) => o.status === 'fulfilled')
    expect(won).toHaveLength(1)
    const lost = outcomes.find((o) => o.status === 'rejected')
    expect(lost?.status === 'rejected' && String(lost.reason)).toMatch(/already open/)
    for (const o of won) if (o.status === 'fulfilled') await o.value.release()
  })
})
