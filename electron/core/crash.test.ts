import { describe, expect, it } from 'vitest'
import { makeTempDir } from '@testing/core/tempDir'
import { runCrashTrial } from '@testing/core/crashTrials'
import { createRandom } from '@testing/random'

describe('kill -9 while writing', () => {
  it('keeps every acknowledged write and a valid file, over 20 kills on one folder', async () => {
    const { dir, remove } = await makeTempDir('vouch-crash-')
    const random = createRandom(Number(process.env.VOUCH_CRASH_SEED ?? 20261126)).next
    let start = 0
    let totalAcked = 0
    try {
      for (let trial = 0; trial < 20; trial++) {
        const result = await runCrashTrial(dir, start, 20 + Math.floor(random() * 300))
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
  }, 180_000)
})
