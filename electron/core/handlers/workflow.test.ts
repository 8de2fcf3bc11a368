import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import { recordedBy, thankByFor } from '@shared/requests'
import type { Input } from '@shared/ipc'
import type { Core } from '..'
import { useTempCores } from '@testing/core/tempCores'

let clock: Date
const DAY = 24 * 60 * 60 * 1000

/** Midday UTC keeps every calendar-day count the same in any time zone from UTC−11 to UTC+11. */
const START = new Date('2025-03-10T12:00:00.000Z')

// No idle compaction during a test: the journal then shows one line per command.
const temp = useTempCores(() => ({ now: () => clock, compactAfterMs: 600_000 }))
const open = temp.open

function advance(days: number): void {
  clock = new Date(clock.getTime() + days * DAY)
}

const contactOf = async (core: Core, id: string) => core.call('contact.get', { id })
const create = (core: Core, input: Input<'contact.create'>) => core.call('contact.create', input)
const today = (core: Core) => core.call('today.get', {})
const insightOf = async (core: Core, id: string) => {
  const insights = await core.call('board.insights', {})
  const found = insights.contacts.find((c) => c.contactId === id)
  if (!found) throw new Error(`no insight for ${id}`)
  return found
}
const touches = (core: Core, contactId: string) => core.call('interaction.list', { contactId })

async function journalLines(): Promise<number> {
  const text = await readFile(join(temp.dir, 'vouch.journal'), 'utf8').catch(() => '')
  return text.split('\n').filter((line) => line.trim() !== '').length
}

beforeEach(() => {
  clock = START
})

