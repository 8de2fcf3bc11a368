process.env.TZ = 'UTC'

import { describe, expect, it } from 'vitest'
import { escapeMarkdown, requestBrief, splitSentences } from './brief'
import { makeContact, makeInteraction, makeRequest, makeUpdate } from '@testing/builders'

const now = new Date('2024-06-15T12:00:00.000Z')

describe('escapeMarkdown', () => {
  it.each([
    ['# Heading', '\\# Heading'],
    ['- item', '\\- item'],
    ['+ item', '\\+ item'],
    ['1. first', '1\\. first'],
    [
      'a *b* _c_ `d` [e](f) <g> h|i ~j~ !k & l\\m',
      'a \\*b\\* \\_c\\_ \\`d\\` \\[e\\](f) \\<g\\> h\\|i \\~j\\~ \\!k \\& l\\\\m',
    ],
    ['Plain text, v2.0 (beta) - fine', 'Plain text, v2.0 (beta) - fine'],
  ])('%s → %s', (input, output) => {
    expect(escapeMarkdown(input)).toBe(output)
  })
  it('escapes line starts on every line', () => {
    expect(escapeMarkdown('ok\n- two\n3) three')).toBe('ok\n\\- two\n3\\) three')
  })
})

describe('splitSentences', () => {
  it('splits after sentence punctuation and at line breaks', () => {
    expect(splitSentences('One. Two!  Three?\nFour\n\nFive.')).toEqual([
      'One.',
      'Two!',
      'Three?',
      'Four',
      'Five.',
    ])
  })
})

describe('requestBrief', () => {
  const contact = makeContact({
    id: 'grace',
    name: 'Grace Hopper',
    title: 'CTO',
    company: 'Initech',
    relationship: 'former-manager',
    workedTogether: '2019–2022',
    skills: ['System design'],
    notes: 'Led the *Atlas* migration with me. Mentored two new hires! Prefers calls.',
  })
  const request = makeRequest({
    contactId: 'grace',
    role: 'Staff Engineer',
    company: 'Globex & Co',
    dueBy: '2024-07-01',
  })
  const interactions = [
    makeInteraction({
      contactId: 'grace',
      kind: 'meeting',
      at: '2024-06-01T10:00:00.000Z',
      note: 'Talked about [Project X](http://x).',
    }),
    makeInteraction({
      contactId: 'grace',
      kind: 'note',
      at: '2024-06-10T10:00:00.000Z',
      note: 'Loves chess.',
    }),
    makeInteraction({ contactId: 'someone-else', kind: 'call', at: '2024-06-14T10:00:00.000Z' }),
  ]
  const latestUpdate = makeUpdate({
    title: 'Shipped #1 feature',
    body: '- launched v2\nThanks to the team',
  })

  it('writes the full brief', () => {
    const brief = requestBrief({ request, contact, interactions, latestUpdate, now })
    expect(brief).toBe(
      [
        '# Reference brief: Staff Engineer at Globex \\& Co',
        '',
        '- **Needed by:** 1 July 2024',
        '- **Referee:** Grace Hopper, CTO @ Initech',
        '- **Relationship:** Former manager',
        '- **Who may call:** someone from Globex \\& Co, hiring for Staff Engineer',
        '- **Worked together:** 2019–2022',
        // The note on Jun 10 does not reset the clock; the other contact's call is not theirs.
        '- **Last touch:** 1 June 2024 (14 days ago)',
        '',
        '## Stories and skills to highlight',
        '',
        '1. System design',
        '2. Led the \\*Atlas\\* migration with me.',
        '3. Mentored two new hires\\!',
        '',
        '## Latest update',
        '',
        '**Shipped \\#1 feature**',
        '',
        '\\- launched v2',
        'Thanks to the team',
        '',
      ].join('\n'),
    )
  })

  it('falls back to touch notes, newest first, and says how many it found', () => {
    const sparse = makeContact({ id: 'ann', name: 'Ann_Marie <b>', company: 'Acme' })
    const brief = requestBrief({
      request: makeRequest({ contactId: 'ann', dueBy: null }),
      contact: sparse,
      interactions: [
        makeInteraction({
          contactId: 'ann',
          kind: 'note',
          at: '2024-06-01T10:00:00.000Z',
          note: 'Great mentor. Knows everyone.',
        }),
        makeInteraction({
          contactId: 'ann',
          kind: 'note',
          at: '2024-06-05T10:00:00.000Z',
          note: 'Ran the hackathon',
        }),
      ],
      latestUpdate: null,
      now,
    })
    const lines = brief.split('\n')
    expect(lines).toContain('- **Needed by:** no date set')
    expect(lines).toContain('- **Referee:** Ann\\_Marie \\<b\\>, Acme')
    expect(lines).toContain('- **Worked together:** not recorded')
    expect(lines).toContain('- **Last touch:** never touched')
    expect(lines).toContain('1. Ran the hackathon')
    expect(lines).toContain('2. Great mentor.')
    expect(lines).not.toContain('3. Knows everyone.')
    expect(lines).toContain(
      "_Only 2 of 3 stories or skills are recorded. Add skills or notes to Ann\\_Marie \\<b\\>'s card so this brief can suggest 3._",
    )
    expect(lines).toContain('No career update recorded yet.')
  })

  it('never invents stories when nothing is recorded', () => {
    const empty = makeContact({ id: 'e', name: 'Eve' })
    const brief = requestBrief({
      request: makeRequest({ contactId: 'e' }),
      contact: empty,
      interactions: [],
      latestUpdate: null,
      now,
    })
    expect(brief).toContain(
      "_No stories or skills are recorded yet. Add skills or notes to Eve's card so this brief can suggest 3._",
    )
    expect(brief).not.toMatch(/^1\. /m)
  })
})
