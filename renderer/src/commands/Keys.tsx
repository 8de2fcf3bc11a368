import { chordKeys, formatShortcut, type Platform, type Shortcut } from './shortcuts'

/** Keycaps, one <kbd> each. */
export function Keys({ keys }: { keys: readonly string[] }) {
  return (
    <span className="keys">
      {keys.map((key, index) => (
        <kbd key={index} className="keycap">
          {key}
        </kbd>
      ))}
    </span>
  )
}

/**
 * A shortcut as keycaps ("⌘ K", "g then b"), read out as one phrase ("Ctrl+K") by screen
 * readers instead of key by key.
 */
export function ShortcutKeys({ shortcut, platform }: { shortcut: Shortcut; platform: Platform }) {
  return (
    <span className="shortcut">
      <span className="sr-only">{formatShortcut(shortcut, platform)}</span>
      {shortcut.map((chord, index) => (
        <span key={index} className="shortcut-step" aria-hidden="true">
          {index > 0 && <span className="shortcut-then">then</span>}
          <Keys keys={chordKeys(chord, platform)} />
        </span>
      ))}
    </span>
  )
}
