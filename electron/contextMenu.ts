import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'

/** A context-menu entry whose click needs none of Electron's arguments. */
export type ContextMenuEntry = MenuItemConstructorOptions & { click?: () => void }

/** The part of Electron's ContextMenuParams the menu is built from. */
export interface ContextMenuRequest {
  isEditable: boolean
  selectionText: string
  misspelledWord: string
  dictionarySuggestions: readonly string[]
  editFlags: {
    canUndo: boolean
    canRedo: boolean
    canCut: boolean
    canCopy: boolean
    canPaste: boolean
    canSelectAll: boolean
  }
}

/** What the spelling items do. */
export interface SpellingActions {
  replace: (word: string) => void
  learn: (word: string) => void
}

/** How many spelling suggestions the menu lists. */
export const MAX_SUGGESTIONS = 5

const separator: ContextMenuEntry = { type: 'separator' }

/**
 * The right-click menu: spelling suggestions and "Add to Dictionary" on a misspelled word, the
 * edit commands in a text field (each enabled as the field allows), Copy on selected text, and
 * nothing elsewhere. Electron shows no context menu of its own, so without this a right-click in
 * a field offers neither Paste nor the spellchecker's suggestions
 * (https://www.electronjs.org/docs/latest/tutorial/spellchecker).
 */
export function contextMenuTemplate(
  request: ContextMenuRequest,
  spelling: SpellingActions,
): ContextMenuEntry[] {
  const entries: ContextMenuEntry[] = []
  const word = request.misspelledWord
  if (request.isEditable && word !== '') {
    const suggestions = request.dictionarySuggestions.slice(0, MAX_SUGGESTIONS)
    if (suggestions.length === 0) entries.push({ label: 'No Guesses Found', enabled: false })
    for (const suggestion of suggestions)
      entries.push({ label: suggestion, click: () => spelling.replace(suggestion) })
    entries.push(separator, { label: 'Add to Dictionary', click: () => spelling.learn(word) })
    entries.push(separator)
  }
  const flags = request.editFlags
  if (request.isEditable) {
    entries.push(
      { role: 'undo', enabled: flags.canUndo },
      { role: 'redo', enabled: flags.canRedo },
      separator,
      { role: 'cut', enabled: flags.canCut },
      { role: 'copy', enabled: flags.canCopy },
      { role: 'paste', enabled: flags.canPaste },
      separator,
      { role: 'selectAll', enabled: flags.canSelectAll },
    )
  } else if (request.selectionText.trim() !== '') {
    entries.push({ role: 'copy', enabled: flags.canCopy })
  }
  return entries
}

/** Pops the context menu up on right-click in the window. */
export function installContextMenu(window: BrowserWindow): void {
  const { webContents } = window
  webContents.on('context-menu', (_event, params) => {
    const template = contextMenuTemplate(params, {
      replace: (word) => webContents.replaceMisspelling(word),
      learn: (word) => void webContents.session.addWordToSpellCheckerDictionary(word),
    })
    if (template.length > 0) Menu.buildFromTemplate(template).popup({ window })
  })
}
