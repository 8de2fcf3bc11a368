/** The views the top navigation switches between. */
export type View =
  | 'today'
  | 'inbox'
  | 'triage'
  | 'board'
  | 'archive'
  | 'updates'
  | 'coverage'
  | 'trash'
  | 'data'
  | 'settings'

/**
 * `counted` says what a view's badge counts, for screen readers ("to do" unless told); a
 * `quiet` badge is a plain count, not a call to act.
 */
const VIEWS: readonly { id: View; label: string; counted?: string; quiet?: boolean }[] = [
  { id: 'today', label: 'Today' },
  { id: 'inbox', label: 'Inbox', counted: 'to look at', quiet: true },
  { id: 'board', label: 'Board' },
  { id: 'updates', label: 'Updates' },
  { id: 'coverage', label: 'Coverage' },
  { id: 'archive', label: 'Archive', counted: 'people', quiet: true },
  { id: 'trash', label: 'Trash' },
  { id: 'data', label: 'Import / Export' },
  { id: 'settings', label: 'Settings' },
]

/** The app's top bar: its name and the views. */
export function TopNav({
  view,
  onChange,
  counts = {},
}: {
  view: View
  onChange(view: View): void
  /** Things waiting in a view, shown as a badge after its label. */
  counts?: Partial<Record<View, number>>
}) {
  // Triage is the Inbox, one person at a time.
  const here = view === 'triage' ? 'inbox' : view
  return (
    <header className="topbar">
      <span className="brand">Vouch</span>
      <nav aria-label="Main">
        <ul className="nav-list">
          {VIEWS.map((v) => (
            <li key={v.id}>
              <button
                type="button"
                className="nav-link"
                aria-current={here === v.id ? 'page' : undefined}
                aria-label={
                  (counts[v.id] ?? 0) > 0
                    ? `${v.label}, ${counts[v.id]?.toLocaleString()} ${v.counted ?? 'to do'}`
                    : undefined
                }
                onClick={() => onChange(v.id)}
              >
                {v.label}
                {(counts[v.id] ?? 0) > 0 && (
                  <span
                    className={v.quiet ? 'nav-count nav-count-quiet' : 'nav-count'}
                    data-testid={`nav-count-${v.id}`}
                    aria-hidden="true"
                  >
                    {counts[v.id]?.toLocaleString()}
                  </span>
                )}
              </button>
            </li>
          ))}
        </ul>
      </nav>
    </header>
  )
}
