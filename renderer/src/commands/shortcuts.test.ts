import { describe, expect, it } from 'vitest'
import {
  chordKeys,
  detectPlatform,
  formatShortcut,
  matchesChord,
  parseShortcut,
  type KeyInput,
} from './shortcuts'

function key(key: string, modifiers: Partial<KeyInput> = {}): KeyInput {
  const code = /^[a-z]$/i.test(key) ? `Key${key.toUpperCase()}` : ''
  return {
    key,
    code,
    metaKey: false,
    ctrlKey: false,
    shiftKey: false,
    altKey: false,
    ...modifiers,
  }
}

function first(text: string) {
  const chord = parseShortcut(text)[0]
  if (!chord) throw new Error('no chord')
  return chord
}

describe('parseShortcut', () => {
  it('reads modifiers, named keys and sequences', () => {
    expect(parseShortcut('Shift+Mod+Z')).toEqual([
      { key: 'z', mod: true, ctrl: false, shift: true, alt: false },
    ])
    expect(parseShortcut('g b').map((c) => c.key)).toEqual(['g', 'b'])
    expect(first('Esc').key).toBe('Escape')
    expect(first('Space').key).toBe(' ')
    expect(first('Shift+ArrowDown')).toMatchObject({ key: 'ArrowDown', shift: true })
  })

  it('refuses unknown modifiers and empty keys', () => {
    expect(() => parseShortcut('Hyper+K')).toThrow(/unknown modifier/)
    expect(() => parseShortcut('Mod+')).toThrow(/names no key/)
  })
})

describe('matchesChord', () => {
  it('reads Mod as ⌘ on macOS and Ctrl elsewhere', () => {
    const modK = first('Mod+K')
    expect(matchesChord(modK, key('k', { metaKey: true }), 'mac')).toBe(true)
    expect(matchesChord(modK, key('k', { ctrlKey: true }), 'mac')).toBe(false)
    expect(matchesChord(modK, key('k', { ctrlKey: true }), 'other')).toBe(true)
    expect(matchesChord(modK, key('k', { metaKey: true }), 'other')).toBe(false)
    expect(matchesChord(modK, key('k'), 'other')).toBe(false)
  })

  it('needs exactly the modifiers of the chord', () => {
    expect(matchesChord(first('n'), key('n', { ctrlKey: true }), 'other')).toBe(false)
    expect(matchesChord(first('n'), key('N', { shiftKey: true }), 'other')).toBe(false)
    expect(
      matchesChord(first('Shift+Mod+Z'), key('Z', { shiftKey: true, metaKey: true }), 'mac'),
    ).toBe(true)
    expect(matchesChord(first('Mod+Z'), key('z', { shiftKey: true, metaKey: true }), 'mac')).toBe(
      false,
    )
  })

  it('ignores Shift for symbols, which need it on some layouts only', () => {
    expect(matchesChord(first('?'), key('?', { shiftKey: true }), 'other')).toBe(true)
    expect(matchesChord(first('?'), key('?'), 'mac')).toBe(true)
    expect(matchesChord(first('/'), key('/'), 'other')).toBe(true)
  })

  it('uses the physical letter on non-Latin layouts', () => {
    const cyrillicK = { ...key('л', { ctrlKey: true }), code: 'KeyK' }
    expect(matchesChord(first('Mod+K'), cyrillicK, 'other')).toBe(true)
  })
})

describe('formatting', () => {
  it('shows ⌘ symbols on macOS and Ctrl+ elsewhere', () => {
    expect(formatShortcut(parseShortcut('Mod+K'), 'mac')).toBe('⌘K')
    expect(formatShortcut(parseShortcut('Mod+K'), 'other')).toBe('Ctrl+K')
    expect(formatShortcut(parseShortcut('Shift+Mod+Z'), 'mac')).toBe('⇧⌘Z')
    expect(formatShortcut(parseShortcut('Shift+Mod+Z'), 'other')).toBe('Ctrl+Shift+Z')
    expect(formatShortcut(parseShortcut('g b'), 'other')).toBe('G then B')
    expect(chordKeys(first('Esc'), 'mac')).toEqual(['Esc'])
  })
})

describe('detectPlatform', () => {
  it('prefers userAgentData and falls back to navigator.platform', () => {
    expect(detectPlatform({ platform: 'Linux x86_64', userAgentData: { platform: 'macOS' } })).toBe(
      'mac',
    )
    expect(detectPlatform({ platform: 'MacIntel', userAgentData: { platform: 'Windows' } })).toBe(
      'other',
    )
    expect(detectPlatform({ platform: 'Win32' })).toBe('other')
    expect(detectPlatform({ platform: 'MacIntel' })).toBe('mac')
  })
})
