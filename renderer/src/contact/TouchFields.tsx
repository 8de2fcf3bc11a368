import { useState } from 'react'
import { InteractionKind } from '@shared/domain'
import { interactionKindLabel, LOGGABLE_KINDS } from '@shared/interactionKinds'
import { Field, FormError } from '../ui/form/Field'
import { dateInputValue, touchInstant } from './touchDate'

/** A touch as its form holds it: the day as the date input has it. */
export interface TouchDraft {
  day: string
  kind: InteractionKind
  note: string
}

/** A fresh touch: today, a message, no note. */
export function newTouchDraft(now: Date = new Date()): TouchDraft {
  return { day: dateInputValue(now), kind: 'message', note: '' }
}

/** The `at` to send for a draft, or the plain-words reason it cannot be logged. */
export function draftInstant(draft: TouchDraft, now: Date = new Date()) {
  return touchInstant(draft.day, now)
}

/**
 * A touch form's state: the draft, the problem with its date (cleared by any change) and the
 * core's refusal. `fields` are TouchFields' props.
 */
export function useTouchDraft(initial: () => TouchDraft) {
  const [draft, setDraft] = useState<TouchDraft>(initial)
  const [dayError, setDayError] = useState<string | undefined>()
  const [error, setError] = useState<string | null>(null)
  const onChange = (next: TouchDraft) => {
    setDraft(next)
    setDayError(undefined)
  }
  return {
    draft,
    fields: { draft, onChange, dayError, error },
    /** Shows why the date cannot be logged, beside it. */
    refuseDay: (message: string) => setDayError(message),
    setError,
    /** Back to a fresh draft with no problems shown. */
    reset: () => {
      onChange(initial())
      setError(null)
    },
  }
}

/** The date, kind and note fields of a touch, with a refusal under them. */
export function TouchFields(props: {
  draft: TouchDraft
  onChange: (draft: TouchDraft) => void
  /** The problem with the date, shown beside it. */
  dayError?: string | undefined
  error: string | null
  autoFocus?: boolean
  /** Kinds offered; a touch being edited may have a kind the log form does not offer. */
  kinds?: readonly InteractionKind[]
}) {
  const { draft, onChange, dayError, error, autoFocus, kinds = LOGGABLE_KINDS } = props
  const offered = kinds.includes(draft.kind) ? kinds : [draft.kind, ...kinds]
  return (
    <>
      <div className="touch-row">
        <Field label="Date" name="day" error={dayError}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.day}
              max={dateInputValue(new Date())}
              required
              onChange={(e) => onChange({ ...draft, day: e.target.value })}
            />
          )}
        </Field>
        <Field label="Kind">
          {(p) => (
            <select
              {...p}
              value={draft.kind}
              autoFocus={autoFocus}
              onChange={(event) => {
                const parsed = InteractionKind.safeParse(event.target.value)
                if (parsed.success) onChange({ ...draft, kind: parsed.data })
              }}
            >
              {offered.map((k) => (
                <option key={k} value={k}>
                  {interactionKindLabel(k)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Note (optional)">
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={draft.note}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
          />
        )}
      </Field>
      <FormError>{error}</FormError>
    </>
  )
}
