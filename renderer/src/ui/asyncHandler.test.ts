import { afterEach, describe, expect, it, vi } from 'vitest'
import { asyncHandler } from './asyncHandler'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('asyncHandler', () => {
  it('passes the event on and returns nothing', async () => {
    const seen: string[] = []
    const handler = asyncHandler(async (name: string) => {
      await Promise.resolve()
      seen.push(name)
    })
    expect(handler('submit')).toBeUndefined()
    await vi.waitFor(() => expect(seen).toEqual(['submit']))
  })

  it('logs a rejection instead of leaving it unhandled', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {})
    const failure = new Error('a bug in a handler')
    asyncHandler(() => Promise.reject(failure))()
    await vi.waitFor(() =>
      expect(logged).toHaveBeenCalledWith('Unexpected error in a handler', failure),
    )
  })
})