describe('reference requests move contacts through the stages', () => {
  it('request.create moves earlier stages to Asked and leaves later ones', async () => {
    const core = await open()
    for (const stage of ['identified', 'building', 'in-touch'] as const) {
      const c = await create(core, { name: `In ${stage}`, stage })
      await core.call('request.create', { contactId: c.id, company: 'Globex', role: 'CTO' })
      expect((await contactOf(core, c.id)).stage).toBe('asked')
    }
    for (const stage of ['asked', 'gave-reference', 'thanked'] as const) {
      const c = await create(core, { name: `In ${stage}`, stage })
      await core.call('request.create', { contactId: c.id, company: 'Globex', role: 'CTO' })
      expect((await contactOf(core, c.id)).stage).toBe(stage)
    }
    const requests = await core.call('request.list', {})
    expect(requests).toHaveLength(6)
    expect(requests.every((r) => r.status === 'asked' && r.outcome === 'unknown')).toBe(true)
  })

  it('asking and each answer count as a touch: the keep-in-touch clock restarts, one undo takes both back', async () => {
    const core = await open()
    const zoe = await create(core, { name: 'Zoë Martin', stage: 'building', cadenceDays: 30 })
    await core.call('interaction.log', {
      contactId: zoe.id,
      kind: 'call',
      at: new Date(START.getTime() - 307 * DAY).toISOString(),
    })
    expect((await today(core)).overdue.map((o) => [o.name, o.daysSince])).toEqual([
      ['Zoë Martin', 307],
    ])

    const request = await core.call('request.create', {
      contactId: zoe.id,
      company: 'Globex',
      role: 'CTO',
    })
    const [asked] = await touches(core, zoe.id)
    expect(asked).toMatchObject({
      kind: 'message',
      at: START.toISOString(),
      requestId: request.id,
      note: 'Asked for a reference for CTO at Globex',
    })
    expect((await today(core)).overdue).toEqual([])
    expect((await insightOf(core, zoe.id)).lastTouchAt).toBe(START.toISOString())

    advance(3)
    await core.call('request.update', { id: request.id, status: 'declined' })
    const [declined] = await touches(core, zoe.id)
    expect(declined).toMatchObject({ kind: 'message', at: clock.toISOString() })
    expect(declined?.note).toBe('Declined to give a reference for CTO at Globex')
    expect((await insightOf(core, zoe.id)).touch.daysSince).toBe(0)

    // An outcome is not contact: no touch.
    await core.call('request.update', { id: request.id, outcome: 'did-not-get-it' })
    expect(await touches(core, zoe.id)).toHaveLength(3)

    await core.call('undo', {})
    await core.call('undo', {})
    await core.call('undo', {})
    expect(await touches(core, zoe.id)).toHaveLength(1)
    expect((await insightOf(core, zoe.id)).touch.daysSince).toBe(310)
  })

  it('given moves to Gave reference, logs the touch and owes thanks; a thank-you moves to Thanked; each in one commit with one undo', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada Lovelace', stage: 'building' })
    const lines0 = await journalLines()
    const request = await core.call('request.create', {
      contactId: ada.id,
      company: 'Globex',
      role: 'Staff Engineer',
      dueBy: '2025-03-20',
    })
    expect(await journalLines()).toBe(lines0 + 1)
    expect((await contactOf(core, ada.id)).stage).toBe('asked')

    const agreed = await core.call('request.update', {
      id: request.id,
      status: 'agreed',
    })
    expect(agreed.status).toBe('agreed')
    expect((await contactOf(core, ada.id)).stage).toBe('asked')

    advance(1)
    const lines1 = await journalLines()
    const given = await core.call('request.update', {
      id: request.id,
      status: 'given',
    })
    expect(await journalLines()).toBe(lines1 + 1)
    expect(given).toMatchObject({ status: 'given', givenAt: clock.toISOString(), thankedAt: null })
    expect((await contactOf(core, ada.id)).stage).toBe('gave-reference')
    const afterGiven = await touches(core, ada.id)
    expect(afterGiven.map((t) => [t.kind, t.requestId])).toEqual([
      ['reference-given', request.id],
      ['message', request.id],
      ['message', request.id],
    ])

    // One undo takes back the status, the stage and the touch together; redo brings them back.
    expect(await core.call('undo', {})).toEqual({
      label: "Mark Ada Lovelace's reference given",
    })
    expect((await contactOf(core, ada.id)).stage).toBe('asked')
    expect(await touches(core, ada.id)).toHaveLength(2)
    await core.call('redo', {})
    expect((await contactOf(core, ada.id)).stage).toBe('gave-reference')
    expect(await touches(core, ada.id)).toHaveLength(3)

    const lines2 = await journalLines()
    const thanks = await core.call('interaction.log', {
      contactId: ada.id,
      kind: 'thank-you',
    })
    expect(await journalLines()).toBe(lines2 + 1)
    expect(thanks.requestId).toBe(request.id)
    expect((await contactOf(core, ada.id)).stage).toBe('thanked')
    const [thanked] = await core.call('request.list', { contactId: ada.id })
    expect(thanked?.thankedAt).toBe(clock.toISOString())
    expect((await today(core)).thanksOwed).toEqual([])

    await core.call('undo', {})
    expect((await contactOf(core, ada.id)).stage).toBe('gave-reference')
    expect((await today(core)).thanksOwed).toHaveLength(1)
  })

  it('a new reference from Thanked goes back to Gave reference; declined and withdrawn do not move', async () => {
    const core = await open()
    const grace = await create(core, { name: 'Grace Hopper', stage: 'thanked' })
    const first = await core.call('request.create', {
      contactId: grace.id,
      company: 'Initech',
      role: 'Lead',
    })
    await core.call('request.update', { id: first.id, status: 'given' })
    expect((await contactOf(core, grace.id)).stage).toBe('gave-reference')

    const kat = await create(core, { name: 'Katherine Johnson', stage: 'in-touch' })
    const declined = await core.call('request.create', {
      contactId: kat.id,
      company: 'Initech',
      role: 'Lead',
    })
    await core.call('request.update', { id: declined.id, status: 'declined' })
    expect((await contactOf(core, kat.id)).stage).toBe('asked')
    const withdrawn = await core.call('request.create', {
      contactId: kat.id,
      company: 'Hooli',
      role: 'Lead',
    })
    await core.call('request.update', { id: withdrawn.id, status: 'withdrawn' })
    expect((await contactOf(core, kat.id)).stage).toBe('asked')

    const refused = await core.invoke('request.update', { id: declined.id, status: 'given' })
    expect(refused).toMatchObject({ ok: false, code: 'conflict' })
    expect(!refused.ok && refused.message).toContain('cannot become given')

    // The outcome is recorded later, without a status.
    const outcome = await core.call('request.update', {
      id: first.id,
      outcome: 'got-the-job',
    })
    expect(outcome).toMatchObject({ status: 'given', outcome: 'got-the-job' })
    expect((await contactOf(core, grace.id)).stage).toBe('gave-reference')
  })

  it('refuses bad request input with field messages', async () => {
    const core = await open()
    const a = await create(core, { name: 'A' })
    const blank = await core.invoke('request.create', { contactId: a.id, company: ' ', role: 'x' })
    expect(blank).toMatchObject({ ok: false, code: 'invalid-input' })
    expect(!blank.ok && blank.issues?.[0]).toEqual({
      path: 'company',
      message: 'Company is required',
    })
    const badDate = await core.invoke('request.create', {
      contactId: a.id,
      company: 'X',
      role: 'Y',
      dueBy: '31/03/2025',
    })
    expect(!badDate.ok && badDate.issues?.[0]?.path).toBe('dueBy')
    const missing = await core.invoke('request.create', {
      contactId: 'nobody',
      company: 'X',
      role: 'Y',
    })
    expect(missing).toMatchObject({ ok: false, code: 'not-found' })
  })
})

