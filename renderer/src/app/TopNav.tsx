/** The views the navigation switches between. */
export type View = 'today' | 'board' | 'updates' | 'coverage' | 'trash' | 'data' | 'settings'

/**
 * The one table of views, in sidebar order: others append here. `group` splits the sidebar
 * into the work views and the housekeeping ones at its foot.
 */
export const VIEWS: readonly { id: View; label: string; group: 'work' | 'manage' }[] = [
  { id: 'today', label: 'Today', group: 'work' },
  { id: 'board', label: 'Board', group: 'work' },
  { id: 'updates', label: 'Updates', group: 'work' },
  { id: 'coverage', label: 'Coverage', group: 'work' },
  { id: 'data', label: 'Import / Export', group: 'manage' },
  { id: 'trash', label: 'Trash', group: 'manage' },
  { id: 'settings', label: 'Settings', group: 'manage' },
]

/**
 * The app's navigation: a fixed-width left sidebar with the views and their counts
 * right-aligned, so nothing shifts when a count or the current view changes.
 */
export function TopNav({
  view,
  onChange,
  counts = {},
}: {
  view: View
  onChange(view: View): void
  /** Things waiting in a view, shown right-aligned after its label. */
  counts?: Partial<Record<View, number>>
}) {
  const link = (v: (typeof VIEWS)[number]) => {
    const count = counts[v.id] ?? 0
    return (
      <li key={v.id}>
        <button
          type="button"
          className="nav-link"
          aria-current={view === v.id ? 'page' : undefined}
          aria-label={count > 0 ? `${v.label}, ${count} to do` : undefined}
          onClick={() => onChange(v.id)}
        >
          <span className="nav-label">{v.label}</span>
          {count > 0 && (
            <span className="nav-count" data-testid={`nav-count-${v.id}`} aria-hidden="true">
              {count}
            </span>
          )}
        </button>
      </li>
    )
  }
  return (
    <header className="sidebar">
      <span className="brand">Vouch</span>
      <nav aria-label="Main" className="sidebar-nav">
        <ul className="nav-list">{VIEWS.filter((v) => v.group === 'work').map(link)}</ul>
        <ul className="nav-list nav-list-foot">
          {VIEWS.filter((v) => v.group === 'manage').map(link)}
        </ul>
      </nav>
    </header>
  )
}
