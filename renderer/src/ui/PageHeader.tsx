import type { ReactNode } from 'react'
import './pageHeader.css'

/** The one header every view starts with: its title (the page's h1), a subtitle and actions. */
export function PageHeader({
  title,
  subtitle,
  actions,
  children,
}: {
  title: string
  subtitle?: ReactNode
  /** Buttons on the right: the view's main commands. */
  actions?: ReactNode
  /** A second row under the title, such as a search field or filters. */
  children?: ReactNode
}) {
  return (
    <header className="page-header" data-testid="page-header">
      <div className="page-header-row">
        <div className="page-header-titles">
          <h1 className="page-title">{title}</h1>
          {subtitle && <p className="page-subtitle">{subtitle}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children && <div className="page-header-extra">{children}</div>}
    </header>
  )
}