describe('deleting the touch that recorded a reference or its thanks takes it back', () => {
  /** Ada asked on day 0, given on day 1, thanked on day 2. */
  async function thankedAda(core: Core) {
    const ada = await create(core, { name: 'Ada Lovelace', stage: 'building' })
    const request = await core.call('request.create', {
      contactId: ada.id,
      company: 'Globex',
      role: 'Staff Engineer',
    })
    advance(1)
    const given = await core.call('request.update', {
      id: request.id,
      status: 'given',
    })
    advance(1)
    const thanks = await core.call('interaction.log', {
      contactId: ada.id,
      kind: 'thank-you',
    })
    const requestNow = async () => {
      const [r] = await core.call('request.list', { contactId: ada.id })
      if (!r) throw new Error('no request')
      return r
    }
    return { ada, given, thanks, requestNow }
  }

  it('a deleted thank-you owes the thanks again and puts the person back in Gave reference; one undo restores both exactly, redo takes them back again', async () => {
    const core = await open()
    const { ada, given, thanks, requestNow } = await thankedAda(core)
    const thankedRequest = await requestNow()
    expect(thankedRequest.thankTouchId).toBe(thanks.id)
    expect(thankedRequest.givenTouchId).toEqual(expect.any(String))
    const thankedContact = await contactOf(core, ada.id)
    expect(thankedContact.stage).toBe('thanked')
    expect(thankedContact.stageHistory.map((e) => e.stage)).toEqual([
      'building',
      'asked',
      'gave-reference',
      'thanked',
    ])

    advance(1)
    const lines = await journalLines()
    await core.call('interaction.delete', { id: thanks.id })
    expect(await journalLines()).toBe(lines + 1)
    const owed = await requestNow()
    expect(owed).toMatchObject({
      status: 'given',
      thankedAt: null,
      thankTouchId: null,
      thankBy: given.thankBy,
    })
    const back = await contactOf(core, ada.id)
    expect(back.stage).toBe('gave-reference')
    // The Thanked step is gone from the history, as if it never happened.
    expect(back.stageHistory).toEqual(thankedContact.stageHistory.slice(0, -1))
    expect((await today(core)).thanksOwed.map((t) => t.requestId)).toEqual([given.id])
    expect((await touches(core, ada.id)).map((t) => t.kind)).not.toContain('thank-you')

    expect(await core.call('undo', {})).toEqual({
      label: 'Delete thank-you with Ada Lovelace',
    })
    expect(await requestNow()).toEqual(thankedRequest)
    expect(await contactOf(core, ada.id)).toEqual(thankedContact)
    expect((await touches(core, ada.id)).find((t) => t.id === thanks.id)).toEqual(thanks)
    expect((await today(core)).thanksOwed).toEqual([])

    await core.call('redo', {})
    expect(await requestNow()).toEqual(owed)
    expect(await contactOf(core, ada.id)).toEqual(back)

    // After a restart too: the link is stored, not guessed.
    await core.call('undo', {})
    await temp.close(core)
    const again = await open()
    await again.call('interaction.delete', { id: thanks.id })
    expect((await contactOf(again, ada.id)).stage).toBe('gave-reference')
  })

  it('a thank-you that settled two references at once takes back both', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada', stage: 'in-touch' })
    const ids: string[] = []
    for (const company of ['Globex', 'Initech']) {
      const r = await core.call('request.create', {
        contactId: ada.id,
        company,
        role: 'CTO',
      })
      await core.call('request.update', { id: r.id, status: 'given' })
      ids.push(r.id)
    }
    const thanks = await core.call('interaction.log', {
      contactId: ada.id,
      kind: 'thank-you',
    })
    expect(thanks.requestId).toBeNull()
    expect((await today(core)).thanksOwed).toEqual([])
    await core.call('interaction.delete', { id: thanks.id })
    expect((await today(core)).thanksOwed.map((t) => t.requestId).sort()).toEqual([...ids].sort())
    expect((await contactOf(core, ada.id)).stage).toBe('gave-reference')
  })

  it('a thank-you for other help, or one moved on from, changes no request or stage', async () => {
    const core = await open()
    const { ada, thanks, requestNow } = await thankedAda(core)
    const other = await core.call('interaction.log', {
      contactId: ada.id,
      kind: 'thank-you',
    })
    const before = await requestNow()
    await core.call('interaction.delete', { id: other.id })
    expect(await requestNow()).toEqual(before)
    expect((await contactOf(core, ada.id)).stage).toBe('thanked')

    // The user moved Ada on since: deleting the thanks owes them again, and leaves the card be.
    await core.call('contact.move', { id: ada.id, stage: 'in-touch' })
    await core.call('interaction.delete', { id: thanks.id })
    expect((await requestNow()).thankedAt).toBeNull()
    expect((await contactOf(core, ada.id)).stage).toBe('in-touch')
  })

  it('a deleted reference-given touch reopens the request as agreed and Ada goes back to Asked; refused while thanked', async () => {
    const core = await open()
    const { ada, given, thanks, requestNow } = await thankedAda(core)
    const givenTouch = (await touches(core, ada.id)).find((t) => t.kind === 'reference-given')
    if (!givenTouch) throw new Error('no reference-given touch')
    expect(given.givenTouchId).toBe(givenTouch.id)

    const refused = await core.invoke('interaction.delete', { id: givenTouch.id })
    expect(refused).toMatchObject({ ok: false, code: 'conflict' })
    expect(refused.ok ? '' : refused.message).toContain('delete the thank-you first')
    expect(await touches(core, ada.id)).toContainEqual(givenTouch)

    await core.call('interaction.delete', { id: thanks.id })
    const owed = await requestNow()
    const gaveContact = await contactOf(core, ada.id)
    await core.call('interaction.delete', { id: givenTouch.id })
    expect(await requestNow()).toMatchObject({
      status: 'agreed',
      givenAt: null,
      thankBy: null,
      givenTouchId: null,
    })
    const asked = await contactOf(core, ada.id)
    expect(asked.stage).toBe('asked')
    expect(asked.stageHistory.map((e) => e.stage)).toEqual(['building', 'asked'])
    expect((await today(core)).thanksOwed).toEqual([])
    // Open again: it can be marked given anew.
    await core.call('undo', {})
    expect(await requestNow()).toEqual(owed)
    expect(await contactOf(core, ada.id)).toEqual(gaveContact)
  })

  it('editing the thank-you into another kind takes the thanks back; re-dating it moves thankedAt; each one undo', async () => {
    const core = await open()
    const { ada, thanks, requestNow } = await thankedAda(core)
    const thanked = await requestNow()
    const thankedContact = await contactOf(core, ada.id)

    const dayBefore = new Date(Date.parse(thanks.at) - DAY).toISOString()
    await core.call('interaction.update', { id: thanks.id, at: dayBefore })
    expect(await requestNow()).toMatchObject({ thankedAt: dayBefore, thankTouchId: thanks.id })
    expect((await contactOf(core, ada.id)).stage).toBe('thanked')
    await core.call('undo', {})
    expect(await requestNow()).toEqual(thanked)

    await core.call('interaction.update', { id: thanks.id, kind: 'message' })
    expect(await requestNow()).toMatchObject({ thankedAt: null, thankTouchId: null })
    expect((await contactOf(core, ada.id)).stage).toBe('gave-reference')
    await core.call('undo', {})
    expect(await requestNow()).toEqual(thanked)
    expect(await contactOf(core, ada.id)).toEqual(thankedContact)
    expect((await touches(core, ada.id)).find((t) => t.id === thanks.id)).toEqual(thanks)
  })

  it('re-dating the reference-given touch re-dates givenAt and the thank-you deadline', async () => {
    const core = await open()
    const { ada, given } = await thankedAda(core)
    const givenTouch = (await touches(core, ada.id)).find((t) => t.kind === 'reference-given')
    if (!givenTouch) throw new Error('no reference-given touch')
    const earlier = new Date(Date.parse(givenTouch.at) - 3 * DAY).toISOString()
    await core.call('interaction.update', { id: givenTouch.id, at: earlier })
    const [request] = await core.call('request.list', { contactId: ada.id })
    expect(request?.givenAt).toBe(earlier)
    // Two days to thank (the default), counted from the new day.
    expect(request?.thankBy).toBe(thankByFor(new Date(earlier), 2).toISOString())
    expect(request?.thankBy).not.toBe(given.thankBy)
  })

  it('recognises the touches of requests stored before the link was kept, by kind and instant', async () => {
    const core = await open()
    const { ada, given, thanks, requestNow } = await thankedAda(core)
    // What a record from before looks like: the same request without the two links.
    const legacy = { ...(await requestNow()), givenTouchId: null, thankTouchId: null }
    expect(recordedBy(legacy, thanks)).toBe(true)
    expect(recordedBy(legacy, { ...thanks, id: 'other', at: new Date(0).toISOString() })).toBe(
      false,
    )
    const givenTouch = (await touches(core, ada.id)).find((t) => t.kind === 'reference-given')
    if (!givenTouch) throw new Error('no reference-given touch')
    expect(recordedBy(legacy, givenTouch)).toBe(true)
    expect(recordedBy({ ...legacy, givenAt: given.askedAt }, givenTouch)).toBe(false)
  })
})

