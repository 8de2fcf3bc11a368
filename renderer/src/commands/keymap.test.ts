import { describe, expect, it } from 'vitest'
import { Keymap, type Binding } from './keymap'
import { parseShortcut, type KeyInput } from './shortcuts'

function press(key: string, modifiers: Partial<KeyInput> = {}): KeyInput {
  return {
    key,
    code: /^[a-z]$/.test(key) ? `Key${key.toUpperCase()}` : '',
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    ...modifiers,
  }
}

const bindings: Binding[] = [
  { id: 'go.board', shortcut: parseShortcut('g b') },
  { id: 'go.today', shortcut: parseShortcut('g t') },
  { id: 'contact.new', shortcut: parseShortcut('n') },
  { id: 'palette.open', shortcut: parseShortcut('Mod+K') },
]
const always = () => true

describe('Keymap', () => {
  it('runs single-key and chord bindings', () => {
    const keymap = new Keymap(bindings, 'other')
    expect(keymap.press(press('n'), always)).toEqual({ kind: 'run', id: 'contact.new' })
    expect(keymap.press(press('k', { ctrlKey: true }), always)).toEqual({
      kind: 'run',
      id: 'palette.open',
    })
  })

  it('runs g then b, offering what may follow g', () => {
    const keymap = new Keymap(bindings, 'other')
    const started = keymap.press(press('g'), always)
    expect(started.kind).toBe('pending')
    if (started.kind === 'pending') {
      expect(started.prefix).toEqual(['g'])
      expect(started.next.map((b) => b.id)).toEqual(['go.board', 'go.today'])
    }
    expect(keymap.prefix).toEqual(['g'])
    expect(keymap.press(press('b'), always)).toEqual({ kind: 'run', id: 'go.board' })
    expect(keymap.prefix).toBeNull()
  })

  it('abandons a sequence after one key that does not continue it, and does not run that key', () => {
    const keymap = new Keymap(bindings, 'other')
    keymap.press(press('g'), always)
    expect(keymap.press(press('n'), always)).toEqual({ kind: 'cancelled' })
    // The next key is fresh again: n now runs.
    expect(keymap.press(press('n'), always)).toEqual({ kind: 'run', id: 'contact.new' })
    // And b alone means nothing.
    expect(keymap.press(press('b'), always)).toEqual({ kind: 'none' })
  })

  it('waits out modifier key presses inside a sequence', () => {
    const keymap = new Keymap(bindings, 'other')
    keymap.press(press('g'), always)
    expect(keymap.press(press('Shift'), always)).toEqual({ kind: 'none' })
    expect(keymap.press(press('t'), always)).toEqual({ kind: 'run', id: 'go.today' })
  })

  it('lets a refused binding neither run nor start a sequence', () => {
    const keymap = new Keymap(bindings, 'other')
    const noGo = (binding: Binding) => !binding.id.startsWith('go.')
    expect(keymap.press(press('g'), noGo)).toEqual({ kind: 'none' })
    expect(keymap.press(press('b'), always)).toEqual({ kind: 'none' })
  })

  it('forgets a sequence on reset', () => {
    const keymap = new Keymap(bindings, 'other')
    keymap.press(press('g'), always)
    keymap.reset()
    expect(keymap.press(press('b'), always)).toEqual({ kind: 'none' })
  })
})
