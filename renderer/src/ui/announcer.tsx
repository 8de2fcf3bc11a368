import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react'

const AnnounceContext = createContext<(message: string) => void>(() => {})

/** Provides `announce(message)` and renders the one assertive live region that reads it out. */
export function AnnouncerProvider({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('')
  const announce = useCallback((next: string) => setMessage(next), [])
  const value = useMemo(() => announce, [announce])
  return (
    <AnnounceContext.Provider value={value}>
      {children}
      <div className="sr-only" aria-live="assertive" aria-atomic="true" data-testid="announcer">
        {message}
      </div>
    </AnnounceContext.Provider>
  )
}

/** A function that reads a message to screen-reader users. */
export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext)
}