describe('thanks owed in Today', () => {
  it('lists a given reference as owed with its deadline, then late after thankWithinDays', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada', stage: 'asked' })
    const request = await core.call('request.create', {
      contactId: ada.id,
      company: 'Globex',
      role: 'CTO',
    })
    const given = await core.call('request.update', {
      id: request.id,
      status: 'given',
    })
    // Default thankWithinDays is 2: the end of the local day two days after it was given.
    const deadline = new Date(START)
    deadline.setDate(deadline.getDate() + 2)
    deadline.setHours(23, 59, 59, 999)
    expect(given.thankBy).toBe(deadline.toISOString())

    const owed = (await today(core)).thanksOwed
    expect(owed).toEqual([
      {
        requestId: request.id,
        contactId: ada.id,
        name: 'Ada',
        role: 'CTO',
        company: 'Globex',
        thankBy: deadline.toISOString(),
        overdue: false,
        daysLeft: 2,
      },
    ])
    advance(3)
    expect((await today(core)).thanksOwed[0]).toMatchObject({ overdue: true, daysLeft: -1 })
  })

  it('follows settings.thankWithinDays', async () => {
    const core = await open()
    await core.call('settings.update', { thankWithinDays: 0 })
    const ada = await create(core, { name: 'Ada', stage: 'asked' })
    const r = await core.call('request.create', {
      contactId: ada.id,
      company: 'G',
      role: 'R',
    })
    await core.call('request.update', { id: r.id, status: 'given' })
    expect((await today(core)).thanksOwed[0]?.daysLeft).toBe(0)
  })
})

