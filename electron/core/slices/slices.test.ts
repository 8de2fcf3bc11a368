import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Stage } from '@shared/domain'
import type { Input, Output } from '@shared/ipc'
import { makeContact, makeInteraction } from '@testing/builders'
import { seedStore } from '@testing/core/seed'
import { makeTempDir } from '@testing/core/tempDir'
import { BULK_SLICE, SEARCH_SLICE } from '../handlers/board'
import { openCore, type Core } from '../index'
import { APPLY_SLICE } from '../store/store'
import { Slicer, STRETCH } from './slicer'

// The work of the reads and the bulk at size, bounded in items (never in time): how many
// people a keystroke or a bulk looks at, and how many one turn of the event loop handles.

const NETWORK = 5000
const DAY = 24 * 60 * 60 * 1000
const START = new Date('2025-03-10T12:00:00.000Z')
const STAGES: Stage[] = ['building', 'in-touch', 'asked']

let dir: string
let remove: () => Promise<void>
const cores: Core[] = []

beforeEach(async () => {
  ;({ dir, remove } = await makeTempDir())
})

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
  await remove()
})

const id = (i: number) => `p${String(i).padStart(5, '0')}`

/** NETWORK kept people over three columns, every 10th at Globex, each touched long ago. */
async function seedNetwork(): Promise<void> {
  const contacts = Array.from({ length: NETWORK }, (_, i) =>
    makeContact({
      id: id(i),
      name: `Person ${i}`,
      company: i % 10 === 0 ? 'Globex' : 'Initech',
      stage: STAGES[i % 3] ?? 'building',
      order: i,
      createdAt: new Date(START.getTime() - 400 * DAY).toISOString(),
    }),
  )
  const interactions = contacts.map((c, i) =>
    makeInteraction({
      contactId: c.id,
      kind: 'message',
      at: new Date(START.getTime() - (i % 90) * DAY).toISOString(),
    }),
  )
  await seedStore(dir, { contacts, interactions }, () => START)
}

/** Open the core with a slicer whose turns can be watched (and, with `onTurn`, acted on). */
async function open(onTurn: () => void = () => undefined): Promise<{ core: Core; slicer: Slicer }> {
  // Every slice exactly its size (no time stretch), so the counts do not depend on speed.
  const slicer = new Slicer({
    minSliceMs: 0,
    turn: async () => {
      onTurn()
      await new Promise((resolve) => setImmediate(resolve))
    },
  })
  const core = await openCore({ dataDir: dir, now: () => START, compactAfterMs: 600_000, slicer })
  cores.push(core)
  await core.settled()
  slicer.resetStats()
  return { core, slicer }
}

const query = async (core: Core, input: Input<'contact.query'>) =>
  await core.call('contact.query', input)
const today = async (core: Core) => await core.call('today.get', { limit: 5 })

describe('a search keystroke', () => {
  it('after an edit looks at everyone in slices; the next keystrokes only at the previous matches', async () => {
    await seedNetwork()
    const { core, slicer } = await open()
    await core.call('contact.update', { id: id(7), notes: 'met at a conference' })
    slicer.resetStats()
    const first = await query(core, { filter: { text: 'g' }, limit: 100 })
    expect(slicer.items).toBe(NETWORK)
    expect(slicer.largest).toBeLessThanOrEqual(SEARCH_SLICE)
    expect(slicer.turns).toBeGreaterThanOrEqual(Math.floor(NETWORK / SEARCH_SLICE) - 1)

    let previous = first.total
    for (const typed of ['gl', 'glo', 'glob', 'globe']) {
      slicer.resetStats()
      const result = await query(core, { filter: { text: typed }, limit: 100 })
      expect(slicer.items).toBe(previous)
      previous = result.total
    }
    expect(previous).toBe(NETWORK / 10)
  })

  it('answers the state it started on: a write sent mid-scan waits for it', async () => {
    await seedNetwork()
    const order: string[] = []
    const sent: { core?: Core; write?: Promise<unknown> } = {}
    const { core } = await open(() => {
      if (sent.core && !sent.write) {
        sent.write = sent.core
          .call('contact.update', { id: id(NETWORK - 1), notes: 'zebra' })
          .then(() => order.push('write'))
      }
    })
    sent.core = core
    const during = await query(core, { filter: { text: 'zebra' }, limit: 10 })
    order.push('search')
    expect(during.total).toBe(0)
    await sent.write
    expect(order).toEqual(['search', 'write'])
    expect((await query(core, { filter: { text: 'zebra' }, limit: 10 })).total).toBe(1)
  })
})

