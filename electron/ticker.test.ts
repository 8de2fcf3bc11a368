import { describe, expect, it, vi } from 'vitest'
import { startTicker, TICK_INTERVAL_MS } from './ticker'

describe('startTicker', () => {
  it('ticks at once, every minute on an unref’d timer, and on resume; a failed tick is logged', async () => {
    const tick = vi.fn(async () => {})
    const scheduled: { run: () => void; ms: number }[] = []
    const unref = vi.fn()
    let resume = () => {}
    startTicker({ tick }, { on: (_event, listener) => (resume = listener) }, (run, ms) => {
      scheduled.push({ run, ms })
      return { unref }
    })
    expect(tick).toHaveBeenCalledTimes(1)
    expect(scheduled).toMatchObject([{ ms: TICK_INTERVAL_MS }])
    expect(unref).toHaveBeenCalledOnce()
    resume()
    expect(tick).toHaveBeenCalledTimes(2)
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    tick.mockRejectedValueOnce(new Error('disk'))
    scheduled[0]?.run()
    await vi.waitFor(() => expect(error).toHaveBeenCalledOnce())
    error.mockRestore()
  })
})
