import { describe, expect, it } from 'vitest'
import { LIMITS } from './domain'
import { enterStage } from './stageHistory'
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
