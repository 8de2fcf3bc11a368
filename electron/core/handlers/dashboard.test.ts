// Weeks are local calendar weeks: run in a zone with daylight saving.
process.env.TZ = 'Europe/Paris'

import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { weeklySeries } from '@shared/dashboard'
import type { Contact, Interaction } from '@shared/domain'
import { openCore, type Core } from '../index'
import { FakeClock } from '@testing/reminders/simulation'
import { makeTempDir } from '@testing/core/tempDir'

const DAY = 86_400_000
let dir: string
let remove: () => Promise<void>
let core: Core
const clock = new FakeClock(new Date('2026-01-05T10:00:00.000Z')) // a Monday

/** A command on the current core, typed from the contract; a refusal fails the test. */
const run: Core['call'] = (command, input) => core.call(command, input)

beforeEach(async () => {
  ;({ dir, remove } = await makeTempDir())
  clock.set(new Date('2026-01-05T10:00:00.000Z'))
  core = await openCore({ dataDir: dir, now: clock.now, compactAfterMs: 600_000 })
})
afterEach(async () => {
  await core.close()
  await remove()
})

/** Twelve weeks of a realistic history, through the commands the UI sends. */
async function seedHistory() {
  const people: Contact[] = []
  for (let i = 0; i < 12; i++) {
    people.push(
      await run('contact.create', {
        name: `Person ${String(i).padStart(2, '0')}`,
        stage: i < 4 ? 'identified' : 'building',
        skills: i === 3 ? ['Kubernetes'] : [],
        credibility: (i % 5) + 1,
      }),
    )
    clock.advance(DAY / 2)
  }
  const [p0, p1, p2, p3, p4, p5] = people
  if (!p0 || !p1 || !p2 || !p3 || !p4 || !p5) throw new Error('seed')
  // Week 2: touches and moves, one back and forth.
  clock.set(new Date('2026-01-13T10:00:00.000Z'))
  await run('interaction.log', { contactId: p4.id, kind: 'call' })
  await run('interaction.log', { contactId: p5.id, kind: 'message' })
  await run('contact.move', { id: p0.id, stage: 'building' })
  await run('contact.move', { id: p0.id, stage: 'identified' })
  await run('contact.move', { id: p1.id, stage: 'in-touch' })
  // Week 4: a request asked; week 5 given; week 6 thanked late.
  clock.set(new Date('2026-01-27T10:00:00.000Z'))
  const request = await run('request.create', {
    contactId: p1.id,
    company: 'Globex',
    role: 'Staff Engineer',
  })
  clock.set(new Date('2026-02-03T10:00:00.000Z'))
  await run('request.update', { id: request.id, status: 'given' })
  clock.set(new Date('2026-02-10T10:00:00.000Z'))
  await run('interaction.log', { contactId: p1.id, kind: 'thank-you', requestId: request.id })
  // A person trashed: gone from every week.
  await run('contact.delete', { id: p2.id })
  const update = await run('update.create', { title: 'Promoted' })
  await run('update.send', { updateId: update.id, contactIds: [p4.id] })
  clock.set(new Date('2026-03-30T10:00:00.000Z')) // a Monday after the DST change
  return { people, request }
}

async function everything(): Promise<{ contacts: Contact[]; touches: Interaction[] }> {
  const contacts = [...(await run('contact.list', {})), ...(await run('contact.trash', {}))]
  const touches: Interaction[] = []
  for (const c of contacts) touches.push(...(await run('interaction.list', { contactId: c.id })))
  return { contacts, touches }
}