describe('interactions', () => {
  it('logs, lists newest first, edits, deletes and undoes', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada' })
    const older = await core.call('interaction.log', {
      contactId: ada.id,
      kind: 'meeting',
      at: new Date(START.getTime() - 5 * DAY).toISOString(),
      note: 'Coffee',
    })
    const newer = await core.call('interaction.log', {
      contactId: ada.id,
      kind: 'call',
    })
    expect(newer).toMatchObject({ at: START.toISOString(), note: '', kind: 'call' })
    expect((await touches(core, ada.id)).map((t) => t.id)).toEqual([newer.id, older.id])

    const edited = await core.call('interaction.update', {
      id: older.id,
      kind: 'event',
      note: 'Conference',
    })
    expect(edited).toMatchObject({ kind: 'event', note: 'Conference', at: older.at })

    await core.call('interaction.delete', { id: newer.id })
    expect((await touches(core, ada.id)).map((t) => t.id)).toEqual([older.id])
    const undone = await core.call('undo', {})
    expect(undone).toEqual({ label: 'Delete call with Ada' })
    expect((await touches(core, ada.id)).map((t) => t.id)).toEqual([newer.id, older.id])
    await core.call('undo', {})
    expect((await touches(core, ada.id)).find((t) => t.id === older.id)?.kind).toBe('meeting')

    // The data survives a restart, and the index is rebuilt from it.
    await temp.close(core)
    const again = await open()
    expect((await touches(again, ada.id)).map((t) => t.id)).toEqual([newer.id, older.id])
  })

  it('refuses a touch more than a day ahead, an unknown kind and an unknown contact', async () => {
    const core = await open()
    const ada = await create(core, { name: 'Ada' })
    const ahead = await core.invoke('interaction.log', {
      contactId: ada.id,
      kind: 'call',
      at: new Date(START.getTime() + 2 * DAY).toISOString(),
    })
    expect(ahead).toMatchObject({
      ok: false,
      code: 'invalid-input',
      message: 'A touch cannot be logged more than a day in the future.',
    })
    // Half a day ahead (another time zone's today) is accepted.
    await core.call('interaction.log', {
      contactId: ada.id,
      kind: 'call',
      at: new Date(START.getTime() + 12 * 60 * 60 * 1000).toISOString(),
    })
    expect(await core.invoke('interaction.log', { contactId: ada.id, kind: 'poke' })).toMatchObject(
      { ok: false, code: 'invalid-input' },
    )
    expect(
      await core.invoke('interaction.log', { contactId: 'ghost', kind: 'call' }),
    ).toMatchObject({ ok: false, code: 'not-found' })
    expect(await core.invoke('interaction.update', { id: 'ghost', note: 'x' })).toMatchObject({
      ok: false,
      code: 'not-found',
    })
  })
})

