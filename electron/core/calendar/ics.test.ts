// Day boundaries are local: run in a zone with daylight saving.
process.env.TZ = 'Europe/Paris'

import ICAL from 'ical.js'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact, ReferenceRequest } from '@shared/domain'
import type { ExportFile } from '@shared/importContract'
import { openCore, type Core } from '../index'
import { FakeClock } from '@testing/reminders/simulation'
import { makeTempDir } from '@testing/core/tempDir'
import { escapeText, foldLine } from '../text/contentLine'
import { toICalendar } from './ics'

const decode = (file: ExportFile) => Buffer.from(file.dataBase64, 'base64').toString('utf8')

function events(text: string) {
  return ICAL.Component.fromString(text)
    .getAllSubcomponents('vevent')
    .map((vevent) => {
      const event = new ICAL.Event(vevent)
      const trigger = vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('trigger')
      return {
        uid: event.uid,
        summary: event.summary,
        description: event.description,
        start: event.startDate.toString(),
        allDay: event.startDate.isDate,
        sequence: event.sequence,
        status: vevent.getFirstPropertyValue('status'),
        stamp: String(vevent.getFirstPropertyValue('dtstamp')),
        alarm: trigger instanceof ICAL.Duration ? trigger.toSeconds() : null,
        action: vevent.getFirstSubcomponent('valarm')?.getFirstPropertyValue('action'),
      }
    })
}

describe('iCalendar text', () => {
  it('escapes commas, semicolons, backslashes and newlines so a parser reads them back', () => {
    expect(escapeText('a,b;c\\d\ne')).toBe('a\\,b\\;c\\\\d\\ne')
    const summary = 'Thank Zoë, María; and "Ann"\\Bob'
    const description = 'Line one,\nline two; done\r\nthree'
    const text = toICalendar(
      [
        {
          uid: 'x@vouch.app',
          summary,
          description,
          when: { day: '2026-04-10' },
          changedAt: new Date('2026-04-01T10:00:00.000Z'),
          alarmMinutes: 540,
          alarmText: 'Now',
        },
      ],
      new Date('2026-04-01T10:00:00.000Z'),
    )
    const [event] = events(text)
    expect(event?.summary).toBe(summary)
    expect(event?.description).toBe('Line one,\nline two; done\nthree')
  })

  it('folds lines at 75 octets without splitting a UTF-8 character, and a parser unfolds them', () => {
    const long = `SUMMARY:${'Zoë Ångström-Łukasiewicz '.repeat(8)}`
    const folded = foldLine(long)
    for (const line of folded.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    expect(folded.split('\r\n').length).toBeGreaterThan(2)
    expect(folded.replace(/\r\n /g, '')).toBe(long)
    const summary = 'Zoë Ångström-Łukasiewicz '.repeat(8).trim()
    const text = toICalendar(
      [
        {
          uid: 'y@vouch.app',
          summary,
          description: 'é'.repeat(100),
          when: { start: new Date('2026-04-10T07:00:00.000Z'), minutes: 30 },
          changedAt: new Date('2026-04-01T10:00:00.000Z'),
          alarmMinutes: -10,
          alarmText: 'Soon',
        },
      ],
      new Date('2026-04-01T10:00:00.000Z'),
    )
    for (const line of text.split('\r\n'))
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75)
    const [event] = events(text)
    expect(event?.summary).toBe(summary)
    expect(event?.description).toBe('é'.repeat(100))
    expect(event?.alarm).toBe(-600)
  })
})

