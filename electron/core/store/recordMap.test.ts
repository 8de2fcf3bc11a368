import { describe, expect, it } from 'vitest'
import { createRandom } from '@testing/random'
import { RecordMap } from './recordMap'

interface Rec {
  id: string
  n: number
}

const ids = (map: Map<string, Rec>) => [...map.keys()].sort()

describe('RecordMap', () => {
  it('starts from an array and reads like a Map before, during and after indexing', () => {
    const records = Array.from({ length: 10 }, (_, n) => ({ id: `r${n}`, n }))
    const map = new RecordMap(records)
    expect(map.fullyIndexed).toBe(false)
    expect(map.size).toBe(10)
    expect(map.indexSome(4)).toBe(false)
    expect(map.size).toBe(10)
    const seen: string[] = []
    map.forEach((value, key, self) => {
      expect(value.id).toBe(key)
      expect(self).toBe(map)
      seen.push(key)
    })
    // forEach reads the rest of the array without indexing it.
    expect(map.fullyIndexed).toBe(false)
    expect(seen).toEqual(records.map((r) => r.id))
    expect(map.get('r7')).toEqual({ id: 'r7', n: 7 })
    expect(map.fullyIndexed).toBe(true)
    expect([...map.values()].map((r) => r.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9])
    expect(map.indexSome(4)).toBe(true)
  })

  it('keeps an id named __proto__ as a plain key', () => {
    const map = new RecordMap([{ id: '__proto__', n: 1 }])
    expect(map.has('__proto__')).toBe(true)
    expect(map.get('__proto__')?.n).toBe(1)
  })

  it('agrees with a plain Map over random operations interleaved with background indexing', () => {
    const random = createRandom(11)
    for (let trial = 0; trial < 40; trial++) {
      const initial = Array.from({ length: random.int(300) }, (_, n) => ({ id: `r${n}`, n }))
      const map = new RecordMap(initial)
      const truth = new Map(initial.map((r) => [r.id, r]))
      for (let step = 0; step < 200; step++) {
        const id = `r${random.int(400)}`
        switch (random.int(8)) {
          case 0:
            map.indexSome(1 + random.int(50))
            break
          case 1:
            expect(map.get(id)).toBe(truth.get(id))
            break
          case 2:
            expect(map.has(id)).toBe(truth.has(id))
            break
          case 3: {
            const value = { id, n: step }
            map.set(id, value)
            truth.set(id, value)
            break
          }
          case 4:
            expect(map.delete(id)).toBe(truth.delete(id))
            break
          case 5: {
            const seen: Rec[] = []
            map.forEach((value) => seen.push(value))
            expect(seen.map((r) => r.id).sort()).toEqual(ids(truth))
            expect(new Set(seen)).toEqual(new Set(truth.values()))
            break
          }
          default:
            expect(map.size).toBe(truth.size)
        }
      }
      expect(map.size).toBe(truth.size)
      expect(ids(map)).toEqual(ids(truth))
      expect(new Map(map)).toEqual(truth)
    }
  })
})
