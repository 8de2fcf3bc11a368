import { useEffect, useState } from 'react'
import { interactionKindLabel } from '@shared/interactionKinds'
import { call } from '../api/client'
import {
  draftInstant,
  newTouchDraft,
  TOUCH_FIELDS,
  TouchFields,
  type TouchDraft,
} from '../contact/TouchFields'
import { Field, FormActions } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { Dialog } from '../ui/Dialog'
import { useCommand } from '../ui/useCommand'

const FIELDS = ['contactId', ...TOUCH_FIELDS] as const

/** How many people a search offers: enough to pick from, never the whole network. */
const SEARCH_LIMIT = 30

interface Option {
  id: string
  name: string
  due: boolean
}

/** "Log touch…" from the tray: pick who (people due first, or search by name), the kind and a note. */
export function QuickLogDialog({ onClose }: { onClose: () => void }) {
  const [due, setDue] = useState<Option[]>([])
  const [search, setSearch] = useState('')
  const [found, setFound] = useState<Option[] | null>(null)
  const [contactId, setContactId] = useState('')
  const [draft, setDraft] = useState<TouchDraft>(() => newTouchDraft())
  const errors = useFormErrors(FIELDS)
  const { busy, run } = useCommand(errors)

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

  const save = async () => {
    const chosen = options.find((o) => o.id === contactId) ?? options[0]
    if (!chosen) return
    const when = draftInstant(draft)
    if (!when.ok) return errors.fail(when.message, 'at')
    const { kind, note } = draft
    const result = await run(
      'interaction.log',
      { contactId: chosen.id, kind, note, ...(when.at === null ? {} : { at: when.at }) },
      { toast: `Logged ${interactionKindLabel(kind).toLowerCase()} with ${chosen.name}.` },
    )
    if (result?.ok) onClose()
  }

  return (
    <Dialog title="Log a touch" onClose={onClose} testId="quick-log">
      <form className="form" ref={errors.ref} onSubmit={errors.onSubmit(save)} noValidate>
        <Field label="Find a person">
          {(p) => (
            <input
              {...p}
              type="search"
              value={search}
              placeholder="Name, company or tag"
              onChange={(e) => setSearch(e.target.value)}
            />
          )}
        </Field>
        <Field label="With" {...errors.field('contactId')}>
          {(p) => (
            <select {...p} value={contactId} onChange={(e) => setContactId(e.target.value)}>
              {options.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                  {c.due ? ' (due)' : ''}
                </option>
              ))}
            </select>
          )}
        </Field>
        {options.length === 0 && (
          <p className="field-hint">
            {found === null
              ? 'Nobody is due. Search for the person you talked to.'
              : 'Nobody matches.'}
          </p>
        )}
        <TouchFields
          draft={draft}
          onChange={(next) => {
            setDraft(next)
            errors.clear()
          }}
          errors={errors}
        />
        <FormActions>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button-primary"
            disabled={busy || options.length === 0}
          >
            Log
          </button>
        </FormActions>
      </form>
    </Dialog>
  )
}
