import { describe, expect, it } from 'vitest'
import { applyTheme } from './theme'

describe('applyTheme', () => {
  it('sets data-theme for Light and Dark and removes it for System', () => {
    const root = document.createElement('html')
    applyTheme('dark', root)
    expect(root.dataset.theme).toBe('dark')
    applyTheme('light', root)
    expect(root.dataset.theme).toBe('light')
    applyTheme('system', root)
    expect(root.hasAttribute('data-theme')).toBe(false)
  })
})
