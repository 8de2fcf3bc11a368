import type { View } from '../app/TopNav'
import type { CommandContext, CommandSpec } from './types'

/** "Go to" commands: one per view, "g" then its letter. A new view adds one line here. */
const GO_TO: readonly { view: View; title: string; key: string; keywords?: readonly string[] }[] = [
  { view: 'today', title: 'Today', key: 't', keywords: ['due', 'home'] },
  { view: 'inbox', title: 'Inbox', key: 'i', keywords: ['triage', 'imported', 'linkedin'] },
  { view: 'board', title: 'Board', key: 'b', keywords: ['kanban', 'stages'] },
  { view: 'dashboard', title: 'Dashboard', key: 'd', keywords: ['progress', 'charts', 'review'] },
  { view: 'updates', title: 'Updates', key: 'u', keywords: ['accomplishments', 'news'] },
  { view: 'coverage', title: 'Coverage', key: 'c', keywords: ['skills', 'gaps'] },
  { view: 'archive', title: 'Archive', key: 'a', keywords: ['not now', 'archived'] },
  { view: 'trash', title: 'Trash', key: 'r', keywords: ['deleted', 'restore'] },
  {
    view: 'data',
    title: 'Import / Export',
    key: 'e',
    keywords: ['import', 'export', 'linkedin', 'csv', 'vcard', 'backup'],
  },
  { view: 'settings', title: 'Settings', key: 's', keywords: ['preferences', 'reminders'] },
]

/** Settings also opens with the platform's usual ⌘, / Ctrl+, */
const EXTRA_GO_TO: Partial<Record<View, readonly string[]>> = { settings: ['Mod+,'] }

/**
 * Every command of the app. Views perform the ones without `perform` through useCommandHandler;
 * `listedOnly` ones are keys handled where focus is, listed so `?` tells the whole story.
 */
export const COMMANDS = [
  {
    id: 'palette.open',
    title: 'Find a command or person',
    section: 'General',
    shortcuts: ['Mod+K'],
    inPalette: false,
    perform: (context) => context.openPalette(),
  },
  {
    id: 'shortcuts.show',
    title: 'Show keyboard shortcuts',
    section: 'General',
    shortcuts: ['?'],
    keywords: ['help', 'keys', 'keyboard'],
    perform: (context) => context.toggleShortcuts(),
  },
  {
    id: 'search.focus',
    title: 'Search',
    section: 'General',
    shortcuts: ['/', 'Mod+F'],
    hint: 'the view’s search box, or people',
    keywords: ['find', 'filter'],
    // The view's own search (a registered handler, else its search box); else the palette, which searches everyone.
    perform: (context) => {
      if (!context.runHandler('search.focus') && !context.focusSearchBox()) context.openPalette()
    },
  },
  {
    id: 'undo',
    title: 'Undo',
    section: 'General',
    shortcuts: ['Mod+Z'],
    whileTyping: false,
    perform: (context) => context.undo(),
  },
  {
    id: 'redo',
    title: 'Redo',
    section: 'General',
    shortcuts: { mac: ['Shift+Mod+Z'], other: ['Shift+Mod+Z', 'Ctrl+Y'] },
    whileTyping: false,
    perform: (context) => context.redo(),
  },
  {
    id: 'dialog.close',
    title: 'Close the dialog, menu or panel',
    section: 'General',
    shortcuts: ['Esc'],
    hint: 'focus goes back where it was',
    listedOnly: true,
  },
  {
    id: 'view.rename',
    title: 'Rename the saved view',
    section: 'General',
    shortcuts: ['F2'],
    hint: 'on a view in the sidebar',
    listedOnly: true,
  },
  ...GO_TO.map(
    ({ view, title, key, keywords }) =>
      ({
        id: `go.${view}` as const,
        title: `Go to ${title}`,
        section: 'Go to',
        shortcuts: [`g ${key}`, ...(EXTRA_GO_TO[view] ?? [])],
        keywords,
        perform: (context: CommandContext) => context.goTo(view),
      }) satisfies CommandSpec,
  ),
  {
    id: 'contact.new',
    title: 'New contact',
    section: 'People',
    shortcuts: ['n', 'Mod+N'],
    keywords: ['add', 'person', 'create'],
    perform: (context) => context.newContact(),
  },
  {
    id: 'contact.logTouch',
    title: 'Log a touch',
    section: 'People',
    shortcuts: ['l'],
    hint: 'with the open or focused person; else pick someone',
    keywords: ['message', 'call', 'meeting', 'interaction'],
    // The person in view when a view offers one; otherwise the quick log asks who.
    perform: (context) => {
      if (!context.runHandler('contact.logTouch')) context.quickLog()
    },
  },
  {
    id: 'contact.edit',
    title: 'Edit the person',
    section: 'People',
    shortcuts: ['e'],
    hint: 'the open person',
  },
  {
    id: 'contact.move',
    title: 'Move to a stage…',
    section: 'People',
    shortcuts: ['m'],
    hint: 'the open or focused person',
    keywords: ['stage', 'column'],
  },
  {
    id: 'card.open',
    title: 'Open the person',
    section: 'On a card',
    shortcuts: ['Enter'],
    inPalette: false,
  },
  {
    id: 'card.select',
    title: 'Select or unselect',
    section: 'On a card',
    shortcuts: ['x'],
    inPalette: false,
  },
  {
    id: 'card.extendSelection',
    title: 'Extend the selection',
    section: 'On a card',
    shortcuts: ['Shift+ArrowDown', 'Shift+ArrowUp'],
    inPalette: false,
  },
  {
    id: 'card.pickUp',
    title: 'Pick up or drop (arrows move it)',
    section: 'On a card',
    shortcuts: ['Space'],
    inPalette: false,
  },
  // Triage handles its own keys (it must answer before anything else, without waiting on disk).
  {
    id: 'triage.start',
    title: 'Start triage',
    section: 'Triage',
    shortcuts: ['t'],
    hint: 'in the Inbox',
    listedOnly: true,
  },
  {
    id: 'triage.keep',
    title: 'Keep: put them on the board',
    section: 'Triage',
    shortcuts: ['k'],
    listedOnly: true,
  },
  {
    id: 'triage.archive',
    title: 'Not now: archive them',
    section: 'Triage',
    shortcuts: ['a'],
    listedOnly: true,
  },
  {
    id: 'triage.skip',
    title: 'Skip for now',
    section: 'Triage',
    shortcuts: ['s'],
    listedOnly: true,
  },
  {
    id: 'triage.undo',
    title: 'Undo the last decision',
    section: 'Triage',
    shortcuts: ['z'],
    hint: 'or the usual undo',
    listedOnly: true,
  },
  {
    id: 'triage.credibility',
    title: 'Set credibility before keeping',
    section: 'Triage',
    shortcuts: ['1', '2', '3', '4', '5'],
    listedOnly: true,
  },
] as const satisfies readonly CommandSpec[]

/** The id of a command in the table: what useCommandHandler and runCommand accept. */
export type CommandId = (typeof COMMANDS)[number]['id']
