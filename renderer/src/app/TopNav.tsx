/** The views the top navigation switches between. */
export type View =
  'today' | 'board' | 'dashboard' | 'updates' | 'coverage' | 'trash' | 'data' | 'settings'

const VIEWS: readonly { id: View; label: string }[] = [
  { id: 'today', label: 'Today' },
  { id: 'board', label: 'Board' },
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'updates', label: 'Updates' },
  { id: 'coverage', label: 'Coverage' },
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
                aria-current={view === v.id ? 'page' : undefined}
                aria-label={
                  (counts[v.id] ?? 0) > 0 ? `${v.label}, ${counts[v.id]} to do` : undefined
                }
                onClick={() => onChange(v.id)}
              >
                {v.label}
                {(counts[v.id] ?? 0) > 0 && (
                  <span className="nav-count" data-testid={`nav-count-${v.id}`} aria-hidden="true">
                    {counts[v.id]}
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
