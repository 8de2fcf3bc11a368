import { InteractionKind } from '@shared/domain'
import { interactionKindLabel, LOGGABLE_KINDS } from '@shared/interactionKinds'
import { Field, FormError } from '../ui/form/Field'
import type { FormErrorsApi } from '../ui/form/useFormErrors'
import { dateInputValue, touchInstant } from './touchDate'

/** A touch as its form holds it: the day as the date input has it. */
export interface TouchDraft {
  day: string
  kind: InteractionKind
  note: string
}

/** The touch form's fields, named as the core names them in its issues. */
export const TOUCH_FIELDS = ['at', 'kind', 'note'] as const
export type TouchField = (typeof TOUCH_FIELDS)[number]

/** A fresh touch: today, a message, no note. */
export function newTouchDraft(now: Date = new Date()): TouchDraft {
  return { day: dateInputValue(now), kind: 'message', note: '' }
}

/** The `at` to send for a draft, or the plain-words reason it cannot be logged. */
export function draftInstant(draft: TouchDraft, now: Date = new Date()) {
  return touchInstant(draft.day, now)
}

/** The date, kind and note fields of a touch, with a refusal under them. */
export function TouchFields(props: {
  draft: TouchDraft
  onChange: (draft: TouchDraft) => void
  /** The form's errors (useFormErrors over TOUCH_FIELDS): beside the fields, a refusal under them. */
  errors: {
    field: (name: TouchField) => ReturnType<FormErrorsApi<string>['field']>
    summary: string | null
  }
  autoFocus?: boolean
  /** Kinds offered; a touch being edited may have a kind the log form does not offer. */
  kinds?: readonly InteractionKind[]
}) {
  const { draft, onChange, errors, autoFocus, kinds = LOGGABLE_KINDS } = props
  const offered = kinds.includes(draft.kind) ? kinds : [draft.kind, ...kinds]
  return (
    <>
      <div className="touch-row">
        <Field label="Date" {...errors.field('at')}>
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
        <Field label="Kind" {...errors.field('kind')}>
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
      <Field label="Note (optional)" {...errors.field('note')}>
        {(p) => (
          <textarea
            {...p}
            rows={2}
            value={draft.note}
            onChange={(e) => onChange({ ...draft, note: e.target.value })}
          />
        )}
      </Field>
      <FormError>{errors.summary}</FormError>
    </>
  )
}
