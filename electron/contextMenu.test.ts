import { describe, expect, it, vi } from 'vitest'

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => ({ Menu: {} }))

const { contextMenuTemplate, MAX_SUGGESTIONS } = await import('./contextMenu')
type Request = Parameters<typeof contextMenuTemplate>[0]
type Entry = ReturnType<typeof contextMenuTemplate>[number]

const allowed = {
  canUndo: true,
  canRedo: false,
  canCut: true,
  canCopy: true,
  canPaste: true,
  canSelectAll: true,
}
function request(overrides: Partial<Request> = {}): Request {
  return {
    isEditable: false,
    selectionText: '',
    misspelledWord: '',
    dictionarySuggestions: [],
    editFlags: allowed,
    ...overrides,
  }
}
const names = (entries: Entry[]) =>
  entries.map((e) => e.role ?? (e.type === 'separator' ? '—' : e.label))
const spelling = () => ({ replace: vi.fn(), learn: vi.fn() })

describe('contextMenuTemplate', () => {
  it('offers the edit commands in a text field, each enabled as the field allows', () => {
    const entries = contextMenuTemplate(request({ isEditable: true }), spelling())
    expect(names(entries)).toEqual(['undo', 'redo', '—', 'cut', 'copy', 'paste', '—', 'selectAll'])
    expect(entries.find((e) => e.role === 'redo')?.enabled).toBe(false)
    expect(entries.find((e) => e.role === 'paste')?.enabled).toBe(true)
  })

  it('puts spelling suggestions and Add to Dictionary first on a misspelled word', () => {
    const actions = spelling()
    const suggestions = ['reference', 'referee', 'refer', 'referent', 'refence', 'refine']
    const entries = contextMenuTemplate(
      request({ isEditable: true, misspelledWord: 'refrence', dictionarySuggestions: suggestions }),
      actions,
    )
    expect(names(entries).slice(0, MAX_SUGGESTIONS + 3)).toEqual([
      ...suggestions.slice(0, MAX_SUGGESTIONS),
      '—',
      'Add to Dictionary',
      '—',
    ])
    entries[0]?.click?.()
    entries.find((e) => e.label === 'Add to Dictionary')?.click?.()
    expect(actions.replace).toHaveBeenCalledWith('reference')
    expect(actions.learn).toHaveBeenCalledWith('refrence')
    const none = contextMenuTemplate(
      request({ isEditable: true, misspelledWord: 'qqxz' }),
      spelling(),
    )
    expect(none[0]).toMatchObject({ label: 'No Guesses Found', enabled: false })
  })

  it('offers Copy on selected page text and nothing on a bare page', () => {
    expect(names(contextMenuTemplate(request({ selectionText: 'Ada' }), spelling()))).toEqual([
      'copy',
    ])
    expect(contextMenuTemplate(request({ selectionText: '  ' }), spelling())).toEqual([])
    expect(contextMenuTemplate(request(), spelling())).toEqual([])
  })
})
