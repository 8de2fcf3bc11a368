import { useEffect, useMemo, useState, type FormEvent } from 'react'
import { interactionKindLabel } from '@shared/interactionKinds'
import { call } from '../api/client'
import { draftInstant, newTouchDraft, TouchFields, type TouchDraft } from '../contact/TouchFields'
import { Field } from '../ui/form/Field'
import { useContacts } from '../store/contacts'
import { Dialog } from '../ui/Dialog'
import { useToasts } from '../ui/toasts'

/** "Log touch…" from the tray: pick who (people due first), the kind and a note. */
export function QuickLogDialog({ onClose }: { onClose(): void }) {
  const { byId } = useContacts()
  const [dueIds, setDueIds] = useState<string[]>([])
  const [contactId, setContactId] = useState('')
  const [draft, setDraft] = useState<TouchDraft>(() => newTouchDraft())
  const [dayError, setDayError] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const toasts = useToasts()

  useEffect(() => {
    void call('reminder.list', {}).then((result) => {
      if (!result.ok) return
      const ids = [...new Set(result.value.due.map((e) => e.contactId))]
      setDueIds(ids)
      setContactId((current) => current || (ids[0] ?? ''))
    })
  }, [])

  const options = useMemo(() => {
    const active = [...byId.values()].filter((c) => c.trashedAt === null)
    const due = new Set(dueIds)
    return active.sort(
      (a, b) => Number(due.has(b.id)) - Number(due.has(a.id)) || a.name.localeCompare(b.name),
    )
  }, [byId, dueIds])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const chosen = contactId || options[0]?.id
    if (!chosen) return
    const when = draftInstant(draft)
    if (!when.ok) {
      setDayError(when.message)
      return
    }
    const { kind, note } = draft
    const result = await call('interaction.log', {
      contactId: chosen,
      kind,
      note,
      ...(when.at === null ? {} : { at: when.at }),
    })
    if (!result.ok) {
      setError(result.message)
      return
    }
    toasts.show({
      message: `Logged ${interactionKindLabel(draft.kind).toLowerCase()} with ${byId.get(chosen)?.name ?? 'them'}.`,
    })
    onClose()
  }

  return (
    <Dialog title="Log a touch" onClose={onClose} testId="quick-log">
      <form className="form" onSubmit={(e) => void submit(e)} noValidate>
        <Field label="With">
          {(p) => (
            <select {...p} value={contactId} onChange={(e) => setContactId(e.target.value)}>
              {options.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {dueIds.includes(c.id) ? ' (due)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        <TouchFields
          draft={draft}
          onChange={(next) => {
            setDraft(next)
            setDayError(undefined)
          }}
          dayError={dayError}
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
