import { describe, expect, it } from 'vitest'
import { coverageMatrix, normalizeSkill } from './coverage'
import { makeContact, makeRequest } from '@testing/builders'

const now = new Date('2024-06-15T12:00:00.000Z')

describe('normalizeSkill', () => {
  it('ignores case, accents and extra spaces', () => {
    expect(normalizeSkill('  Résumé   Writing ')).toBe('resume writing')
    expect(normalizeSkill('ÉQUIPE')).toBe(normalizeSkill('équipe'))
  })
})

describe('coverageMatrix', () => {
  const contacts = [
    makeContact({ id: 'ada', name: 'Ada', skills: ['leadership', 'kubernetes'] }),
    makeContact({ id: 'bob', name: 'Bob', skills: ['LEADERSHIP'] }),
    makeContact({ id: 'cy', name: 'Cy', skills: ['resume  writing'] }),
    makeContact({ id: 'dee', name: 'Dee', skills: ['Go'], trashedAt: '2024-06-01T00:00:00.000Z' }),
  ]
  const asked = (contactId: string, askedAt: string) => makeRequest({ contactId, askedAt })
  const requests = [
    asked('ada', '2024-01-10T00:00:00.000Z'),
    asked('ada', '2024-03-10T00:00:00.000Z'),
    asked('ada', '2024-06-10T00:00:00.000Z'),
    // Bob: one of three is older than 12 months.
    asked('bob', '2023-05-01T00:00:00.000Z'),
    asked('bob', '2024-02-01T00:00:00.000Z'),
    asked('bob', '2024-04-01T00:00:00.000Z'),
    asked('cy', '2023-07-01T00:00:00.000Z'),
    asked('cy', '2023-09-01T00:00:00.000Z'),
    asked('cy', '2024-01-01T00:00:00.000Z'),
    asked('cy', '2024-05-01T00:00:00.000Z'),
    // Dee is trashed: never flagged.
    asked('dee', '2024-05-01T00:00:00.000Z'),
    asked('dee', '2024-05-02T00:00:00.000Z'),
    asked('dee', '2024-05-03T00:00:00.000Z'),
  ]
  const result = coverageMatrix({
    targetSkills: ['Leadership', 'Kubernetes', 'Résumé writing', 'leadership ', 'Go'],
    contacts,
    requests,
    now,
  })

  it('lists who can vouch for each target skill and flags gaps', () => {
    expect(result.rows).toEqual([
      {
        skill: 'Leadership',
        contacts: [
          { contactId: 'ada', name: 'Ada' },
          { contactId: 'bob', name: 'Bob' },
        ],
        gap: false,
      },
      { skill: 'Kubernetes', contacts: [{ contactId: 'ada', name: 'Ada' }], gap: false },
      { skill: 'Résumé writing', contacts: [{ contactId: 'cy', name: 'Cy' }], gap: false },
      // Only the trashed contact has it.
      { skill: 'Go', contacts: [], gap: true },
    ])
  })

  it('flags contacts asked more than twice in the last 12 months, most asked first', () => {
    expect(result.overAsked).toEqual([
      { contactId: 'cy', name: 'Cy', askedCount: 4 },
      { contactId: 'ada', name: 'Ada', askedCount: 3 },
    ])
  })

  it('has no rows without target skills', () => {
    expect(coverageMatrix({ targetSkills: [], contacts, requests: [], now })).toEqual({
      rows: [],
      overAsked: [],
    })
  })
})
