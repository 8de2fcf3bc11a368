import { useEffect, useState } from 'react'
import type { CoreEvent } from '@shared/ipc'
import { subscribe } from '../api/client'

type Notice = Extract<CoreEvent, { type: 'notice' }>

const MAX_SHOWN = 3

/**
 * Reminders the OS could not show as notifications, shown in the app instead, with the
 * one-time hint about why (no notification daemon, notifications turned off).
 */
export function NoticeBanner({
  onOpenContact,
  onOpenReview,
}: {
  onOpenContact: (id: string) => void
  onOpenReview: () => void
}) {
  const [notices, setNotices] = useState<(Notice & { id: number })[]>([])
  const [hint, setHint] = useState<string | null>(null)

  useEffect(() => {
    let next = 0
    return subscribe((event) => {
      if (event.type !== 'notice') return
      if (event.hint) setHint(event.hint)
      const id = next++
      setNotices((shown) => [...shown, { ...event, id }].slice(-MAX_SHOWN))
    })
  }, [])

  if (notices.length === 0 && hint === null) return null
  const dismiss = (id: number) => setNotices((shown) => shown.filter((n) => n.id !== id))
  return (
    <div className="notices" data-testid="notice-banner">
      {hint !== null && (
        <div className="banner banner-info" role="status" data-testid="notice-hint">
          <span className="banner-text">{hint}</span>
          <button type="button" className="button" onClick={() => setHint(null)}>
            Got it
          </button>
        </div>
      )}
      {notices.map(({ id, notification }) => (
        <div key={id} className="banner banner-info" role="status" data-testid="notice">
          <div className="banner-text">
            <strong>{notification.title}</strong>
            <span className="banner-detail">{notification.body}</span>
          </div>
          {(notification.contactId !== undefined || notification.opensReview === true) && (
            <button
              type="button"
              className="button"
              onClick={() => {
                if (notification.opensReview === true) onOpenReview()
                else if (notification.contactId !== undefined) onOpenContact(notification.contactId)
                dismiss(id)
              }}
            >
              {notification.opensReview === true ? 'Start review' : 'Open'}
            </button>
          )}
          <button type="button" className="button" onClick={() => dismiss(id)}>
            Dismiss
          </button>
        </div>
      ))}
    </div>
  )
}
