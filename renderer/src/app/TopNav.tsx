import { useActiveView, useBoardViews } from './savedViews'
import { ViewsNav } from './ViewsNav'

/** The views the navigation switches between. */
export type View =
  | 'today'
  | 'dashboard'
  | 'inbox'
  | 'triage'
  | 'board'
  | 'archive'
  | 'updates'
  | 'coverage'
  | 'trash'
  | 'data'
  | 'settings'

/** One entry of the sidebar. */
export interface NavEntry {
  id: View
  label: string
  /** The work views, or the housekeeping ones at the sidebar's foot. */
  group: 'work' | 'manage'
  /** What the badge counts, for screen readers ("to do" unless told). */
  counted?: string
  /** A plain count, not a call to act: drawn muted. */
  quiet?: boolean
}

/** The one table of views, in sidebar order: others append here. Triage is reached from the Inbox. */
export const VIEWS: readonly NavEntry[] = [
  { id: 'today', label: 'Today', group: 'work' },
  { id: 'inbox', label: 'Inbox', group: 'work', counted: 'to look at', quiet: true },
  { id: 'board', label: 'Board', group: 'work' },
  { id: 'updates', label: 'Updates', group: 'work' },
  { id: 'coverage', label: 'Coverage', group: 'work' },
  { id: 'dashboard', label: 'Dashboard', group: 'work' },
  { id: 'archive', label: 'Archive', group: 'manage', counted: 'people', quiet: true },
  { id: 'data', label: 'Import / Export', group: 'manage' },
  { id: 'trash', label: 'Trash', group: 'manage' },
  { id: 'settings', label: 'Settings', group: 'manage' },
]

/**
 * The app's navigation: a fixed-width left sidebar with the views and their counts
 * right-aligned, so nothing shifts when a count or the current view changes; the board's
 * saved views are listed under the work views.
 */
export function TopNav({
  view,
  onChange,
  counts = {},
}: {
  view: View
  onChange: (view: View) => void
  /** Things waiting in a view, shown right-aligned after its label. */
  counts?: Partial<Record<View, number>>
}) {
  // Triage is the Inbox, one person at a time.
  const here = view === 'triage' ? 'inbox' : view
  const inView = useActiveView(useBoardViews()) !== null && here === 'board'
  const link = (v: NavEntry) => {
    const count = counts[v.id] ?? 0
    return (
      <li key={v.id}>
        <button
          type="button"
          className={inView && v.id === 'board' ? 'nav-link nav-link-parent' : 'nav-link'}
          aria-current={here === v.id ? 'page' : undefined}
          onClick={() => onChange(v.id)}
        >
          <span className="nav-label">
            {v.label}
            {/* The name starts with the visible label, as voice control users say it (WCAG 2.5.3). */}
            {count > 0 && (
              <span className="nav-count-text">
                , {count.toLocaleString()} {v.counted ?? 'to do'}
              </span>
            )}
          </span>
          {count > 0 && (
            <>
              <span
                className={v.quiet ? 'nav-count nav-count-quiet' : 'nav-count'}
                data-testid={`nav-count-${v.id}`}
                aria-hidden="true"
              >
                {count.toLocaleString()}
              </span>
            </>
          )}
        </button>
      </li>
    )
  }
  return (
    <header className="sidebar">
      <span className="brand">Vouch</span>
      <nav aria-label="Main" className="sidebar-nav">
        <div className="nav-top">
          <ul className="nav-list">{VIEWS.filter((v) => v.group === 'work').map(link)}</ul>
          <ViewsNav view={view} goTo={onChange} />
        </div>
        <ul className="nav-list nav-list-foot">
          {VIEWS.filter((v) => v.group === 'manage').map(link)}
        </ul>
      </nav>
    </header>
  )
}
