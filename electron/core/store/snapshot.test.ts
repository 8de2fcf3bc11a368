import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '@testing/core/tempDir'
import { createRandom } from '@testing/random'
import { hasValidChecksum } from './checksum'
import { writeFileDurably } from './durableFile'
import { realFs } from './fs'
import { schemaFingerprint } from './schema'
import { PAUSE, snapshotChunks, valuesAsOf } from './snapshot'

interface Rec {
  id: string
  v: number
  note?: string
}
const isRec = (value: unknown): value is Rec =>
  typeof value === 'object' && value !== null && 'id' in value

type TestOp = { put: Rec } | { del: string }

/** A commit as Store.commit makes it: record first touches in the overlay, then apply. */
function commit(live: Map<string, Rec>, overlay: Map<string, unknown>, ops: TestOp[]): void {
  const previous = new Map<string, unknown>()
  for (const op of ops) {
    const id = 'put' in op ? op.put.id : op.del
    if (!previous.has(`c:${id}`)) previous.set(`c:${id}`, live.get(id))
  }
  for (const [key, value] of previous) if (!overlay.has(key)) overlay.set(key, value)
  for (const op of ops) {
    if ('put' in op) live.set(op.put.id, op.put)
    else live.delete(op.del)
  }
}

function records(n: number): Map<string, Rec> {
  return new Map(Array.from({ length: n }, (_, i) => [`r${i}`, { id: `r${i}`, v: 0 }]))
}

/** Check `out` is exactly the records of `start`, each once, in start order but for `moved`. */
function expectAsOf(out: Rec[], start: Map<string, Rec>, moved: Set<string>): void {
  const ids = out.map((r) => r.id)
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids.length).toBe(start.size)
  expect(out.filter((record) => record !== start.get(record.id))).toEqual([])
  const stayed = (id: string) => !moved.has(id)
  expect(ids.filter(stayed)).toEqual([...start.keys()].filter(stayed))
}

describe('valuesAsOf', () => {
  it('yields each record as of the start, once, while records are put, deleted and put back', () => {
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const rand = createRandom(seed).next
      const live = records(20_000)
      const start = new Map(live)
      const overlay = new Map<string, unknown>([['scalar:settings', {}]])
      const deleted: string[] = []
      const moved = new Set<string>() // deleted at some point: may come out at the end
      let created = 0
      let keys: string[] = []
      const pick = () => {
        // A live id; the list of them is refreshed now and then, so check it is still there.
        for (;;) {
          if (keys.length === 0 || rand() < 0.02) keys = [...live.keys()]
          const id = keys[Math.floor(rand() * keys.length)] as string
          if (live.has(id)) return id
          keys = []
        }
      }
      const mutate = () => {
        const ops: TestOp[] = []
        for (let k = 1 + Math.floor(rand() * 3); k > 0; k--) {
          const r = rand()
          if (r < 0.3) {
            const id = pick()
            ops.push({ put: { id, v: rand() } })
          } else if (r < 0.55) {
            const id = pick()
            ops.push({ del: id })
            deleted.push(id)
            moved.add(id)
          } else if (r < 0.75 && deleted.length > 0) {
            const id = deleted.splice(Math.floor(rand() * deleted.length), 1)[0] as string
            ops.push({ put: { id, v: rand() } })
          } else if (r < 0.85) {
            const id = pick()
            ops.push({ del: id }, { put: { id, v: rand() } })
            moved.add(id)
          } else {
            ops.push({ put: { id: `new${created++}`, v: rand() } })
          }
        }
        commit(live, overlay, ops)
      }
      const out: Rec[] = []
      let pauses = 0
      for (const value of valuesAsOf(live, overlay, 'c', isRec)) {
        if (value === PAUSE) {
          pauses++
          for (let k = Math.floor(rand() * 20); k > 0; k--) mutate()
        } else {
          out.push(value)
          if (rand() < 0.01) mutate()
        }
      }
      expect(pauses).toBeGreaterThan(0)
      expect(overlay.size).toBeGreaterThan(100)
      expectAsOf(out, start, moved)
    }
  })

  it('handles a record emitted, deleted and put back, and one deleted before it was copied', () => {
    const live = records(10_000)
    const start = new Map(live)
    const overlay = new Map<string, unknown>()
    const out: Rec[] = []
    let step = 0
    for (const value of valuesAsOf(live, overlay, 'c', isRec)) {
      if (value === PAUSE) {
        if (step++ === 0) {
          // Copied so far: r0..r8191. r9000 goes before the copy reaches it.
          commit(live, overlay, [{ del: 'r9000' }])
          commit(live, overlay, [{ put: { id: 'fresh', v: 1 } }])
        }
        continue
      }
      out.push(value)
      if (value.id === 'r5') {
        commit(live, overlay, [{ del: 'r5' }])
        commit(live, overlay, [{ put: { id: 'r5', v: 2 } }])
        commit(live, overlay, [{ put: { id: 'r6', v: 2 } }, { del: 'r7' }])
      }
    }
    expectAsOf(out, start, new Set(['r9000']))
    expect(out.at(-1)?.id).toBe('r9000')
  })

  it('yields the live values when nothing changes', () => {
    const live = records(3)
    expect([...valuesAsOf(live, new Map(), 'c', isRec)]).toEqual([...live.values()])
  })
})

describe('snapshotChunks', () => {
  it('is the JSON of the view followed by a checksum over it, whatever the chunking', () => {
    const head = { schemaVersion: 3, seq: 7, settings: { a: 'é' } }
    const small = Array.from({ length: 5000 }, (_, i) => ({ id: `s${i}`, v: i }))
    const mixed = Array.from({ length: 300 }, (_, i) => ({
      id: `m${i}`,
      note: 'x€'.repeat(i % 7 === 0 ? 20_000 : i),
    }))
    const withPauses = [PAUSE, PAUSE, ...small.slice(0, 10), PAUSE, ...small.slice(10, 20), PAUSE]
    const chunks = [
      ...snapshotChunks({
        head,
        collections: [
          ['small', small],
          ['empty', []],
          ['mixed', mixed],
          ['paused', withPauses],
          ['onlyPauses', [PAUSE]],
        ],
      }),
    ]
    const text = chunks.join('')
    const json = JSON.stringify({
      ...head,
      small,
      empty: [],
      mixed,
      paused: small.slice(0, 20),
      onlyPauses: [],
    })
    expect(text.startsWith(json.slice(0, -1))).toBe(true)
    expect(hasValidChecksum(text, schemaFingerprint())).toBe(true)
    expect(JSON.parse(text)).toMatchObject(JSON.parse(json) as object)
    expect(chunks.length).toBeGreaterThan(20)
  })
})

describe('writeFileDurably', () => {
  let dir: string
  let remove: () => Promise<void>
  beforeEach(async () => {
    ;({ dir, remove } = await makeTempDir())
  })
  afterEach(async () => {
    await remove()
  })

  it('writes chunks of any size and encoding exactly, and leaves no temp file', async () => {
    const chunks = [
      '',
      'héllo ',
      '€'.repeat(100_000),
      ...Array.from({ length: 3000 }, (_, i) => `{"n":${i},"s":"😀"}`),
      '',
      'x'.repeat(200_000),
      'end',
    ]
    const file = join(dir, 'out.json')
    await writeFileDurably(realFs, file, chunks)
    expect(await readFile(file, 'utf8')).toBe(chunks.join(''))
    expect(await readdir(dir)).toEqual(['out.json'])
  })
})
