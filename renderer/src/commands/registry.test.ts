import { describe, expect, it, vi } from 'vitest'
import { COMMANDS } from './commands'
import { HandlerRegistry } from './handlers'
import { dispatchKey, isEnabled, keymapFor, resolveCommands, type KeyEventLike } from './registry'
import type { CommandContext } from './types'

function makeContext(registry = new HandlerRegistry()) {
  const calls: string[] = []
  const context: CommandContext = {
    view: 'today',
    goTo: (view) => calls.push(`goTo:${view}`),
    newContact: () => calls.push('newContact'),
    openContact: (id) => calls.push(`open:${id}`),
    quickLog: () => calls.push('quickLog'),
    undo: () => calls.push('undo'),
    redo: () => calls.push('redo'),
    openPalette: () => calls.push('palette'),
    toggleShortcuts: () => calls.push('shortcuts'),
    focusSearchBox: () => false,
    runHandler: (id) => registry.run(id),
    hasHandler: (id) => registry.active(id) !== undefined,
  }
  return { context, calls, registry }
}

function keydown(key: string, init: Partial<KeyEventLike> = {}): KeyEventLike {
  return {
    key,
    code: /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : '',
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    isComposing: false,
    keyCode: 0,
    defaultPrevented: false,
    target: document.body,
    ...init,
  }
}

function setup(platform: 'mac' | 'other' = 'other') {
  const commands = resolveCommands(platform)
  const byId = new Map<string, (typeof commands)[number]>(commands.map((c) => [c.id, c]))
  const keymap = keymapFor(commands, platform)
  const made = makeContext()
  const press = (key: string, init: Partial<KeyEventLike> = {}, modal = false) =>
    dispatchKey(keydown(key, init), keymap, byId, made.context, modal)
  return { ...made, press }
}

describe('the command table', () => {
  it('has unique ids and shortcuts that parse on both platforms', () => {
    const ids = COMMANDS.map((c) => c.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(() => resolveCommands('mac')).not.toThrow()
    expect(() => resolveCommands('other')).not.toThrow()
  })

  it('binds no shortcut to two commands', () => {
    for (const platform of ['mac', 'other'] as const) {
      const seen = new Map<string, string>()
      for (const command of resolveCommands(platform)) {
        for (const shortcut of command.shortcuts) {
          const key = JSON.stringify(shortcut)
          expect(seen.get(key), `${command.id} vs ${seen.get(key)}`).toBeUndefined()
          seen.set(key, command.id)
        }
      }
    }
  })
})

describe('dispatchKey', () => {
  it('runs single keys, chords and sequences', () => {
    const { press, calls } = setup()
    press('n')
    press('k', { ctrlKey: true })
    press('g')
    press('b')
    press('?', { shiftKey: true })
    expect(calls).toEqual(['newContact', 'palette', 'goTo:board', 'shortcuts'])
  })

  it('uses ⌘ on macOS: Ctrl+K does nothing there', () => {
    const { press, calls } = setup('mac')
    press('k', { ctrlKey: true })
    press('k', { metaKey: true })
    press(',', { metaKey: true })
    expect(calls).toEqual(['palette', 'goTo:settings'])
  })

  it('keeps single keys quiet while typing, but not ⌘/Ctrl chords; undo stays with the field', () => {
    const { press, calls } = setup()
    const input = document.createElement('input')
    const textarea = document.createElement('textarea')
    const editable = document.createElement('div')
    editable.contentEditable = 'true'
    document.body.append(input, textarea, editable)
    for (const target of [input, textarea, editable]) {
      press('n', { target })
      press('g', { target })
      press('b', { target })
      press('z', { ctrlKey: true, target })
    }
    expect(calls).toEqual([])
    press('k', { ctrlKey: true, target: input })
    press('f', { ctrlKey: true, target: textarea })
    expect(calls).toEqual(['palette', 'palette'])
    // A checkbox is not typing.
    const checkbox = document.createElement('input')
    checkbox.type = 'checkbox'
    press('n', { target: checkbox })
    expect(calls).toEqual(['palette', 'palette', 'newContact'])
    input.remove()
    textarea.remove()
    editable.remove()
    checkbox.remove()
  })

  it('does nothing during IME composition, for handled keys or under a modal', () => {
    const { press, calls } = setup()
    press('n', { isComposing: true })
    press('n', { keyCode: 229 })
    press('n', { defaultPrevented: true })
    press('n', {}, true)
    expect(calls).toEqual([])
  })

  it('abandons g when a modal opens before the next key', () => {
    const { press, calls } = setup()
    press('g')
    press('b', {}, true)
    press('b')
    expect(calls).toEqual([])
  })

  it('leaves view commands to the handler a mounted view registered, latest first', () => {
    const { press, calls, registry, context } = setup()
    const edit = COMMANDS.find((c) => c.id === 'contact.edit')
    if (!edit) throw new Error('contact.edit missing')
    expect(isEnabled(edit, context)).toBe(false)
    expect(press('e')).toEqual({ kind: 'none' })

    const board = vi.fn()
    const panel = vi.fn()
    const removeBoard = registry.register('contact.edit', { perform: board })
    let panelOpen = true
    const removePanel = registry.register('contact.edit', {
      perform: panel,
      enabled: () => panelOpen,
    })
    press('e')
    expect(panel).toHaveBeenCalledTimes(1)
    expect(board).not.toHaveBeenCalled()
    panelOpen = false
    press('e')
    expect(board).toHaveBeenCalledTimes(1)
    removePanel()
    removeBoard()
    expect(isEnabled(edit, context)).toBe(false)
    expect(calls).toEqual([])
  })

  it('logs a touch with the person in view, else asks who', () => {
    const { press, calls, registry } = setup()
    press('l')
    expect(calls).toEqual(['quickLog'])
    const logTouch = vi.fn()
    const remove = registry.register('contact.logTouch', { perform: logTouch })
    press('l')
    expect(logTouch).toHaveBeenCalledTimes(1)
    expect(calls).toEqual(['quickLog'])
    remove()
  })

  it('never binds listed-only keys: Esc is left to whoever has focus', () => {
    const { press } = setup()
    expect(press('Escape')).toEqual({ kind: 'none' })
  })
})
