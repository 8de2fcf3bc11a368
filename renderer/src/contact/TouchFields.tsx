import { InteractionKind } from '@shared/domain'
import { interactionKindLabel, LOGGABLE_KINDS } from '@shared/interactionKinds'

/** The kind and note fields of a touch, with the core's refusal under them. */
export function TouchFields(props: {
  id: string
  kind: InteractionKind
  onKind: (kind: InteractionKind) => void
  note: string
  onNote: (note: string) => void
  error: string | null
  autoFocus?: boolean
}) {
  const { id, kind, onKind, note, onNote, error, autoFocus } = props
  return (
    <>
      <label htmlFor={`${id}-kind`}>Kind</label>
      <select
        id={`${id}-kind`}
        value={kind}
        autoFocus={autoFocus}
        onChange={(event) => {
          const parsed = InteractionKind.safeParse(event.target.value)
          if (parsed.success) onKind(parsed.data)
        }}
      >
        {LOGGABLE_KINDS.map((k) => (
          <option key={k} value={k}>
            {interactionKindLabel(k)}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-note`}>Note (optional)</label>
      <textarea id={`${id}-note`} rows={2} value={note} onChange={(e) => onNote(e.target.value)} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </>
  )
}