describe('export.ics and request.ics', () => {
  let dir: string
  let remove: () => Promise<void>
  let core: Core
  const clock = new FakeClock(new Date('2026-04-06T08:00:00.000Z'))
  const run: Core['call'] = (command, input) => core.call(command, input)

  beforeEach(async () => {
    ;({ dir, remove } = await makeTempDir())
    clock.set(new Date('2026-04-06T08:00:00.000Z'))
    core = await openCore({ dataDir: dir, now: clock.now, compactAfterMs: 600_000 })
  })
  afterEach(async () => {
    await core.close()
    await remove()
  })

  async function seed() {
    const ada = await run('contact.create', {
      name: 'Ada Lovelace, PhD',
      stage: 'in-touch',
    })
    const grace = await run('contact.create', { name: 'Grace; Hopper', stage: 'in-touch' })
    const open = await run('request.create', {
      contactId: ada.id,
      company: 'Globex',
      role: 'Staff Engineer',
      dueBy: '2026-04-20',
      notes: 'Focus on the migration,\nand the on-call work.',
    })
    const given = await run('request.create', {
      contactId: grace.id,
      company: 'Initech',
      role: 'Principal',
    })
    await run('request.update', { id: given.id, status: 'given' })
    return { ada, grace, open, given }
  }

  it('holds a due-date event and a thank-you event, each with an alarm, and UIDs stable across exports', async () => {
    const { open, given } = await seed()
    const first = events(decode(await run('export.ics', {})))
    expect(first.map((e) => e.uid).sort()).toEqual(
      [`request-due-${open.id}@vouch.app`, `thank-you-${given.id}@vouch.app`].sort(),
    )
    const due = first.find((e) => e.uid.startsWith('request-due'))
    expect(due).toMatchObject({
      summary: 'Reference due: Ada Lovelace, PhD for Staff Engineer at Globex',
      start: '2026-04-20',
      allDay: true,
      action: 'DISPLAY',
      // 09:00 two days before the due day.
      alarm: -(2 * 86400) + 9 * 3600,
    })
    expect(due?.description).toContain('Focus on the migration,\nand the on-call work.')
    const thanks = first.find((e) => e.uid.startsWith('thank-you'))
    // Given on 6 April with two days to thank: the deadline is the end of 8 April.
    expect(thanks).toMatchObject({ start: '2026-04-08', allDay: true, alarm: 9 * 3600 })

    // A later export after a change: same UIDs, a higher SEQUENCE for the changed request.
    clock.advance(3_600_000)
    await run('request.update', { id: open.id, dueBy: '2026-04-24' })
    const second = events(decode(await run('export.ics', {})))
    expect(second.map((e) => e.uid).sort()).toEqual(first.map((e) => e.uid).sort())
    const moved = second.find((e) => e.uid === due?.uid)
    expect(moved?.start).toBe('2026-04-24')
    expect(moved?.sequence).toBeGreaterThan(due?.sequence ?? Infinity)
  })

  it('a thanked reference comes back cancelled, with the same UID and a higher SEQUENCE', async () => {
    const { grace, given } = await seed()
    const first = events(decode(await run('export.ics', {})))
    const owed = first.find((e) => e.uid === `thank-you-${given.id}@vouch.app`)
    expect(owed).toMatchObject({ status: 'CONFIRMED', action: 'DISPLAY' })

    clock.advance(60_000)
    await run('interaction.log', { contactId: grace.id, kind: 'thank-you' })
    const second = events(decode(await run('export.ics', {})))
    const cancelled = second.find((e) => e.uid === owed?.uid)
    expect(cancelled).toMatchObject({ status: 'CANCELLED', start: owed?.start, action: undefined })
    expect(cancelled?.sequence).toBeGreaterThan(owed?.sequence ?? Infinity)
    expect(cancelled?.stamp).not.toBe(owed?.stamp)
    // A cancelled event carries no alarm, so no calendar rings for it.
    expect(cancelled?.alarm).toBeNull()
  })

  it('undoing the thanks re-confirms the event with a still higher SEQUENCE', async () => {
    const { grace, given } = await seed()
    await run('interaction.log', { contactId: grace.id, kind: 'thank-you' })
    clock.advance(60_000)
    const uid = `thank-you-${given.id}@vouch.app`
    const cancelled = events(decode(await run('export.ics', {}))).find((e) => e.uid === uid)
    expect(cancelled?.status).toBe('CANCELLED')
    // Undo puts the request back exactly as it was, with its older updatedAt.
    await run('undo', {})
    clock.advance(60_000)
    const again = events(decode(await run('export.ics', {}))).find((e) => e.uid === uid)
    expect(again?.status).toBe('CONFIRMED')
    expect(again?.sequence).toBeGreaterThan(cancelled?.sequence ?? Infinity)
  })

  it('cancels the due date of a declined, withdrawn or given request, and of a person archived or trashed', async () => {
    const people: { name: string; person: Contact; request: ReferenceRequest }[] = []
    for (const name of ['Declined', 'Withdrawn', 'Given', 'Archived', 'Trashed', 'Renamed']) {
      const person = await run('contact.create', { name, stage: 'in-touch' })
      const request = await run('request.create', {
        contactId: person.id,
        company: 'Globex',
        role: 'CTO',
        dueBy: '2026-04-20',
      })
      people.push({ name, person, request })
    }
    const before = new Map(
      events(decode(await run('export.ics', {}))).map((e) => [e.uid, e] as const),
    )
    expect(before.size).toBe(6)
    clock.advance(60_000)
    const by = (name: string) => {
      const found = people.find((p) => p.name === name)
      if (!found) throw new Error(name)
      return found
    }
    await run('request.update', { id: by('Declined').request.id, status: 'declined' })
    await run('request.update', { id: by('Withdrawn').request.id, status: 'withdrawn' })
    await run('request.update', { id: by('Given').request.id, status: 'given' })
    await run('contact.bulk', { ids: [by('Archived').person.id], set: { triage: 'archived' } })
    await run('contact.delete', { id: by('Trashed').person.id })
    await run('contact.update', { id: by('Renamed').person.id, name: 'Renamed Again' })

    const after = events(decode(await run('export.ics', {})))
    for (const { name, request } of people) {
      const uid = `request-due-${request.id}@vouch.app`
      const was = before.get(uid)
      const now = after.find((e) => e.uid === uid)
      // Every changed copy has a higher SEQUENCE, cancelled or not.
      expect(now?.sequence, name).toBeGreaterThan(was?.sequence ?? Infinity)
      expect(now?.status, name).toBe(name === 'Renamed' ? 'CONFIRMED' : 'CANCELLED')
    }
    expect(after.find((e) => e.uid.includes(by('Renamed').request.id))?.summary).toContain(
      'Renamed Again',
    )
    // The given one now owes thanks: its deadline is a live event.
    expect(
      after.find((e) => e.uid === `thank-you-${by('Given').request.id}@vouch.app`),
    ).toMatchObject({ status: 'CONFIRMED' })

    // Carried for 90 days after the change, then left out.
    clock.advance(89 * 86_400_000)
    expect(
      events(decode(await run('export.ics', {}))).filter((e) => e.status === 'CANCELLED'),
    ).toHaveLength(5)
    clock.advance(2 * 86_400_000)
    const later = events(decode(await run('export.ics', {})))
    expect(later.filter((e) => e.status === 'CANCELLED')).toEqual([])
    expect(later.map((e) => e.summary).sort()).toEqual([
      'Reference due: Renamed Again for CTO at Globex',
      'Thank Given for the reference (Globex)',
    ])
  })

  it('adds a daily keep-in-touch block naming who is due, only when asked', async () => {
    await seed()
    const plain = events(decode(await run('export.ics', {})))
    expect(plain.some((e) => e.uid.startsWith('keep-in-touch'))).toBe(false)
    // Asked and Gave reference: a 14-day cadence from 6 April, so both are due on 20 April.
    clock.set(new Date('2026-04-15T08:00:00.000Z'))
    const blocks = events(decode(await run('export.ics', { keepInTouch: true }))).filter((e) =>
      e.uid.startsWith('keep-in-touch'),
    )
    expect(blocks).toHaveLength(1)
    expect(blocks[0]).toMatchObject({
      uid: 'keep-in-touch-20260420@vouch.app',
      summary: 'Keep in touch: Ada Lovelace, PhD, Grace; Hopper',
      allDay: false,
      alarm: -600,
    })
    // At the digest time (09:00 local, CEST).
    expect(blocks[0]?.start).toBe('2026-04-20T07:00:00Z')
  })

  it('puts one request in a calendar file of its own, with the same UID as the full export', async () => {
    const { open, grace, given } = await seed()
    const single = await run('request.ics', { id: open.id })
    expect(single.mimeType).toBe('text/calendar')
    expect(single.fileName).toBe('vouch-ada-lovelace-phd-globex.ics')
    expect(events(decode(single)).map((e) => e.uid)).toEqual([`request-due-${open.id}@vouch.app`])
    await run('interaction.log', { contactId: grace.id, kind: 'thank-you', requestId: given.id })
    const done = await core.invoke('request.ics', { id: given.id })
    expect(done).toMatchObject({ ok: false, code: 'invalid-input' })
  })
})
