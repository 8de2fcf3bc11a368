process.env.TZ = 'UTC'

import { describe, expect, it } from 'vitest'
import type { Interaction } from './domain'
import { readinessScore } from './readiness'
import { makeContact, makeInteraction } from '@testing/builders'

const now = new Date('2024-06-15T12:00:00.000Z')
const contact = makeContact({ id: 'c1', name: 'Ada', credibility: null })
const touch = (at: string, overrides: Partial<Interaction> = {}) =>
  makeInteraction({ contactId: 'c1', kind: 'call', at, ...overrides })
const part = (
  interactions: Interaction[],
  label: string,
  options: { credibility?: number | null; latestUpdateId?: string | null } = {},
) => {
  const result = readinessScore({
    contact: { ...contact, credibility: options.credibility ?? null },
    interactions,
    latestUpdateId: options.latestUpdateId ?? null,
    now,
  })
  const found = result.parts.find((p) => p.label === label)
  if (!found) throw new Error(`no part ${label}`)
  return found
}

describe('readinessScore: recency (35)', () => {
  it('full within 30 days', () => {
    expect(part([touch('2024-05-16T08:00:00.000Z')], 'Recent contact')).toEqual({
      label: 'Recent contact',
      points: 35,
      max: 35,
      explanation: 'Last touch 30 days ago: within a month.',
    })
  })
  it('decays linearly: 200 days ago gives round(35 × 165 / 335) = 17', () => {
    expect(part([touch('2023-11-28T12:00:00.000Z')], 'Recent contact')).toMatchObject({
      points: 17,
      explanation: 'Last touch 200 days ago: points fall from full at 30 days to none at 365.',
    })
  })
  it('none at 365 days, none when never touched, and notes do not count', () => {
    expect(part([touch('2023-06-16T12:00:00.000Z')], 'Recent contact').points).toBe(0)
    expect(
      part([touch('2024-06-14T12:00:00.000Z', { kind: 'note' })], 'Recent contact'),
    ).toMatchObject({
      points: 0,
      explanation: 'You have not been in touch yet.',
    })
  })
})

describe('readinessScore: touches in the last 12 months (25)', () => {
  it('5 points per touch, notes and older touches excluded', () => {
    const interactions = [
      touch('2024-06-01T12:00:00.000Z'),
      touch('2024-03-01T12:00:00.000Z', { kind: 'meeting' }),
      touch('2023-07-01T12:00:00.000Z', { kind: 'update-sent' }),
      touch('2023-06-01T12:00:00.000Z'),
      touch('2024-06-10T12:00:00.000Z', { kind: 'note' }),
    ]
    expect(part(interactions, 'Touches this year')).toEqual({
      label: 'Touches this year',
      points: 15,
      max: 25,
      explanation: '3 touches in the last 12 months; 5 points each, full marks at 5.',
    })
  })
  it('caps at 25', () => {
    const interactions = Array.from({ length: 7 }, (_, i) =>
      touch(`2024-0${i + 1}-10T12:00:00.000Z`),
    )
    expect(part(interactions, 'Touches this year').points).toBe(25)
  })
  it("ignores other contacts' touches", () => {
    const other = makeInteraction({ contactId: 'c2', kind: 'call', at: '2024-06-01T12:00:00.000Z' })
    expect(part([other], 'Touches this year').points).toBe(0)
  })
})

describe('readinessScore: latest update (20)', () => {
  const sent = (updateId: string) =>
    touch('2024-06-01T12:00:00.000Z', { kind: 'update-sent', updateId })
  it('full marks when no update exists yet', () => {
    expect(part([], 'Heard your latest news', { latestUpdateId: null })).toMatchObject({
      points: 20,
      explanation: 'No career update written yet, so nothing to miss.',
    })
  })
  it('full marks when they heard the latest, none when they heard only an older one', () => {
    expect(part([sent('u2')], 'Heard your latest news', { latestUpdateId: 'u2' }).points).toBe(20)
    expect(part([sent('u1')], 'Heard your latest news', { latestUpdateId: 'u2' })).toMatchObject({
      points: 0,
      explanation: 'They have not heard your latest career update.',
    })
  })
})

describe('readinessScore: credibility (20)', () => {
  it('4 points per star, 0 when unrated', () => {
    expect(part([], 'Credibility', { credibility: null })).toMatchObject({
      points: 0,
      explanation: 'Not rated yet: rate them 1–5 to count this.',
    })
    expect(part([], 'Credibility', { credibility: 3 }).points).toBe(12)
    expect(part([], 'Credibility', { credibility: 5 })).toMatchObject({
      points: 20,
      explanation: 'Rated 5 of 5 for credibility in your field (4 points per star).',
    })
  })
})

describe('readinessScore: total', () => {
  it('adds the parts, in a fixed order', () => {
    const interactions = [
      touch('2024-06-10T12:00:00.000Z', { kind: 'update-sent', updateId: 'u1' }),
      touch('2024-05-01T12:00:00.000Z'),
    ]
    const result = readinessScore({
      contact: { ...contact, credibility: 4 },
      interactions,
      latestUpdateId: 'u1',
      now,
    })
    expect(result.parts.map((p) => [p.label, p.points, p.max])).toEqual([
      ['Recent contact', 35, 35],
      ['Touches this year', 10, 25],
      ['Heard your latest news', 20, 20],
      ['Credibility', 16, 20],
    ])
    expect(result.score).toBe(81)
  })
  it('reaches 100 at best and 0 at worst', () => {
    const best = Array.from({ length: 5 }, (_, i) =>
      touch(`2024-06-0${i + 1}T12:00:00.000Z`, { kind: 'update-sent', updateId: 'u1' }),
    )
    expect(
      readinessScore({
        contact: { ...contact, credibility: 5 },
        interactions: best,
        latestUpdateId: 'u1',
        now,
      }).score,
    ).toBe(100)
    expect(readinessScore({ contact, interactions: [], latestUpdateId: 'u1', now }).score).toBe(0)
  })
})
