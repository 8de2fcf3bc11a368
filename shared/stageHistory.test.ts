import { describe, expect, it } from 'vitest'
import { LIMITS } from './domain'
import { enterStage, knownStageHistory } from './stageHistory'
import { makeContact } from '@testing/builders'

describe('enterStage', () => {
  it('moves the contact and records the stage entered', () => {
    const contact = makeContact({ stage: 'building', stageHistory: [] })
    const moved = enterStage(contact, 'asked', '2026-03-01T10:00:00.000Z')
    expect(moved.stage).toBe('asked')
    expect(moved.updatedAt).toBe('2026-03-01T10:00:00.000Z')
    expect(moved.stageHistory).toEqual([{ stage: 'asked', at: '2026-03-01T10:00:00.000Z' }])
  })

  it('records nothing when the stage does not change', () => {
    const contact = makeContact({ stage: 'building', stageHistory: [] })
    expect(enterStage(contact, 'building', '2026-03-01T10:00:00.000Z').stageHistory).toEqual([])
  })

  it('drops the oldest entries past the cap', () => {
    let contact = makeContact({ stage: 'identified', stageHistory: [] })
    for (let i = 0; i < LIMITS.stageHistory + 5; i++) {
      const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString()
      contact = enterStage(contact, i % 2 === 0 ? 'building' : 'identified', at)
    }
    expect(contact.stageHistory).toHaveLength(LIMITS.stageHistory)
    expect(contact.stageHistory.at(-1)?.stage).toBe(contact.stage)
    expect(contact.stageHistory[0]?.at).toBe(
      new Date(Date.UTC(2026, 0, 1) + 5 * 60_000).toISOString(),
    )
  })
})

describe('knownStageHistory', () => {
  const created = { createdAt: '2025-01-10T09:00:00.000Z', updatedAt: '2025-06-01T09:00:00.000Z' }

  it('without requests, keeps the person in their current stage since creation', () => {
    expect(
      knownStageHistory({ ...created, stage: 'building' }, { requests: [], touches: [] }),
    ).toEqual([{ stage: 'building', at: created.createdAt }])
  })

  it('rebuilds asked, given and thanked from a request, starting from In touch', () => {
    const history = knownStageHistory(
      { ...created, stage: 'thanked' },
      {
        requests: [
          {
            askedAt: '2025-03-01T10:00:00.000Z',
            givenAt: '2025-03-05T10:00:00.000Z',
            thankedAt: '2025-03-06T10:00:00.000Z',
          },
        ],
        touches: [],
      },
    )
    expect(history).toEqual([
      { stage: 'in-touch', at: created.createdAt },
      { stage: 'asked', at: '2025-03-01T10:00:00.000Z' },
      { stage: 'gave-reference', at: '2025-03-05T10:00:00.000Z' },
      { stage: 'thanked', at: '2025-03-06T10:00:00.000Z' },
    ])
  })

  it('reads reference-given touches and thank-yous tied to a request, not other thank-yous', () => {
    const history = knownStageHistory(
      { ...created, stage: 'thanked' },
      {
        requests: [],
        touches: [
          { kind: 'thank-you', at: '2025-02-01T10:00:00.000Z', requestId: null },
          { kind: 'reference-given', at: '2025-04-01T10:00:00.000Z', requestId: null },
          { kind: 'thank-you', at: '2025-04-02T10:00:00.000Z', requestId: 'r1' },
        ],
      },
    )
    expect(history.map((e) => e.stage)).toEqual(['in-touch', 'gave-reference', 'thanked'])
  })

  it('ends in the current stage: a person moved back after a request re-enters it at the last update', () => {
    const history = knownStageHistory(
      { ...created, stage: 'building' },
      {
        requests: [{ askedAt: '2025-03-01T10:00:00.000Z', givenAt: null, thankedAt: null }],
        touches: [],
      },
    )
    expect(history).toEqual([
      { stage: 'building', at: created.createdAt },
      { stage: 'asked', at: '2025-03-01T10:00:00.000Z' },
      { stage: 'building', at: created.updatedAt },
    ])
  })

  it('starts at the earliest evidence when it predates the record (an imported past)', () => {
    const history = knownStageHistory(
      { ...created, stage: 'asked' },
      {
        requests: [{ askedAt: '2024-12-01T10:00:00.000Z', givenAt: null, thankedAt: null }],
        touches: [],
      },
    )
    expect(history).toEqual([
      { stage: 'in-touch', at: '2024-12-01T10:00:00.000Z' },
      { stage: 'asked', at: '2024-12-01T10:00:00.000Z' },
    ])
  })

  it('keeps the newest entries past the cap', () => {
    const requests = Array.from({ length: LIMITS.stageHistory }, (_, i) => ({
      askedAt: new Date(Date.UTC(2025, 1, 1 + i)).toISOString(),
      givenAt: new Date(Date.UTC(2025, 1, 1 + i, 12)).toISOString(),
      thankedAt: null,
    }))
    const history = knownStageHistory(
      { ...created, stage: 'gave-reference' },
      { requests, touches: [] },
    )
    expect(history).toHaveLength(LIMITS.stageHistory)
    expect(history.at(-1)?.stage).toBe('gave-reference')
  })
})
