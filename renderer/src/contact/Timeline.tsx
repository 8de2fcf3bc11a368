import { useEffect, useRef, useState, type FormEvent } from 'react'
import { format } from 'date-fns'
import type { Interaction } from '@shared/domain'
import { interactionKindLabel, LOGGABLE_KINDS } from '@shared/interactionKinds'
import { call, subscribe } from '../api/client'
import { FormActions } from '../ui/form/Field'
import { useToasts } from '../ui/toasts'
import { dateInputValue } from './touchDate'
import { draftInstant, TouchFields, type TouchDraft } from './TouchFields'
import { useContactActions } from './useContactActions'
import { asyncHandler } from '../ui/asyncHandler'

/** A contact's touches, newest first: each editable (date, kind, note) and deletable with Undo. */
export function Timeline({ contactId }: { contactId: string }) {
  const [touches, setTouches] = useState<Interaction[] | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const list = useRef<HTMLOListElement>(null)
  const toasts = useToasts()
  const { undo } = useContactActions()

  useEffect(() => {
    let live = true
    const load = () =>
      void call('interaction.list', { contactId }).then((result) => {
        if (live && result.ok) setTouches(result.value)
      })
    load()
    const unsubscribe = subscribe((event) => {
      if (event.type === 'changed' && event.collections.includes('interactions')) load()
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [contactId])

  const focusEditButton = (id: string) =>
    requestAnimationFrame(() =>
      list.current
        ?.querySelector<HTMLElement>(`[data-touch-id="${CSS.escape(id)}"] [data-edit-touch]`)
        ?.focus(),
    )

  const remove = async (touch: Interaction) => {
    const result = await call('interaction.delete', { id: touch.id })
    if (!result.ok) {
      toasts.show({ tone: 'error', message: result.message })
      return
    }
    // Its row is gone: focus the timeline rather than <body>.
    list.current?.focus()
    toasts.show({
      message: `Deleted the ${interactionKindLabel(touch.kind).toLowerCase()}.`,
      action: { label: 'Undo', run: () => void undo() },
    })
  }

  if (touches === null) return null
  if (touches.length === 0) return <p className="workflow-muted">No touches logged yet.</p>
  return (
    <ol className="timeline" aria-label="Timeline" ref={list} tabIndex={-1}>
      {touches.map((t) => {
        const when = format(new Date(t.at), 'd MMM yyyy')
        const kind = interactionKindLabel(t.kind)
        return (
          <li key={t.id} className="timeline-item" data-testid="timeline-item" data-touch-id={t.id}>
            {editing === t.id ? (
              <EditTouch
                touch={t}
                onDone={() => {
                  setEditing(null)
                  focusEditButton(t.id)
                }}
              />
            ) : (
              <>
                <div className="timeline-line">
                  <time className="timeline-when" dateTime={t.at}>
                    {when}
                  </time>
                  <strong data-testid="timeline-kind">{kind}</strong>
                  <span className="timeline-tools">
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      data-edit-touch
                      aria-label={`Edit ${kind.toLowerCase()} of ${when}`}
                      onClick={() => setEditing(t.id)}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      className="icon-button icon-button-small"
                      aria-label={`Delete ${kind.toLowerCase()} of ${when}`}
                      onClick={() => void remove(t)}
                    >
                      ×
                    </button>
                  </span>
                </div>
                {t.note && <p className="timeline-note">{t.note}</p>}
              </>
            )}
          </li>
        )
      })}
    </ol>
  )
}

function EditTouch({ touch, onDone }: { touch: Interaction; onDone: () => void }) {
  const [draft, setDraft] = useState<TouchDraft>({
    day: dateInputValue(new Date(touch.at)),
    kind: touch.kind,
    note: touch.note,
  })
  const [dayError, setDayError] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const toasts = useToasts()
  const { undo } = useContactActions()

  const save = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    const sameDay = draft.day === dateInputValue(new Date(touch.at))
    const when = sameDay ? null : draftInstant(draft)
    if (when !== null && !when.ok) {
      setDayError(when.message)
      return
    }
    setBusy(true)
    const result = await call('interaction.update', {
      id: touch.id,
      kind: draft.kind,
      note: draft.note,
      // An unchanged day keeps its time; a new one is that day (now, when it is today).
      ...(when === null ? {} : { at: when.at ?? new Date().toISOString() }),
    })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    toasts.show({
      message: `Saved the ${interactionKindLabel(draft.kind).toLowerCase()}.`,
      action: { label: 'Undo', run: () => void undo() },
    })
    onDone()
  }

  return (
    <form
      className="form timeline-edit"
      aria-label="Edit touch"
      onSubmit={asyncHandler(save)}
      noValidate
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          // Esc cancels this edit only, not the whole panel.
          event.preventDefault()
          event.stopPropagation()
          onDone()
        }
      }}
    >
      <TouchFields
        draft={draft}
        onChange={(next) => {
          setDraft(next)
          setDayError(undefined)
        }}
        dayError={dayError}
        error={error}
        autoFocus
        kinds={LOGGABLE_KINDS}
      />
      <FormActions>
        <button type="button" className="button button-small" onClick={onDone}>
          Cancel
        </button>
        <button type="submit" className="button button-small button-primary" disabled={busy}>
          Save
        </button>
      </FormActions>
    </form>
  )
}
