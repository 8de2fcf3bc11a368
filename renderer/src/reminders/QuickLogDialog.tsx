import { useEffect, useId, useState, type FormEvent } from 'react'
import type { InteractionKind } from '@shared/domain'
import { interactionKindLabel } from '@shared/interactionKinds'
import { call } from '../api/client'
import { TouchFields } from '../contact/TouchFields'
import { Dialog } from '../ui/Dialog'
import { useToasts } from '../ui/toasts'

/** How many people a search offers: enough to pick from, never the whole network. */
const SEARCH_LIMIT = 30

interface Option {
  id: string
  name: string
  due: boolean
}

/** "Log touch…" from the tray: pick who (people due first, or search by name), the kind and a note. */
export function QuickLogDialog({ onClose }: { onClose(): void }) {
  const [due, setDue] = useState<Option[]>([])
  const [search, setSearch] = useState('')
  const [found, setFound] = useState<Option[] | null>(null)
  const [contactId, setContactId] = useState('')
  const [kind, setKind] = useState<InteractionKind>('message')
  const [note, setNote] = useState('')
  const [error, setError] = useState<string | null>(null)
  const toasts = useToasts()
  const id = useId()

  useEffect(() => {
    void call('reminder.list', {}).then((result) => {
      if (!result.ok) return
      const seen = new Map<string, Option>()
      for (const e of result.value.due)
        if (e.kind === 'contact-due')
          seen.set(e.contactId, { id: e.contactId, name: e.name, due: true })
      const options = [...seen.values()]
      setDue(options)
      setContactId((current) => current || (options[0]?.id ?? ''))
    })
  }, [])

  useEffect(() => {
    if (search.trim() === '') {
      setFound(null)
      return
    }
    let live = true
    const timer = setTimeout(() => {
      void call('contact.query', {
        filter: { text: search },
        sort: 'name',
        limit: SEARCH_LIMIT,
      }).then((result) => {
        if (!live || !result.ok) return
        const dueIds = new Set(due.map((d) => d.id))
        const options = result.value.items.map((c) => ({
          id: c.id,
          name: c.name,
          due: dueIds.has(c.id),
        }))
        setFound(options)
        setContactId(options[0]?.id ?? '')
      })
    }, 150)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [search, due])

  const options = found ?? due

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const chosen = options.find((o) => o.id === contactId) ?? options[0]
    if (!chosen) return
    const result = await call('interaction.log', { contactId: chosen.id, kind, note })
    if (!result.ok) {
      setError(result.message)
      return
    }
    toasts.show({
      message: `Logged ${interactionKindLabel(kind).toLowerCase()} with ${chosen.name}.`,
    })
    onClose()
  }

  return (
    <Dialog title="Log a touch" onClose={onClose} testId="quick-log">
      <form className="form" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-find`}>Find a person</label>
        <input
          id={`${id}-find`}
          type="search"
          value={search}
          placeholder="Name, company or tag"
          onChange={(e) => setSearch(e.target.value)}
        />
        <label htmlFor={`${id}-who`}>With</label>
        <select id={`${id}-who`} value={contactId} onChange={(e) => setContactId(e.target.value)}>
          {options.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
              {c.due ? ' (due)' : ''}
            </option>
          ))}
        </select>
        {options.length === 0 && (
          <p className="field-hint">
            {found === null
              ? 'Nobody is due. Search for the person you talked to.'
              : 'Nobody matches.'}
          </p>
        )}
        <TouchFields
          id={id}
          kind={kind}
          onKind={setKind}
          note={note}
          onNote={setNote}
          error={error}
        />
        <div className="form-actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={options.length === 0}>
            Log
          </button>
        </div>
      </form>
    </Dialog>
  )
}
