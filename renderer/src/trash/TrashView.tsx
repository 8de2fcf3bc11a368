import { useCallback, useEffect, useState } from 'react'
import type { Contact } from '@shared/domain'
import { call, subscribe } from '../api/client'
import { useToasts } from '../ui/toasts'
import { roleLine } from '../board/Card'
import './trash.css'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** Deleted contacts, newest first, each with Restore. */
export function TrashView() {
  const [items, setItems] = useState<readonly Contact[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const toasts = useToasts()

  const load = useCallback(async () => {
    const result = await call('contact.trash', {})
    if (result.ok) {
      setItems(
        [...result.value].sort((a, b) => (b.trashedAt ?? '').localeCompare(a.trashedAt ?? '')),
      )
      setError(null)
    } else {
      setError(result.message)
    }
  }, [])

  useEffect(() => {
    void load()
    return subscribe((event) => {
      if (event.type === 'changed') void load()
    })
  }, [load])

  const restore = async (contact: Contact) => {
    const result = await call('contact.restore', { id: contact.id })
    if (result.ok) {
      toasts.show({ message: `Restored ${contact.name}.` })
      void load()
    } else {
      toasts.show({
        tone: 'error',
        message: `Could not restore ${contact.name}: ${result.message}`,
      })
    }
  }

  return (
    <section className="trash-view" aria-labelledby="trash-title">
      <h1 id="trash-title">Trash</h1>
      {error && (
        <p className="board-error" role="alert">
          {error}
        </p>
      )}
      {items === null ? null : items.length === 0 ? (
        <p className="trash-empty">The trash is empty.</p>
      ) : (
        <ul className="trash-list" aria-label="Deleted people">
          {items.map((contact) => (
            <li key={contact.id} className="trash-item" data-testid="trash-item">
              <div className="trash-text">
                <span className="trash-name">{contact.name}</span>
                {roleLine(contact) && <span className="trash-role">{roleLine(contact)}</span>}
                {contact.trashedAt && (
                  <span className="trash-date">
                    Deleted {dateFormat.format(new Date(contact.trashedAt))}
                  </span>
                )}
              </div>
              <button
                type="button"
                className="button"
                aria-label={`Restore ${contact.name}`}
                onClick={() => void restore(contact)}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
