import { constants } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { faultyFs } from '@testing/core/faultyFs'
import { makeTempDir } from '@testing/core/tempDir'
import { realFs, type StoreFs } from './fs'
import { entryText, Journal, journalUsesDsync, type JournalOptions } from './journal'
import type { JournalEntry } from './ops'
import { makeContact } from '@testing/builders'
import { Slicer } from '../slices/slicer'

const O_DSYNC: number | undefined = constants.O_DSYNC

let dir: string
let remove: () => Promise<void>
let journal: Journal | null = null

beforeEach(async () => {
  ;({ dir, remove } = await makeTempDir('vouch-journal-'))
})
afterEach(async () => {
  await journal?.close()
  journal = null
  await remove()
})

/** A filesystem that records the flags of each open and the calls made on its handles. */
function recordingFs(base: StoreFs = realFs) {
  const opens: Array<{ flags: unknown; mode: unknown }> = []
  const calls: string[] = []
  const fs: StoreFs = {
    ...base,
    open: async (path, flags, mode) => {
      opens.push({ flags, mode })
      const handle = await base.open(path, flags, mode)
      return new Proxy(handle, {
        get(target, property) {
          const value: unknown = Reflect.get(target, property, target)
          if (typeof value !== 'function') return value
          return (...args: unknown[]): unknown => {
            calls.push(String(property))
            return Reflect.apply(value, target, args)
          }
        },
      })
    },
  }
  return { fs, opens, calls }
}

const entry = (seq: number): JournalEntry => ({ seq, ops: [] })
const line = (seq: number) => `${JSON.stringify(entry(seq))}\n`
const file = () => join(dir, 'vouch.journal')

async function openJournal(fs: StoreFs, options?: JournalOptions): Promise<Journal> {
  journal = new Journal(fs, file(), options)
  await journal.openForAppend((await journal.read()).validLength)
  return journal
}

describe('Journal durability', () => {
  it.runIf(process.platform === 'linux')('uses O_DSYNC by default on Linux', () => {
    expect(journalUsesDsync).toBe(true)
  })

  it.skipIf(O_DSYNC === undefined)(
    'with O_DSYNC: opens O_APPEND|O_CREAT|O_RDWR|O_DSYNC, one write per append, no datasync',
    async () => {
      const rec = recordingFs()
      const j = await openJournal(rec.fs, { dsync: true })
      expect(rec.opens).toEqual([
        {
          flags: constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | (O_DSYNC ?? 0),
          mode: 0o600,
        },
      ])
      rec.calls.length = 0
      await j.append(entry(1))
      await j.append(entry(2))
      expect(rec.calls).toEqual(['write', 'write'])
      expect(await readFile(file(), 'utf8')).toBe(line(1) + line(2))

      // rotate() reopens through openForAppend and keeps the flag.
      await j.rotate(2)
      expect(rec.opens.at(-1)?.flags).toBe(rec.opens[0]?.flags)
      rec.calls.length = 0
      await j.append(entry(3))
      expect(rec.calls).toEqual(['write'])
      expect(await readFile(file(), 'utf8')).toBe(line(3))
      expect(await readFile(`${file()}.2`, 'utf8')).toBe(line(1) + line(2))
    },
  )

  it('without O_DSYNC (as on Windows): opens a+, each append is a write then a datasync', async () => {
    const rec = recordingFs()
    const j = await openJournal(rec.fs, { dsync: false })
    expect(rec.opens).toEqual([{ flags: 'a+', mode: 0o600 }])
    rec.calls.length = 0
    await j.append(entry(1))
    await j.append(entry(2))
    expect(rec.calls).toEqual(['write', 'datasync', 'write', 'datasync'])
    expect(await readFile(file(), 'utf8')).toBe(line(1) + line(2))
  })
})

describe('Journal failed appends are cut back', () => {
  const modes: Array<[string, JournalOptions]> = [
    ['with O_DSYNC', { dsync: true }],
    ['with write + datasync', { dsync: false }],
  ]
  for (const [label, options] of modes) {
    it.skipIf(options.dsync === true && O_DSYNC === undefined)(
      `${label}: a failed flush leaves no trace of the line, the error propagates, the next append works`,
      async () => {
        const disk = faultyFs()
        const j = await openJournal(disk.fs, options)
        await j.append(entry(1))
        disk.set({ code: 'EIO', at: new Set(['datasync']), pathIncludes: 'vouch.journal' })
        await expect(j.append(entry(2))).rejects.toMatchObject({ code: 'EIO' })
        expect(disk.failures).toBe(1)
        expect(await readFile(file(), 'utf8')).toBe(line(1))
        expect(j.byteLength).toBe(line(1).length)
        disk.set(null)
        await j.append(entry(3))
        expect(await readFile(file(), 'utf8')).toBe(line(1) + line(3))
      },
    )

    it.skipIf(options.dsync === true && O_DSYNC === undefined)(
      `${label}: a half-written line is cut back, the error propagates, the next append works`,
      async () => {
        const disk = faultyFs()
        const j = await openJournal(disk.fs, options)
        await j.append(entry(1))
        disk.set({
          code: 'ENOSPC',
          at: new Set(['write']),
          pathIncludes: 'vouch.journal',
          partialWrite: true,
        })
        await expect(j.append(entry(2))).rejects.toMatchObject({ code: 'ENOSPC' })
        expect(await readFile(file(), 'utf8')).toBe(line(1))
        disk.set(null)
        await j.append(entry(3))
        expect(await readFile(file(), 'utf8')).toBe(line(1) + line(3))
      },
    )
  }
})

describe('Journal short writes', () => {
  it('a write that lands only part of the line (no error) is refused and cut back', async () => {
    let short = false
    const fs: StoreFs = {
      ...realFs,
      open: async (path, flags, mode) => {
        const handle = await realFs.open(path, flags, mode)
        return new Proxy(handle, {
          get(target, property): unknown {
            const value: unknown = Reflect.get(target, property, target)
            if (property === 'write' && short)
              // As a disk filling up mid-line can: half the bytes, a short count, no error.
              return async (data: Buffer) => target.write(data.subarray(0, data.length >> 1))
            return typeof value === 'function' ? value.bind(target) : value
          },
        })
      },
    }
    const j = await openJournal(fs)
    await j.append(entry(1))
    short = true
    await expect(j.append(entry(2))).rejects.toMatchObject({ code: 'ENOSPC' })
    short = false
    expect(await readFile(file(), 'utf8')).toBe(line(1))
    await j.append(entry(3))
    expect(await readFile(file(), 'utf8')).toBe(line(1) + line(3))
  })
})

describe('entryText', () => {
  it('is exactly JSON.stringify of the entry, serialized a bounded number of ops per turn', async () => {
    const ops: JournalEntry['ops'] = Array.from({ length: 130 }, (_, i) => ({
      op: 'put' as const,
      coll: 'contacts' as const,
      value: makeContact({ name: `Zoë "${i}" \u2028 ${'é'.repeat(i)}`, notes: 'a\nb\\c' }),
    }))
    ops.push({ op: 'delete', coll: 'contacts', id: '__proto__' })
    const entry: JournalEntry = { seq: 42, ops }
    const slicer = new Slicer({ minSliceMs: 0 })
    const text = await entryText(entry, slicer, 50)
    expect(text).toBe(JSON.stringify(entry))
    expect(slicer.turns).toBe(2)
    expect(slicer.largest).toBeLessThanOrEqual(50)
  })
})
