import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { format } from 'date-fns'
import type { Interaction, ReferenceRequest } from '@shared/domain'
import { interactionKindLabel, LOGGABLE_KINDS } from '@shared/interactionKinds'
import { call, subscribe } from '../api/client'
import { FormActions } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { useCommand } from '../ui/useCommand'
import { dateInputValue } from './touchDate'
import { draftInstant, TOUCH_FIELDS, TouchFields, type TouchDraft } from './TouchFields'

/** A contact's touches, newest first: each editable (date, kind, note) and deletable with Undo. */
export function Timeline({ contactId }: { contactId: string }) {
  const [touches, setTouches] = useState<Interaction[] | null>(null)
  const [editing, setEditing] = useState<string | null>(null)
  const list = useRef<HTMLOListElement>(null)
  const { run } = useCommand()

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

  // After an edit closes, its entry's Edit button gets focus once React has rendered it again
  // (not in a frame callback, which can run before the render and find the form still there).
  const [focusAfterEdit, setFocusAfterEdit] = useState<string | null>(null)
  useLayoutEffect(() => {
    if (focusAfterEdit === null || editing !== null) return
    const button = list.current?.querySelector<HTMLElement>(
      `[data-touch-id="${CSS.escape(focusAfterEdit)}"] [data-edit-touch]`,
    )
    if (!button) return
    button.focus()
    setFocusAfterEdit(null)
  }, [focusAfterEdit, editing, touches])

  const remove = async (touch: Interaction) => {
    const result = await run(
      'interaction.delete',
      { id: touch.id },
      { toast: (value) => deletedMessage(touch, value.takenBack), undoable: true },
    )
    // Its row is gone: focus the timeline rather than <body>.
    if (result?.ok) list.current?.focus()
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
                  setFocusAfterEdit(t.id)
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

/** What deleting a touch did, including the thanks or reference it took back. */
function deletedMessage(touch: Interaction, takenBack: readonly ReferenceRequest[]): string {
  const deleted = `Deleted the ${interactionKindLabel(touch.kind).toLowerCase()}.`
  const [first] = takenBack
  if (first === undefined) return deleted
  const what =
    takenBack.length === 1 ? `${first.role} at ${first.company}` : `${takenBack.length} references`
  return touch.kind === 'thank-you'
    ? `${deleted} Thanks owed again for ${what}.`
    : `${deleted} The reference for ${what} is open again.`
}

function EditTouch({ touch, onDone }: { touch: Interaction; onDone: () => void }) {
  const [draft, setDraft] = useState<TouchDraft>({
    day: dateInputValue(new Date(touch.at)),
    kind: touch.kind,
    note: touch.note,
  })
  const errors = useFormErrors(TOUCH_FIELDS)
  const { busy, run } = useCommand(errors)

  const save = async () => {
    const sameDay = draft.day === dateInputValue(new Date(touch.at))
    const when = sameDay ? null : draftInstant(draft)
    if (when !== null && !when.ok) return errors.fail(when.message, 'at')
    const result = await run(
      'interaction.update',
      {
        id: touch.id,
        kind: draft.kind,
        note: draft.note,
        // An unchanged day keeps its time; a new one is that day (now, when it is today).
        ...(when === null ? {} : { at: when.at ?? new Date().toISOString() }),
      },
      { toast: `Saved the ${interactionKindLabel(draft.kind).toLowerCase()}.`, undoable: true },
    )
    if (result?.ok) onDone()
  }

  return (
    <form
      className="form timeline-edit"
      aria-label="Edit touch"
      ref={errors.ref}
      onSubmit={errors.onSubmit(save)}
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
          errors.clear()
        }}
        errors={errors}
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
