import { describe, expect, it } from 'vitest'
import { digestNotification, firstName, summarizeDue } from './digest'
import type { DueItem } from './types'

const item = (
  kind: DueItem['kind'],
  title: string,
  dueAt = '2025-01-01T00:00:00.000Z',
): DueItem => ({
  key: `${kind}:${title}`,
  kind,
  contactId: title,
  title,
  detail: '',
  dueAt,
})

describe('digest text', () => {
  it('counts with singular and plural forms and lists at most three first names', () => {
    expect(summarizeDue([item('contact-due', 'Ada Lovelace')])).toBe('1 person to contact: Ada')
    const five = ['Ada', 'Grace', 'Linus', 'Barbara', 'Alan'].map((n) => item('contact-due', n))
    expect(
      summarizeDue([
        ...five,
        item('thanks-owed', 'X'),
        item('thanks-owed', 'Y'),
        item('request-due', 'Z'),
      ]),
    ).toBe(
      '5 people to contact: Ada, Grace, Linus and 2 more · 2 thank-yous owed · 1 reference due soon',
    )
    expect(summarizeDue([])).toBe('Nothing due')
  })

  it('lists the most overdue contacts first and covers every key', () => {
    const digest = digestNotification(
      [
        item('contact-due', 'Late', '2025-02-01T00:00:00Z'),
        item('contact-due', 'Early', '2025-01-01T00:00:00Z'),
      ],
      false,
    )
    expect(digest.body).toBe('2 people to contact: Early, Late')
    expect(digest.keys).toEqual(['contact-due:Late', 'contact-due:Early'])
  })

  it('takes the first word of a name', () => {
    expect(firstName('  Grace  Brewster Hopper ')).toBe('Grace')
    expect(firstName('')).toBe('')
  })
})
