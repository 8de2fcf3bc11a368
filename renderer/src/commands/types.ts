import type { View } from '../app/TopNav'

/** Headings of the `?` overlay and the palette, in the order they are shown. */
export const SECTIONS = ['General', 'Go to', 'People', 'On a card', 'Triage'] as const
export type Section = (typeof SECTIONS)[number]

/** What the app shell lends to commands: the current view and the things only it can do. */
export interface AppActions {
  readonly view: View
  goTo: (view: View) => void
  newContact: () => void
  openContact: (id: string) => void
  /** The quick log dialog: pick a person, then the touch. */
  quickLog: () => void
  undo: () => void
  redo: () => void
}

/** Everything a command's `perform` and `enabled` may read or do. */
export interface CommandContext extends AppActions {
  openPalette: () => void
  toggleShortcuts: () => void
  /** Run the handler the mounted views registered for `id` (the topmost enabled one); false when none is. */
  runHandler: (id: string) => boolean
  /** Focus the current view's search box (the first visible search field in the main region); false when it has none. */
  focusSearchBox: () => boolean
  /** Whether a mounted view registered an enabled handler for `id`. */
  hasHandler: (id: string) => boolean
}

/** Shortcuts written as parseShortcut reads them; per platform where they differ. */
export type ShortcutSpec = readonly string[] | { mac: readonly string[]; other: readonly string[] }

/**
 * One user command: the single source the keyboard handler, the `?` overlay and the palette read.
 * A command without `perform` is performed by the view that registered a handler for it with
 * useCommandHandler(id, handler), and is enabled only while one is registered and enabled.
 */
export interface CommandSpec {
  readonly id: string
  readonly title: string
  readonly section: Section
  readonly shortcuts?: ShortcutSpec
  /** More words the palette finds the command by. */
  readonly keywords?: readonly string[]
  /** A few words on when the keys apply ("on a focused card"), shown in the overlay. */
  readonly hint?: string
  /**
   * Whether the shortcuts also fire while typing in a field. By default only ⌘/Ctrl/Alt chords
   * do; undo sets false so a field's own undo wins.
   */
  readonly whileTyping?: boolean
  /** False keeps the command out of the palette (keys that only mean something on a focused card). */
  readonly inPalette?: boolean
  /**
   * Keys the focused element or the open dialog handles itself (Esc, Tab): listed under `?`,
   * never bound by the keyboard handler nor offered by the palette.
   */
  readonly listedOnly?: boolean
  perform?: (context: CommandContext) => void
  enabled?: (context: CommandContext) => boolean
}
