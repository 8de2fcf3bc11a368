import { useId, useState, type FormEvent } from 'react'
import type { Contact } from '@shared/domain'
import { stageLabel } from '@shared/stages'
import { call } from '../api/client'
import { useAnnounce } from '../ui/announcer'
import { sameName } from './sameName'
import { asyncHandler } from '../ui/asyncHandler'

/**
 * A one-line form at the top of the Identified column: type a name, press Enter. A person with
 * the same name (ignoring accents and case) is named first: open them, or add anyway.
 */
export function QuickAdd({ onOpenContact }: { onOpenContact?: (id: string) => void }) {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [twin, setTwin] = useState<Contact | null>(null)
  const [busy, setBusy] = useState(false)
  const announce = useAnnounce()
  const errorId = useId()

  const add = async () => {
    setBusy(true)
    const result = await call('contact.create', { name, stage: 'identified' })
    setBusy(false)
    setTwin(null)
    if (result.ok) {
      setName('')
      setError(null)
      announce(`Added ${result.value.name} to Identified.`)
    } else {
      setError(result.issues?.find((i) => i.path === 'name')?.message ?? result.message)
    }
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    if (twin === null && name.trim() !== '') {
      // Search every person (inbox and archive too): a duplicate anywhere is worth a word.
      const found = await call('contact.query', {
        triage: 'any',
        filter: { text: name.trim().slice(0, 200) },
        limit: 20,
      })
      const existing = found.ok ? sameName(name, found.value.items) : null
      if (existing) {
        setTwin(existing)
        return
      }
    }
    await add()
  }

  return (
    <form className="quick-add" onSubmit={asyncHandler(submit)}>
      <input
        className="quick-add-input"
        type="text"
        value={name}
        placeholder="Add a person…"
        aria-label="Add a person to Identified"
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : twin ? `${errorId}-twin` : undefined}
        onChange={(event) => {
          setName(event.target.value)
          if (error) setError(null)
          if (twin) setTwin(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setName('')
            setError(null)
            setTwin(null)
          }
        }}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
      {twin && (
        <div className="quick-add-twin" role="alert" data-testid="same-name">
          <p id={`${errorId}-twin`}>
            {twin.name} is already in {stageLabel(twin.stage)}
            {twin.triage === 'kept' ? '' : twin.triage === 'inbox' ? ' (Inbox)' : ' (Archive)'}.
          </p>
          <div className="quick-add-twin-actions">
            {onOpenContact && (
              <button
                type="button"
                className="button button-small"
                onClick={() => {
                  setTwin(null)
                  setName('')
                  onOpenContact(twin.id)
                }}
              >
                Open
              </button>
            )}
            <button
              type="button"
              className="button button-small"
              disabled={busy}
              onClick={() => void add()}
            >
              Add anyway
            </button>
          </div>
        </div>
      )}
    </form>
  )
}
