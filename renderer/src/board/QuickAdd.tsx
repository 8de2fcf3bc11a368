import { useId, useState, type FormEvent } from 'react'
import { call } from '../api/client'
import { useAnnounce } from '../ui/announcer'

/** A one-line form at the top of the Identified column: type a name, press Enter. */
export function QuickAdd() {
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const announce = useAnnounce()
  const errorId = useId()

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    const result = await call('contact.create', { name, stage: 'identified' })
    setBusy(false)
    if (result.ok) {
      setName('')
      setError(null)
      announce(`Added ${result.value.name} to Identified.`)
    } else {
      setError(result.issues?.find((i) => i.path === 'name')?.message ?? result.message)
    }
  }

  return (
    <form className="quick-add" onSubmit={submit}>
      <input
        className="quick-add-input"
        type="text"
        value={name}
        placeholder="Add a person…"
        aria-label="Add a person to Identified"
        aria-invalid={error !== null}
        aria-describedby={error ? errorId : undefined}
        onChange={(event) => {
          setName(event.target.value)
          if (error) setError(null)
        }}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            setName('')
            setError(null)
          }
        }}
      />
      {error && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  )
}
