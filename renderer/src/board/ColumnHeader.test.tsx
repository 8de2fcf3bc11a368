import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { ColumnHeader } from './Column'

afterEach(cleanup)

describe('ColumnHeader', () => {
  it('groups thousands in the count, as the toolbar does, and says it the same way', () => {
    render(<ColumnHeader stage="identified" count={3049} wipLimit={null} />)
    const count = screen.getByTestId('column-count')
    expect(count.textContent).toBe('3,049')
    expect(count.getAttribute('aria-label')).toBe('3,049 people')
  })

  it('shows "count / limit" when a soft limit is set, and an ellipsis while counting', () => {
    const { rerender } = render(<ColumnHeader stage="asked" count={4} wipLimit={3} />)
    expect(screen.getByTestId('column-count').textContent).toBe('4 / 3')
    expect(screen.getByTestId('column-count').getAttribute('aria-label')).toBe(
      '4 people, limit 3, over the limit',
    )
    rerender(<ColumnHeader stage="asked" count={null} wipLimit={3} />)
    expect(screen.getByTestId('column-count').textContent).toBe('…')
  })
})