describe('keep-in-touch cadence', () => {
  it('a touch resets the clock, a note does not', async () => {
    clock = new Date(START.getTime() - 90 * DAY)
    const core = await open()
    const ada = await create(core, { name: 'Ada', stage: 'in-touch' })
    clock = START
    // In touch: 60 days by default; 90 days is 1.5 × the cadence, so red.
    expect((await insightOf(core, ada.id)).touch).toMatchObject({
      state: 'overdue',
      daysSince: 90,
      daysSinceTouch: null,
      cadenceDays: 60,
    })
    expect((await today(core)).overdue.map((o) => o.contactId)).toEqual([ada.id])

    await core.call('interaction.log', { contactId: ada.id, kind: 'note', note: 'Thought of her' })
    expect((await insightOf(core, ada.id)).touch.state).toBe('overdue')

    await core.call('interaction.log', { contactId: ada.id, kind: 'call' })
    const after = await insightOf(core, ada.id)
    expect(after.touch).toMatchObject({ state: 'ok', daysSinceTouch: 0 })
    expect(after.lastTouchAt).toBe(START.toISOString())
    expect((await today(core)).overdue).toEqual([])

    advance(60)
    expect((await insightOf(core, ada.id)).touch.state).toBe('due')
    advance(30)
    expect((await insightOf(core, ada.id)).touch.state).toBe('overdue')
  })

  it('snoozes a contact out of Today until a time, and clears the snooze', async () => {
    clock = new Date(START.getTime() - 90 * DAY)
    const core = await open()
    const ada = await create(core, { name: 'Ada', stage: 'in-touch' })
    clock = START
    const until = new Date(START.getTime() + 7 * DAY).toISOString()
    const snoozed = await core.call('contact.snooze', { id: ada.id, until })
    expect(snoozed.snoozedUntil).toBe(until)
    expect((await today(core)).overdue).toEqual([])
    expect((await insightOf(core, ada.id)).touch).toMatchObject({ snoozed: true, state: 'ok' })

    advance(8)
    expect((await today(core)).overdue.map((o) => o.contactId)).toEqual([ada.id])

    const past = await core.invoke('contact.snooze', { id: ada.id, until })
    expect(past).toMatchObject({ ok: false, code: 'invalid-input' })
    await core.call('contact.snooze', {
      id: ada.id,
      until: new Date(clock.getTime() + DAY).toISOString(),
    })
    expect((await today(core)).overdue).toEqual([])
    await core.call('contact.snooze', { id: ada.id, until: null })
    expect((await contactOf(core, ada.id)).snoozedUntil).toBeNull()
    expect((await today(core)).overdue).toHaveLength(1)
  })
})

