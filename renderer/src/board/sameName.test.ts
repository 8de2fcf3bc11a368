import { describe, expect, it } from 'vitest'
import { foldName, sameName } from './sameName'

describe('same-name check for quick add', () => {
  it('ignores accents, case and extra spaces', () => {
    expect(foldName('  Zoë   MARTIN ')).toBe('zoe martin')
    const people = [
      { name: 'Zoë Martin', id: 'a' },
      { name: 'Zoe Martins', id: 'b' },
    ]
    expect(sameName('zoe martin', people)?.id).toBe('a')
    expect(sameName('Zoë', people)).toBeNull()
    expect(sameName('   ', people)).toBeNull()
  })
})
