// Before any Date exists: local midnights and the 09:00 digest below are Paris wall-clock times.
process.env.TZ = 'Europe/Paris'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Input } from '@shared/ipc'
import { openCore, type Core } from '..'
import { makeTempDir } from '@testing/core/tempDir'
import { FakeClock, DAY_MS, HOUR_MS, MINUTE_MS } from '@testing/reminders/simulation'
import type { VouchNotification } from './types'

let dir: string
let remove: () => Promise<void>
let clock: FakeClock
let shown: VouchNotification[]
const cores: Core[] = []

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi)

async function open(): Promise<Core> {
  const core = await openCore({
    dataDir: dir,
    now: clock.now,
    compactAfterMs: 600_000,
    notify: (n) => shown.push(n),
  })
  cores.push(core)
  return core
}

const list = (core: Core) => core.call('reminder.list', {})
const create = (core: Core, input: Input<'contact.create'>) => core.call('contact.create', input)

beforeEach(async () => {
  ;({ dir, remove } = await makeTempDir())
  clock = new FakeClock(local(2025, 3, 3, 10))
  shown = []
})

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close()
  await remove()
})

describe('the reminder engine', () => {
  it('makes a contact due at local midnight cadence days after the last touch; notes do not count', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada Lovelace', cadenceDays: 10 })
    await core.call('interaction.log', { contactId: ada.id, kind: 'call' })
    clock.advance(5 * DAY_MS)
    await core.call('interaction.log', { contactId: ada.id, kind: 'note', note: 'not a touch' })

    const before = await list(core)
    expect(before.due).toEqual([])
    expect(before.upcoming).toMatchObject([
      { contactId: ada.id, name: 'Ada Lovelace', kind: 'contact-due' },
    ])
    expect(before.upcoming[0]?.dueAt).toBe(local(2025, 3, 13).toISOString())

    clock.set(local(2025, 3, 13, 0, 0))
    expect((await list(core)).due.map((e) => e.contactId)).toEqual([ada.id])
    // A touch moves the due day on: nothing due, next one 10 days later.
    await core.call('interaction.log', { contactId: ada.id, kind: 'message' })
    const after = await list(core)
    expect(after.due).toEqual([])
    expect(after.upcoming[0]?.dueAt).toBe(local(2025, 3, 23).toISOString())
  })

  it('leaves out snoozed contacts until the snooze ends, and trashed ones', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada', cadenceDays: 1 })
    const bob = await create(core, { name: 'Bob', cadenceDays: 1 })
    clock.advance(2 * DAY_MS)
    expect((await list(core)).due).toHaveLength(2)

    await core.call('reminder.snooze', {
      contactId: ada.id,
      until: local(2025, 3, 8).toISOString(),
    })
    await core.call('contact.delete', { id: bob.id })
    expect((await list(core)).due).toEqual([])
    clock.set(local(2025, 3, 8))
    expect((await list(core)).due.map((e) => e.contactId)).toEqual([ada.id])
  })

  it('snoozes every due contact at once, undoably', async () => {
    const core = await open()
    for (const name of ['Ada', 'Bob', 'Cy']) await create(core, { name, cadenceDays: 1 })
    await create(core, { name: 'Dee', cadenceDays: 30 })
    clock.advance(2 * DAY_MS)
    const until = new Date(clock.ms + DAY_MS).toISOString()
    expect(await core.call('reminder.snoozeAll', { until })).toEqual({ snoozed: 3 })
    expect((await list(core)).due).toEqual([])
    await core.call('undo', {})
    expect((await list(core)).due).toHaveLength(3)
    const refused = await core.invoke('reminder.snoozeAll', { until: clock.now().toISOString() })
    expect(refused).toMatchObject({ ok: false, code: 'invalid-input' })
  })

  it('owes a thank-you once a reference is given, until it is thanked', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada', stage: 'in-touch' })
    const request = await core.call('request.create', {
      contactId: ada.id,
      company: 'Acme',
      role: 'Engineer',
      dueBy: '2025-03-10',
    })
    let due = (await list(core)).due
    expect(due.filter((e) => e.kind !== 'contact-due')).toEqual([])
    // Announced two days before the due date, at local midnight.
    clock.set(local(2025, 3, 8))
    due = (await list(core)).due
    expect(due).toMatchObject([{ kind: 'request-due', contactId: ada.id }])
    expect(due[0]?.detail).toContain('Engineer at Acme')

    await core.call('request.update', { id: request.id, status: 'given' })
    due = (await list(core)).due
    expect(due.map((e) => e.kind)).toEqual(['thanks-owed'])
    expect(due[0]?.key).toBe(`thanks:${request.id}`)

    await core.call('interaction.log', { contactId: ada.id, kind: 'thank-you' })
    expect((await list(core)).due.filter((e) => e.kind === 'thanks-owed')).toEqual([])
  })

  it('delivers the 09:00 digest once, also across a restart, and alerts a thank-you owed', async () => {
    let core = await open()
    const ada = await create(core, { name: 'Ada Lovelace', cadenceDays: 1 })
    // Running on the 3rd past 09:00: that day's digest slot is handled (nothing was due).
    await core.tick()
    clock.set(local(2025, 3, 4, 8, 58))
    await core.tick()
    clock.advance(MINUTE_MS)
    await core.tick()
    expect(shown).toEqual([])
    clock.advance(MINUTE_MS)
    await core.tick()
    expect(shown).toMatchObject([{ kind: 'digest', body: '1 person to contact: Ada', late: false }])

    await core.close()
    core = await open()
    clock.advance(MINUTE_MS)
    await core.tick()
    expect(shown).toHaveLength(1)

    const request = await core.call('request.create', {
      contactId: ada.id,
      company: 'Acme',
      role: 'CTO',
    })
    await core.call('request.update', { id: request.id, status: 'given' })
    clock.advance(MINUTE_MS)
    await core.tick()
    expect(shown[1]).toMatchObject({
      kind: 'thanks-owed',
      title: 'Thank-you owed: Ada Lovelace',
      contactId: ada.id,
    })
    clock.advance(HOUR_MS)
    await core.tick()
    expect(shown).toHaveLength(2)
  })

  it('ticks on the command queue and reports the due count to subscribers', async () => {
    const core = await open()
    await create(core, { name: 'Ada', cadenceDays: 1 })
    const counts: number[] = []
    core.subscribe((event) => {
      if (event.type === 'reminders') counts.push(event.due)
    })
    clock.advance(2 * DAY_MS)
    await Promise.all([core.tick(), core.call('contact.create', { name: 'Bob', cadenceDays: 1 })])
    expect(counts).toEqual([1])
  })
})
