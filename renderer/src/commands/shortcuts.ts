/** The two keyboard families Vouch tells apart: ⌘ on macOS, Ctrl everywhere else. */
export type Platform = 'mac' | 'other'

/**
 * One key press with its modifiers. `mod` is the platform's command modifier (⌘ on macOS, Ctrl
 * elsewhere); `ctrl` is the Control key itself, used only where a shortcut really means Control.
 */
export interface Chord {
  key: string
  mod: boolean
  ctrl: boolean
  shift: boolean
  alt: boolean
}

/** A shortcut: one chord ("Mod+K", "?") or a sequence of chords typed one after the other ("g b"). */
export type Shortcut = readonly Chord[]

/** The platform of this renderer, from userAgentData where Chromium offers it, else navigator.platform. */
export function detectPlatform(
  nav: { platform: string; userAgentData?: unknown } = navigator,
): Platform {
  const data = nav.userAgentData
  const platform =
    typeof data === 'object' &&
    data !== null &&
    'platform' in data &&
    typeof data.platform === 'string'
      ? data.platform
      : nav.platform
  return /mac|iphone|ipad/i.test(platform) ? 'mac' : 'other'
}

const KEY_ALIASES: Readonly<Record<string, string>> = {
  esc: 'Escape',
  escape: 'Escape',
  enter: 'Enter',
  space: ' ',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  arrowup: 'ArrowUp',
  arrowdown: 'ArrowDown',
  arrowleft: 'ArrowLeft',
  arrowright: 'ArrowRight',
  backspace: 'Backspace',
  delete: 'Delete',
  tab: 'Tab',
}

/** A key name as KeyboardEvent.key spells it, letters in lower case. */
function normalizeKey(key: string): string {
  const alias = KEY_ALIASES[key.toLowerCase()]
  if (alias) return alias
  return key.length === 1 ? key.toLowerCase() : key
}

function parseChord(text: string): Chord {
  // "Mod++" would be ambiguous; a plus key is written "Plus".
  const parts = text.split('+')
  const key = parts.pop()
  if (key === undefined || key === '') throw new Error(`Shortcut "${text}" names no key.`)
  const chord: Chord = {
    key: normalizeKey(key === 'Plus' ? '+' : key),
    mod: false,
    ctrl: false,
    shift: false,
    alt: false,
  }
  for (const part of parts) {
    switch (part.toLowerCase()) {
      case 'mod':
        chord.mod = true
        break
      case 'ctrl':
        chord.ctrl = true
        break
      case 'shift':
        chord.shift = true
        break
      case 'alt':
        chord.alt = true
        break
      default:
        throw new Error(`Shortcut "${text}" has an unknown modifier "${part}".`)
    }
  }
  return chord
}

/**
 * Parse "Mod+K", "Shift+Mod+Z", "?", "Esc" or a sequence "g b" (chords separated by spaces; the
 * space bar itself is "Space"). Throws on a malformed shortcut: they are written in code, not typed.
 */
export function parseShortcut(text: string): Shortcut {
  const chords = text.trim().split(/\s+/).map(parseChord)
  if (chords.length === 0) throw new Error('An empty shortcut.')
  return chords
}

/** The fields of a keyboard event that matching reads, so tests can pass plain objects. */
export type KeyInput = Pick<
  KeyboardEvent,
  'key' | 'code' | 'metaKey' | 'ctrlKey' | 'shiftKey' | 'altKey'
>

/** Modifier keys pressed on their own: they never start, end or break a shortcut. */
export function isModifierKey(key: string): boolean {
  return (
    key === 'Shift' ||
    key === 'Control' ||
    key === 'Alt' ||
    key === 'Meta' ||
    key === 'CapsLock' ||
    key === 'AltGraph' ||
    key === 'OS'
  )
}

/**
 * The key as a shortcut compares it: letters in lower case; on layouts that type other letters
 * (Cyrillic, Greek…) or under Option on macOS, the Latin letter of the physical key instead.
 */
function eventKey(event: KeyInput): string {
  const key = normalizeKey(event.key)
  if (/^[a-z]$/.test(key)) return key
  const letter = /^Key([A-Z])$/.exec(event.code)
  if (letter?.[1] && (key.length === 1 || key === 'Dead')) return letter[1].toLowerCase()
  return key
}

/** Whether a key press is this chord on this platform. */
export function matchesChord(chord: Chord, event: KeyInput, platform: Platform): boolean {
  if (eventKey(event) !== chord.key) return false
  const wantMeta = platform === 'mac' && chord.mod
  const wantCtrl = chord.ctrl || (platform === 'other' && chord.mod)
  if (event.metaKey !== wantMeta || event.ctrlKey !== wantCtrl || event.altKey !== chord.alt)
    return false
  // "?" or "/" need Shift on some layouts and not on others: only letters and named keys check it.
  const symbol = chord.key.length === 1 && !/^[a-z0-9 ]$/.test(chord.key)
  return symbol || event.shiftKey === chord.shift
}

const MAC_SYMBOLS: Readonly<Record<string, string>> = {
  Escape: 'Esc',
  Enter: '↩',
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
  Backspace: '⌫',
  Delete: '⌦',
  Tab: '⇥',
}

const OTHER_NAMES: Readonly<Record<string, string>> = {
  Escape: 'Esc',
  ' ': 'Space',
  ArrowUp: '↑',
  ArrowDown: '↓',
  ArrowLeft: '←',
  ArrowRight: '→',
}

function keyLabel(key: string, platform: Platform): string {
  const named = (platform === 'mac' ? MAC_SYMBOLS : OTHER_NAMES)[key]
  if (named) return named
  return key.length === 1 ? key.toUpperCase() : key
}

/**
 * How a chord reads on this platform, as keycaps: ["⇧", "⌘", "Z"] on macOS (Apple's order:
 * Control, Option, Shift, Command), ["Ctrl", "Shift", "Z"] elsewhere.
 */
export function chordKeys(chord: Chord, platform: Platform): string[] {
  const keys: string[] = []
  if (platform === 'mac') {
    if (chord.ctrl) keys.push('⌃')
    if (chord.alt) keys.push('⌥')
    if (chord.shift) keys.push('⇧')
    if (chord.mod) keys.push('⌘')
  } else {
    if (chord.ctrl || chord.mod) keys.push('Ctrl')
    if (chord.alt) keys.push('Alt')
    if (chord.shift) keys.push('Shift')
  }
  // Letters as printed on the key: "L", not an "l" that reads as "I".
  keys.push(keyLabel(chord.key, platform))
  return keys
}

/** A shortcut as one line of text: "⌘K", "Ctrl+K", "G then B", for screen readers and tooltips. */
export function formatShortcut(shortcut: Shortcut, platform: Platform): string {
  return shortcut
    .map((chord) => chordKeys(chord, platform).join(platform === 'mac' ? '' : '+'))
    .join(' then ')
}

/** Whether a shortcut uses ⌘/Ctrl (or Alt): such shortcuts also work while typing in a field. */
export function hasCommandModifier(shortcut: Shortcut): boolean {
  return shortcut.some((chord) => chord.mod || chord.ctrl || chord.alt)
}
