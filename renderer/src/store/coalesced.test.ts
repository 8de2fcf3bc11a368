import { describe, expect, it } from 'vitest'
import { CoalescedLoad } from './coalesced'

describe('CoalescedLoad', () => {
  it('runs once at a time; calls during a run collapse into one more run', async () => {
    const releases: Array<() => void> = []
    let runs = 0
    const loader = new CoalescedLoad(() => {
      runs++
      return new Promise<void>((resolve) => releases.push(resolve))
    })
    const first = loader.run()
    expect(loader.busy).toBe(true)
    void loader.run()
    void loader.run()
    expect(runs).toBe(1)
    releases[0]?.()
    await first
    // The calls made during the first run brought exactly one more.
    expect(runs).toBe(2)
    expect(loader.busy).toBe(true)
    releases[1]?.()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(loader.busy).toBe(false)
    expect(runs).toBe(2)
  })
})
