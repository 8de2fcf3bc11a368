import { describe, expect, it } from 'vitest'
import { rankCommands } from './rank'

const commands = [
  { title: 'New contact', keywords: ['add', 'person'] },
  { title: 'Go to Settings', keywords: ['preferences'] },
  { title: 'Go to Import / Export', keywords: ['linkedin', 'csv'] },
  { title: 'Show keyboard shortcuts', keywords: ['help'] },
]

describe('rankCommands', () => {
  it('finds by the start of title words, then by keywords', () => {
    expect(rankCommands(commands, 'settings').map((c) => c.title)).toEqual(['Go to Settings'])
    expect(rankCommands(commands, 'linked').map((c) => c.title)).toEqual(['Go to Import / Export'])
    expect(rankCommands(commands, 'KEYB SHORT').map((c) => c.title)).toEqual([
      'Show keyboard shortcuts',
    ])
    expect(rankCommands(commands, 'zzz')).toEqual([])
  })

  it('ranks a title that starts with the text above a keyword match', () => {
    const ranked = rankCommands(
      [{ title: 'Go to Import / Export', keywords: ['add people'] }, { title: 'Add a tag' }],
      'add',
    )
    expect(ranked.map((c) => c.title)).toEqual(['Add a tag', 'Go to Import / Export'])
  })
})
