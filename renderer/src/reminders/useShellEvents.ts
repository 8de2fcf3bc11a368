import { useEffect } from 'react'
import { subscribe } from '../api/client'
import { useStableCallback } from '../ui/useStableCallback'

/** Reacts to what the shell sends: a notification or tray click on a contact, or "Log touch…". */
export function useShellEvents(handlers: { openContact(id: string): void; logTouch(): void }) {
  const openContact = useStableCallback(handlers.openContact)
  const logTouch = useStableCallback(handlers.logTouch)
  useEffect(
    () =>
      subscribe((event) => {
        if (event.type === 'open-contact') openContact(event.contactId)
        if (event.type === 'log-touch') logTouch()
      }),
    [openContact, logTouch],
  )
}
