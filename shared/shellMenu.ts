// What the app menu asks of the renderer. The shell builds its menus from these tables and
// the renderer handles exactly these, so the two cannot drift apart.

/** Menu commands sent to the renderer as `{ type: 'menu', action }`. */
export const MENU_ACTIONS = ['new-contact', 'import', 'export', 'find', 'settings'] as const
/** One menu command. */
export type MenuAction = (typeof MENU_ACTIONS)[number]

/**
 * The Go menu, in order: item n has the accelerator Cmd/Ctrl+n. Sent as `{ type: 'go', view }`.
 * Settings is not here: it has Cmd/Ctrl+, of its own.
 */
export const GO_VIEWS = [
  { view: 'today', label: 'Today' },
  { view: 'inbox', label: 'Inbox' },
  { view: 'board', label: 'Board' },
  { view: 'dashboard', label: 'Dashboard' },
  { view: 'updates', label: 'Updates' },
  { view: 'coverage', label: 'Coverage' },
  { view: 'data', label: 'Import / Export' },
  { view: 'trash', label: 'Trash' },
] as const satisfies readonly { view: string; label: string }[]
/** A view the Go menu can show. */
export type GoView = (typeof GO_VIEWS)[number]['view']
