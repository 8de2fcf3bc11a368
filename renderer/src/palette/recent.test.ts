import { describe, expect, it } from 'vitest'
import { RECENT_LIMIT, RecentList } from './recent'

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial))
  return {
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  }
}

describe('RecentList', () => {
  it('keeps the latest first, without repeats, up to the limit, across reloads', () => {
    const storage = memoryStorage()
    const list = new RecentList('k', storage)
    for (let i = 0; i < RECENT_LIMIT + 2; i++) list.note(`id${i}`)
    list.note('id3')
    expect(list.list()[0]).toBe('id3')
    expect(list.list()).toHaveLength(RECENT_LIMIT)
    expect(new Set(list.list()).size).toBe(RECENT_LIMIT)
    expect(new RecentList('k', storage).list()).toEqual(list.list())
    list.forget('id3')
    expect(list.list()).not.toContain('id3')
  })

  it('survives damaged storage and a storage that refuses writes', () => {
    expect(new RecentList('k', memoryStorage({ k: '{not json' })).list()).toEqual([])
    expect(new RecentList('k', memoryStorage({ k: '[1, "a", null]' })).list()).toEqual(['a'])
    const refusing = {
      getItem: () => null,
      setItem: () => {
        throw new Error('quota')
      },
    }
    const list = new RecentList('k', refusing)
    list.note('a')
    expect(list.list()).toEqual(['a'])
  })
})
