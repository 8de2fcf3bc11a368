import { describe, expect, it } from 'vitest'
import { DueIndex } from './dueIndex'
import { createRandom } from '@testing/random'

describe('DueIndex', () => {
  it('lists keys due at or before t, earliest first', () => {
    const index = new DueIndex()
    index.upsert('b', 20)
    index.upsert('a', 10)
    index.upsert('c', 30)
    index.upsert('d', 20)
    expect(index.dueBefore(20)).toEqual(['a', 'b', 'd'])
    expect(index.count(20)).toBe(3)
    expect(index.count(9)).toBe(0)
    expect(index.nextDueAfter(20)).toBe(30)
    expect(index.nextDueAfter(30)).toBeNull()
    expect(index.size).toBe(4)
  })

  it('moves a key when it is upserted again and forgets it on remove or null', () => {
    const index = new DueIndex()
    index.upsert('a', 10)
    index.upsert('a', 50)
    expect(index.dueBefore(20)).toEqual([])
    expect(index.get('a')).toBe(50)
    expect(index.nextDueAfter(0)).toBe(50)
    index.upsert('b', 5)
    index.upsert('b', null)
    index.remove('a')
    index.remove('missing')
    expect(index.size).toBe(0)
    expect(index.dueBefore(100)).toEqual([])
    expect(index.nextDueAfter(0)).toBeNull()
  })

  it('keeps a key named __proto__', () => {
    const index = new DueIndex()
    index.upsert('__proto__', 1)
    expect(index.dueBefore(1)).toEqual(['__proto__'])
  })

  it('rejects a non-finite instant', () => {
    expect(() => new DueIndex().upsert('a', Number.NaN)).toThrow(RangeError)
  })

  it('lists keys due in a window, earliest first', () => {
    const index = new DueIndex()
    for (const [key, dueAt] of [
      ['a', 10],
      ['b', 20],
      ['c', 20],
      ['d', 30],
    ] as const)
      index.upsert(key, dueAt)
    expect(index.dueBetween(10, 20)).toEqual(['b', 'c'])
    expect(index.dueBetween(-1, 10)).toEqual(['a'])
    expect(index.dueBetween(30, 100)).toEqual([])
  })

  // Read after every change (changes spliced in one by one) and read rarely (many changes
  // folded in by one sort): both must agree with a brute-force scan.
  it.each([
    { label: 'read after every change', steps: 4000, keyCount: 300, every: 1 },
    { label: 'read every 2,500 changes', steps: 50_000, keyCount: 5000, every: 2500 },
  ])('agrees with a brute-force scan, $label', ({ steps, keyCount, every }) => {
    const random = createRandom(42)
    const index = new DueIndex()
    const truth = new Map<string, number>()
    const span = 1_000_000
    const check = (t: number) => {
      const expected = [...truth]
        .filter(([, dueAt]) => dueAt <= t)
        .sort(([ka, a], [kb, b]) => a - b || (ka < kb ? -1 : 1))
        .map(([key]) => key)
      expect(index.dueBefore(t)).toEqual(expected)
      expect(index.count(t)).toBe(expected.length)
      const later = [...truth.values()].filter((dueAt) => dueAt > t)
      expect(index.nextDueAfter(t)).toBe(later.length > 0 ? Math.min(...later) : null)
      expect(index.size).toBe(truth.size)
      const from = t - span / 4
      expect(index.dueBetween(from, t)).toEqual(
        expected.filter((key) => (truth.get(key) ?? Number.NaN) > from),
      )
    }
    for (let step = 1; step <= steps; step++) {
      const key = `contact:${random.int(keyCount)}`
      const roll = random.next()
      if (roll < 0.15) {
        index.remove(key)
        truth.delete(key)
      } else if (roll < 0.2) {
        index.upsert(key, null)
        truth.delete(key)
      } else {
        const dueAt = random.int(span)
        index.upsert(key, dueAt)
        truth.set(key, dueAt)
      }
      if (step % every === 0) check(random.int(span))
    }
    check(-1)
    check(span)
  })
})
