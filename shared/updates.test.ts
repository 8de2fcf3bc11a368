import { describe, expect, it } from 'vitest'
import { makeContact, makeInteraction, makeUpdate } from '@testing/builders'
import { draftUpdateMessage, lastUpdateHeard, personalLine, selectRecipients } from './updates'

describe('lastUpdateHeard', () => {
  const older = makeUpdate({ id: 'u1', at: '2024-01-01T09:00:00.000Z' })
  const newer = makeUpdate({ id: 'u2', at: '2024-05-01T09:00:00.000Z' })
  const newest = makeUpdate({ id: 'u3', at: '2024-06-01T09:00:00.000Z' })
  const sent = (updateId: string, at: string) =>
    makeInteraction({ kind: 'update-sent', updateId, at })

  it('is the newest update received, whatever order they were sent in', () => {
    const interactions = [
      sent('u2', '2024-05-02T09:00:00.000Z'),
      sent('u1', '2024-06-02T09:00:00.000Z'),
    ]
    expect(lastUpdateHeard(interactions, [older, newer, newest])).toBe(newer)
  })
  it('counts only update-sent touches naming a known update', () => {
    const interactions = [
      makeInteraction({ kind: 'message', updateId: 'u3' }),
      sent('deleted-update', '2024-06-02T09:00:00.000Z'),
    ]
    expect(lastUpdateHeard(interactions, [older, newer, newest])).toBeNull()
  })
})

describe('selectRecipients', () => {
  const contacts = [
    makeContact({ id: 'ada', stage: 'building', tags: ['Mentor', 'tech'] }),
    makeContact({ id: 'bob', stage: 'in-touch', tags: ['tech'] }),
    makeContact({ id: 'cy', stage: 'thanked', tags: [] }),
    makeContact({
      id: 'dee',
      stage: 'building',
      tags: ['mentor'],
      trashedAt: '2024-01-02T00:00:00.000Z',
    }),
  ]
  const heard = new Map<string, string | null>([
    ['ada', 'u2'],
    ['bob', 'u1'],
    ['cy', null],
  ])
  const select = (
    filter: Parameters<typeof selectRecipients>[0]['filter'],
    latestUpdateId: string | null = 'u2',
  ) =>
    selectRecipients({ contacts, lastUpdateHeardByContact: heard, latestUpdateId, filter }).map(
      (c) => c.id,
    )

  it('selects everyone active with an empty filter', () => {
    expect(select({})).toEqual(['ada', 'bob', 'cy'])
    expect(select({ stages: [], tags: [] })).toEqual(['ada', 'bob', 'cy'])
  })
  it('filters by stage', () => {
    expect(select({ stages: ['building', 'thanked'] })).toEqual(['ada', 'cy'])
  })
  it('filters by any tag, ignoring case', () => {
    expect(select({ tags: ['MENTOR'] })).toEqual(['ada'])
    expect(select({ tags: ['mentor', 'Tech'] })).toEqual(['ada', 'bob'])
  })
  it('keeps only those who have not heard the latest update', () => {
    expect(select({ notHeardLatest: true })).toEqual(['bob', 'cy'])
    expect(select({ notHeardLatest: true, stages: ['in-touch', 'building'] })).toEqual(['bob'])
  })
  it('without any update, nobody has heard it', () => {
    expect(select({ notHeardLatest: true }, null)).toEqual(['ada', 'bob', 'cy'])
  })
})

describe('draftUpdateMessage', () => {
  const update = makeUpdate({
    title: 'Promoted to Staff Engineer',
    body: 'I now lead the platform team.',
  })

  it('greets by first name, shares the update and draws on the notes', () => {
    const contact = makeContact({
      name: 'Grace Hopper',
      notes: 'You pushed me to own the Atlas migration. Loves chess.',
      skills: ['Leadership'],
    })
    expect(draftUpdateMessage({ contact, update })).toBe(
      [
        'Hi Grace,',
        '',
        'I wanted to share some news: Promoted to Staff Engineer.',
        '',
        'I now lead the platform team.',
        '',
        'I still remember: You pushed me to own the Atlas migration.',
        '',
        'I hope you are well, and I would love to hear your news too.',
        '',
        'Best,',
      ].join('\n'),
    )
  })
  it('falls back to skills, then to how you met, then to nothing', () => {
    expect(personalLine(makeContact({ skills: ['Go', 'Kubernetes', 'Mentoring', 'SQL'] }))).toBe(
      'You saw my Go, Kubernetes and Mentoring work first-hand, so I wanted you to hear this from me.',
    )
    expect(personalLine(makeContact({ skills: ['Go'] }))).toBe(
      'You saw my Go work first-hand, so I wanted you to hear this from me.',
    )
    expect(personalLine(makeContact({ howWeMet: 'at PyCon 2019\nin Cleveland' }))).toBe(
      'I often think back to how we met: at PyCon 2019 in Cleveland.',
    )
    expect(personalLine(makeContact({}))).toBeNull()
  })
  it('omits the personal line and an empty body', () => {
    const text = draftUpdateMessage({
      contact: makeContact({ name: 'Bob' }),
      update: makeUpdate({ title: 'New job', body: '  ' }),
    })
    expect(text).toBe(
      'Hi Bob,\n\nI wanted to share some news: New job.\n\nI hope you are well, and I would love to hear your news too.\n\nBest,',
    )
  })
})