describe('career updates', () => {
  it('update.send logs one update-sent touch per recipient in one commit, undone at once', async () => {
    const core = await open()
    const people = [
      await create(core, { name: 'A', stage: 'building' }),
      await create(core, { name: 'B', stage: 'in-touch' }),
      await create(core, { name: 'C', stage: 'thanked' }),
    ]
    const bystander = await create(core, { name: 'D' })
    const update = await core.call('update.create', {
      title: 'Promoted to Staff Engineer',
      body: 'I now lead the platform team.',
    })
    expect(update.at).toBe(START.toISOString())
    const lines = await journalLines()
    const sent = await core.call('update.send', {
      updateId: update.id,
      contactIds: people.map((p) => p.id),
    })
    expect(await journalLines()).toBe(lines + 1)
    expect(sent).toHaveLength(3)
    for (const p of people) {
      const [touch] = await touches(core, p.id)
      expect(touch).toMatchObject({
        kind: 'update-sent',
        updateId: update.id,
        at: clock.toISOString(),
      })
      expect((await insightOf(core, p.id)).lastUpdateHeard).toEqual({
        id: update.id,
        title: update.title,
        at: update.at,
      })
    }
    expect((await insightOf(core, bystander.id)).lastUpdateHeard).toBeNull()
    expect((await core.call('update.list', {})).map((u) => u.id)).toEqual([update.id])

    expect(await core.call('undo', {})).toEqual({
      label: 'Send "Promoted to Staff Engineer" to 3 people',
    })
    for (const p of people) expect(await touches(core, p.id)).toEqual([])

    const none = await core.invoke('update.send', { updateId: update.id, contactIds: [] })
    expect(!none.ok && none.message).toBe('contactIds: Pick at least one recipient')
  })
})

describe('request.brief', () => {
  it('builds the Markdown brief from the request, the contact and the latest update', async () => {
    const core = await open()
    const ada = await create(core, {
      name: 'Ada Lovelace',
      title: 'Director',
      company: 'Analytical Engines',
      relationship: 'former-manager',
      skills: ['Leadership', 'Compilers'],
      workedTogether: '2019–2022',
    })
    await core.call('update.create', { title: 'Shipped v2', body: 'It went well.' })
    const request = await core.call('request.create', {
      contactId: ada.id,
      company: 'Globex',
      role: 'Staff Engineer',
      dueBy: '2025-03-31',
    })
    const brief = await core.call('request.brief', {
      id: request.id,
    })
    expect(brief.fileName).toBe('reference-brief-staff-engineer-globex.md')
    expect(brief.markdown).toContain('# Reference brief: Staff Engineer at Globex')
    expect(brief.markdown).toContain('- **Needed by:** 31 March 2025')
    expect(brief.markdown).toContain('- **Referee:** Ada Lovelace, Director @ Analytical Engines')
    expect(brief.markdown).toContain('- **Relationship:** Former manager')
    expect(brief.markdown).toContain('- **Worked together:** 2019–2022')
    expect(brief.markdown).toContain('1. Leadership\n2. Compilers')
    expect(brief.markdown).toContain('**Shipped v2**')
    expect(await core.invoke('request.brief', { id: 'nope' })).toMatchObject({
      ok: false,
      code: 'not-found',
    })
  })
})