describe('dashboard.get', () => {
  it('gives the weekly series and totals of a seeded history', async () => {
    await run('dashboard.get', {}) // built before the history, then kept up to date op by op
    await seedHistory()
    const dashboard = await run('dashboard.get', {})
    expect(dashboard.weeks).toHaveLength(52)
    expect(dashboard.to).toBe('2026-03-30')
    expect(dashboard.totals).toMatchObject({
      people: 11,
      byStage: {
        identified: 2,
        building: 8,
        'in-touch': 0,
        asked: 0,
        'gave-reference': 0,
        thanked: 1,
      },
      year: 2026,
      references: {
        asked: 1,
        given: 1,
        thanked: 1,
        timeliness: { counted: 1, onTime: 0, late: 1, shareOnTime: 0, medianDays: 7 },
      },
      latestUpdate: { title: 'Promoted' },
      // Past Identified, on the board, not sent the update: 8 building + 1 thanked − 1 who heard it.
      notHeard: { count: 8 },
    })
    const week = (start: string) => dashboard.weeks.find((w) => w.start === start)
    expect(week('2026-01-05')).toMatchObject({ added: 11, moves: 0 })
    expect(week('2026-01-12')?.moves).toBe(3)
    expect(week('2026-01-12')?.touches).toMatchObject({ call: 1, message: 1 })
    expect(week('2026-01-26')?.stages.asked).toBe(1)
    expect(week('2026-02-02')?.stages['gave-reference']).toBe(1)
    expect(week('2026-02-09')?.stages.thanked).toBe(1)
    expect(week('2025-12-29')?.stages.building).toBe(0)

    // The same numbers from scratch: a fresh open, and the pure series over every record.
    const { contacts, touches } = await everything()
    const settings = await run('settings.get', {})
    const expected = weeklySeries({
      contacts,
      touches,
      settings,
      from: new Date(`${dashboard.from}T12:00:00`),
      to: clock.now(),
      now: clock.now(),
    })
    expect(dashboard.weeks).toEqual(expected)
    await core.close()
    core = await openCore({ dataDir: dir, now: clock.now, compactAfterMs: 600_000 })
    expect(await run('dashboard.get', {})).toEqual(dashboard)
  })

  it('follows a restore from the trash and a change of cadence', async () => {
    const { people } = await seedHistory()
    const before = await run('dashboard.get', {})
    const trashed = people[2]
    if (!trashed) throw new Error('seed')
    await run('contact.restore', { id: trashed.id })
    const restored = await run('dashboard.get', {})
    expect(restored.totals.people).toBe(before.totals.people + 1)
    expect(restored.weeks.at(-1)?.stages.identified).toBe(
      (before.weeks.at(-1)?.stages.identified ?? 0) + 1,
    )
    // Building people untouched for 12 weeks are overdue at 30 days; at 365 days they are not.
    expect(restored.totals.overdue).toBeGreaterThan(0)
    await run('settings.update', { cadenceByStage: { building: 365, thanked: 365 } })
    const relaxed = await run('dashboard.get', {})
    expect(relaxed.totals.overdue).toBe(0)
  })

  it('follows who has heard the latest update as updates are written and sent', async () => {
    const { people } = await seedHistory()
    expect((await run('dashboard.get', {})).totals.notHeard.count).toBe(8)
    clock.advance(DAY)
    const newer = await run('update.create', { title: 'Gave a conference talk' })
    const fresh = await run('dashboard.get', {})
    expect(fresh.totals.latestUpdate?.title).toBe('Gave a conference talk')
    expect(fresh.totals.notHeard.count).toBe(9)
    // Most credible first: credibility 5 is people 4 and 9.
    expect(fresh.totals.notHeard.people.slice(0, 2).map((p) => p.name)).toEqual([
      'Person 04',
      'Person 09',
    ])
    const [, , , , p4, p5] = people
    if (!p4 || !p5) throw new Error('seed')
    await run('update.send', { updateId: newer.id, contactIds: [p4.id, p5.id] })
    const sent = await run('dashboard.get', {})
    expect(sent.totals.notHeard.count).toBe(7)
    await core.close()
    core = await openCore({ dataDir: dir, now: clock.now, compactAfterMs: 600_000 })
    expect((await run('dashboard.get', {})).totals.notHeard).toEqual(sent.totals.notHeard)
  })

  it('gives the weeks of a range asked for, ending at its last day', async () => {
    await seedHistory()
    const range = await run('dashboard.get', {
      from: '2026-01-07',
      to: '2026-02-01',
    })
    expect(range.weeks.map((w) => w.start)).toEqual([
      '2026-01-05',
      '2026-01-12',
      '2026-01-19',
      '2026-01-26',
    ])
    expect(range).toMatchObject({ from: '2026-01-05', to: '2026-01-26' })
    // The call and the message of week 2, and the ask: asking for a reference is a touch.
    expect(range.totals.touches).toBe(3)
  })

  it('refuses a range of more than five years and one that ends before it starts', async () => {
    expect(
      await core.invoke('dashboard.get', { from: '2015-01-01', to: '2026-01-01' }),
    ).toMatchObject({
      ok: false,
      code: 'invalid-input',
    })
    expect(
      await core.invoke('dashboard.get', { from: '2026-02-01', to: '2026-01-01' }),
    ).toMatchObject({
      ok: false,
      code: 'invalid-input',
    })
  })
})

describe('review.get', () => {
  it('says what happened this week, who is overdue, thanks owed and three people to reconnect with', async () => {
    const { people } = await seedHistory()
    const [, , , , p4] = people
    if (!p4) throw new Error('seed')
    await run('interaction.log', { contactId: p4.id, kind: 'meeting' })
    const review = await run('review.get', {})
    expect(review.weekStart).toBe('2026-03-30')
    expect(review.happened).toMatchObject({ touches: 1, added: 0, asked: 0 })
    expect(review.happened.byKind.meeting).toBe(1)
    expect(review.overdue.count).toBeGreaterThan(0)
    expect(review.reconnect).toHaveLength(3)
    // Equally overdue people rank by credibility: 5 first.
    expect(review.reconnect[0]?.credibility).toBe(5)
    expect(review.reconnect.map((p) => p.contactId)).not.toContain(p4.id)
    expect(review.lastDoneAt).toBeNull()
    const done = await run('review.complete', {})
    expect(done.lastDoneAt).toBe(clock.now().toISOString())
    expect((await run('settings.get', {})).weeklyReview.lastDoneAt).toBe(done.lastDoneAt)
  })
})
