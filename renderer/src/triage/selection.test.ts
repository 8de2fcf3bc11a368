import { describe, expect, it } from 'vitest'
import { isSelected, NONE, resolveSelection, selectAll, selectedCount, toggle } from './selection'
import { pagesCovering } from './pagedContacts'

describe('selection', () => {
  it('picks ids one by one', () => {
    const picked = toggle(toggle(NONE, 'a'), 'b')
    expect(isSelected(picked, 'a')).toBe(true)
    expect(isSelected(picked, 'c')).toBe(false)
    expect(selectedCount(picked, 100)).toBe(2)
    expect(selectedCount(toggle(picked, 'a'), 100)).toBe(1)
    expect(resolveSelection(picked, ['c', 'b', 'a'])).toEqual(['b', 'a'])
  })

  it('selects all matching, minus the ones unticked since', () => {
    const all = toggle(selectAll(), 'b')
    expect(isSelected(all, 'a')).toBe(true)
    expect(isSelected(all, 'b')).toBe(false)
    expect(selectedCount(all, 2000)).toBe(1999)
    expect(resolveSelection(all, ['a', 'b', 'c'])).toEqual(['a', 'c'])
    expect(isSelected(toggle(all, 'b'), 'b')).toBe(true)
  })
})

describe('pagesCovering', () => {
  it('lists the pages a range of rows falls in', () => {
    expect(pagesCovering(0, 0, 100)).toEqual([0])
    expect(pagesCovering(95, 130, 100)).toEqual([0, 1])
    expect(pagesCovering(250, 420, 100)).toEqual([2, 3, 4])
    expect(pagesCovering(5, 4, 100)).toEqual([])
  })
})
