import { useEffect } from 'react'
import type { GoView, MenuAction } from '@shared/shellMenu'
import { subscribe } from '../api/client'
import { useStableCallback } from '../ui/useStableCallback'

/**
 * Reacts to what the shell sends: a notification or tray click on a contact, the weekly
 * review's notification, "Log touch…", and the app menu's commands and Go menu.
 */
export function useShellEvents(handlers: {
  openContact: (id: string) => void
  openReview: () => void
  logTouch: () => void
  menu: (action: MenuAction) => void
  go: (view: GoView) => void
}) {
  const openContact = useStableCallback(handlers.openContact)
  const openReview = useStableCallback(handlers.openReview)
  const logTouch = useStableCallback(handlers.logTouch)
  const menu = useStableCallback(handlers.menu)
  const go = useStableCallback(handlers.go)
  useEffect(
    () =>
      subscribe((event) => {
        if (event.type === 'open-contact') openContact(event.contactId)
        if (event.type === 'open-review') openReview()
        if (event.type === 'log-touch') logTouch()
        if (event.type === 'menu') menu(event.action)
        if (event.type === 'go') go(event.view)
      }),
    [openContact, openReview, logTouch, menu, go],
  )
}