describe('contact.bulk at size', () => {
  it('of 3 people looks at those 3 (ids, fold, journal, Today), not at the network', async () => {
    await seedNetwork()
    const { core, slicer } = await open()
    await today(core)
    slicer.resetStats()
    const result = await core.call('contact.bulk', {
      ids: [id(1), id(2), id(3)],
      set: { stage: 'asked' },
      addTags: ['vip'],
    })
    expect(result).toEqual({ changed: 3 })
    // 3 ids checked, 3 people folded, 3 ops applied, 3 Today entries refreshed.
    expect(slicer.items).toBeLessThanOrEqual(4 * 3)
    slicer.resetStats()
    await today(core)
    expect(slicer.items).toBe(0)
  })

  it('of 1,000 runs in bounded slices and is seen whole by a read sent meanwhile', async () => {
    await seedNetwork()
    const sent: { core?: Core; read?: Promise<Output<'contact.query'>> } = {}
    const { core, slicer } = await open(() => {
      if (sent.core && !sent.read)
        sent.read = query(sent.core, { filter: { tags: ['vip'] }, limit: 1 })
    })
    sent.core = core
    const ids = Array.from({ length: 1000 }, (_, i) => id(i * 5))
    // core.request, not core.call: call's extra await lets the read queued behind the bulk start
    // (and count its own work) before the bulk's slices are looked at below.
    const result = await core.request('contact.bulk', {
      ids,
      set: { stage: 'in-touch' },
      addTags: ['vip'],
    })
    expect(result).toEqual({ ok: true, value: { changed: 1000 } })
    expect(slicer.largest).toBeLessThanOrEqual(4 * BULK_SLICE)
    expect(slicer.turns).toBeGreaterThanOrEqual(1000 / APPLY_SLICE)
    // The read was sent at the bulk's first turn and answered after it: all 1,000 or none.
    expect(sent.read).toBeDefined()
    expect((await sent.read)?.total).toBe(1000)

    // Today, folded in slices, equals Today rebuilt from the data by a fresh core.
    const after = await today(core)
    for (const c of cores.splice(0)) await c.close()
    const fresh = await openCore({ dataDir: dir, now: () => START })
    cores.push(fresh)
    const rebuilt = await today(fresh)
    expect(after.counts).toEqual(rebuilt.counts)
    expect(after.overdue).toEqual(rebuilt.overdue)
    expect(after.dueSoon).toEqual(rebuilt.dueSoon)
    expect(
      (await query(fresh, { filter: { tags: ['vip'] }, stage: 'in-touch', limit: 1 })).total,
    ).toBe(1000)
  })
})

describe('Slicer', () => {
  it('stretches a slice of cheap items until it has run minSliceMs, never past STRETCH times its size', async () => {
    let now = 0
    const slicer = new Slicer({ clock: () => now, minSliceMs: 2, turn: async () => undefined })
    // A clock that does not move: every slice stretches to the cap.
    for (let i = 0; i < 1000; i++) if (slicer.full(10)) await slicer.pause()
    slicer.close()
    expect(slicer.largest).toBe(10 * STRETCH)
    expect(slicer.turns).toBe(Math.floor(1000 / (10 * STRETCH)))
    // Each item takes 1 ms: a slice ends at its size.
    slicer.resetStats()
    for (let i = 0; i < 100; i++) {
      now += 1
      if (slicer.full(10)) await slicer.pause()
    }
    expect(slicer.largest).toBe(10)
    expect(slicer.turns).toBe(10)
  })
})