describe('settings', () => {
  it('gets defaults, deep-merges nested parts, validates, persists and undoes', async () => {
    const core = await open()
    const defaults = await core.call('settings.get', {})
    expect(defaults.cadenceByStage['in-touch']).toBe(60)

    const updated = await core.call('settings.update', {
      quietHours: { start: '22:00' },
      cadenceByStage: { building: 21 },
      targetSkills: ['Leadership'],
    })
    expect(updated.quietHours).toEqual({ start: '22:00', end: defaults.quietHours.end })
    expect(updated.cadenceByStage).toEqual({ ...defaults.cadenceByStage, building: 21 })
    expect(updated.targetSkills).toEqual(['Leadership'])

    const badTime = await core.invoke('settings.update', { digestTime: '25:00' })
    expect(badTime).toMatchObject({ ok: false, code: 'invalid-input' })
    expect(!badTime.ok && badTime.issues?.[0]).toEqual({
      path: 'digestTime',
      message: 'Use a 24-hour time like 09:00',
    })
    const badStage = await core.invoke('settings.update', { cadenceByStage: { nowhere: 3 } })
    expect(badStage).toMatchObject({ ok: false, code: 'invalid-input' })
    const badCadence = await core.invoke('settings.update', { cadenceByStage: { building: 0 } })
    expect(badCadence).toMatchObject({ ok: false, code: 'invalid-input' })
    const unknown = await core.invoke('settings.update', { colour: 'dark' })
    expect(unknown).toMatchObject({ ok: false, code: 'invalid-input' })
    const longSkill = await core.invoke('settings.update', { targetSkills: ['x'.repeat(51)] })
    expect(longSkill).toMatchObject({ ok: false, code: 'invalid-input' })

    await temp.close(core)
    const again = await open()
    expect((await again.call('settings.get', {})).cadenceByStage.building).toBe(21)
    const undoFresh = await again.call('undo', {})
    expect(undoFresh).toEqual({ label: null })
    await again.call('settings.update', { thankWithinDays: 5 })
    await again.call('undo', {})
    expect((await again.call('settings.get', {})).thankWithinDays).toBe(2)
  })
})

describe('coverage and links', () => {
  it('shows gaps and over-asked contacts', async () => {
    const core = await open()
    await core.call('settings.update', { targetSkills: ['Leadership', 'Rust'] })
    const ada = await create(core, { name: 'Ada', skills: ['leadership'] })
    for (const company of ['A', 'B', 'C']) {
      await core.call('request.create', { contactId: ada.id, company, role: 'R' })
    }
    const coverage = await core.call('coverage.get', {})
    expect(coverage.rows).toEqual([
      { skill: 'Leadership', gap: false, contacts: [{ contactId: ada.id, name: 'Ada' }] },
      { skill: 'Rust', gap: true, contacts: [] },
    ])
    expect(coverage.overAsked).toEqual([{ contactId: ada.id, name: 'Ada', askedCount: 3 }])
  })

  it('link.open validates, then hands the link to the injected openExternal', async () => {
    const opened: string[] = []
    const core = await open({
      openExternal: async (url) => {
        opened.push(url)
      },
    })
    expect(await core.invoke('link.open', { url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      code: 'invalid-input',
      message: 'Links of type "javascript:" are not opened.',
    })
    expect(await core.call('link.open', { url: 'mailto:ada@example.com?subject=Hi' })).toEqual({
      opened: true,
    })
    expect(opened).toEqual(['mailto:ada@example.com?subject=Hi'])
    await temp.close(core)
    const plain = await open()
    expect(await plain.call('link.open', { url: 'https://example.com' })).toEqual({
      opened: false,
    })
  })
})
