import { describe, expect, it } from 'vitest'
import type { Contact } from '@shared/domain'
import { makeContact } from '@testing/builders'
import { emptyStoreState } from '@testing/core/storeState'
import { BoardIndex } from './boardIndex'

function contact(id: string, order: number, stage: Contact['stage'] = 'identified'): Contact {
  return makeContact({ id, name: id, stage, order })
}

function boardOf(contacts: Contact[]): BoardIndex {
  const board = new BoardIndex()
  board.rebuild(emptyStoreState({ contacts: new Map(contacts.map((c) => [c.id, c])) }))
  return board
}

describe('BoardIndex.columnWithout', () => {
  const a = contact('a', 0)
  const b = contact('b', 1)
  const c = contact('c', 1)
  const d = contact('d', 0, 'building')
  const board = boardOf([c, a, b, d])

  it('leaves out the contact and keeps the order of the others', () => {
    expect(board.columnWithout('identified', b).map((x) => x.id)).toEqual(['a', 'c'])
    expect(board.columnWithout('identified', a).map((x) => x.id)).toEqual(['b', 'c'])
  })

  it('returns the whole column for a contact of another column, or none', () => {
    expect(board.columnWithout('identified', d).map((x) => x.id)).toEqual(['a', 'b', 'c'])
    expect(board.columnWithout('identified', undefined).map((x) => x.id)).toEqual(['a', 'b', 'c'])
  })
})
