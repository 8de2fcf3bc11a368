import type { ReactNode } from 'react'

/** A key as printed on a button ("K"); hidden from screen readers, which hear aria-keyshortcuts. */
export function Kbd({ children }: { children: ReactNode }) {
  return (
    <kbd className="kbd" aria-hidden="true">
      {children}
    </kbd>
  )
}
