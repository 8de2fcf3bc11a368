import { describe, expect, it } from 'vitest'
import { makeTempDir } from '@testing/core/tempDir'
import { makeContact } from '@testing/builders'
import { runBulkCrashTrial, runCrashTrial } from '@testing/core/crashTrials'
import { seedStore } from '@testing/core/seed'
import { createRandom } from '@testing/random'

describe('kill -9 while writing', () => {
  it('keeps every acknowledged write and a valid file, over 20 kills on one folder', async () => {
    const { dir, remove } = await makeTempDir('vouch-crash-')
    const random = createRandom(Number(process.env.VOUCH_CRASH_SEED ?? 20261126)).next
    let start = 0
    let totalAcked = 0
    try {
      for (let trial = 0; trial < 20; trial++) {
        // At least two acknowledged writes, then a kill anywhere in the next 300 ms of writing.
        const result = await runCrashTrial(dir, start, {
          acks: 2 + Math.floor(random() * 3),
          ms: Math.floor(random() * 300),
        })
        expect(result.lost, `trial ${trial} lost acknowledged writes`).toEqual([])
        expect(result.movedLost, `trial ${trial} lost acknowledged moves`).toEqual([])
        // A torn journal tail is fine (it was never acknowledged); a quarantine is not.
        expect(result.problem?.kind ?? 'none').not.toBe('quarantined')
        totalAcked += result.acked
        start += 100_000
      }
      expect(totalAcked).toBeGreaterThan(20)
    } finally {
      await remove()
    }
  })
})

describe('kill -9 during a large contact.bulk', () => {
  it('leaves each bulk all applied or not at all, and keeps every acknowledged one', async () => {
    const { dir, remove } = await makeTempDir('vouch-bulk-crash-')
    const random = createRandom(Number(process.env.VOUCH_CRASH_SEED ?? 20261130)).next
    const people = Array.from({ length: 2000 }, (_, i) =>
      makeContact({ id: `p${i}`, name: `Person ${i}`, order: i, notes: 'n'.repeat(i % 300) }),
    )
    try {
      await seedStore(dir, { contacts: people })
      let start = 0
      let acked = 0
      for (let trial = 0; trial < 8; trial++) {
        // Every other trial kills during the first bulk; the others after one was acknowledged.
        const result = await runBulkCrashTrial(dir, start, {
          acks: trial % 2,
          ms: Math.floor(random() * 2000),
        })
        expect(result.people).toBe(2000)
        // Every person carries the same round: no bulk was half applied.
        expect(result.roundsFound, `trial ${trial}`).toHaveLength(1)
        const [round = -2] = result.roundsFound
        // The last acknowledged round is there, or the one in flight when the kill came.
        if (result.lastAcked >= 0) expect([result.lastAcked, result.lastAcked + 1]).toContain(round)
        expect(result.problem?.kind ?? 'none').not.toBe('quarantined')
        acked += Math.max(0, result.lastAcked - start + 1)
        start = round + 1
      }
      expect(acked).toBeGreaterThan(0)
    } finally {
      await remove()
    }
  })
})
