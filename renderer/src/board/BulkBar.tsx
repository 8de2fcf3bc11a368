import { useId, useState } from 'react'
import { RELATIONSHIPS, relationshipLabel } from '@shared/domain'
import type { BulkInput } from '@shared/boardContract'
import { STAGES, stageLabel } from '@shared/stages'
import { useAnnounce } from '../ui/announcer'
import { FieldError } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { useCommand } from '../ui/useCommand'
import { people } from './boardModel'

type Changes = Omit<BulkInput, 'ids'>

/** The past-tense sentence of a bulk change: "Moved 240 people to Building". */
export function bulkMessage(changes: Changes, count: number): string {
  const who = people(count)
  const set = changes.set ?? {}
  if (changes.trash) return `Moved ${who} to the trash`
  if (set.stage) return `Moved ${who} to ${stageLabel(set.stage)}`
  if (set.triage === 'archived') return `Archived ${who}`
  if (set.triage === 'inbox') return `Sent ${who} back to the inbox`
  if (set.relationship) return `Set ${who} to ${relationshipLabel(set.relationship)}`
  if (set.cadenceDays !== undefined)
    return set.cadenceDays === null
      ? `Cleared the cadence of ${who}`
      : `Set a ${set.cadenceDays}-day cadence for ${who}`
  if (set.snoozedUntil) return `Snoozed ${who}`
  if (changes.addTags?.length) return `Tagged ${who} “${changes.addTags.join(', ')}”`
  if (changes.removeTags?.length) return `Removed “${changes.removeTags.join(', ')}” from ${who}`
  return `Changed ${who}`
}

type Panel = 'tags' | 'cadence' | 'snooze' | null

/** Actions on every selected person at once: one contact.bulk, one undo step. */
export function BulkBar({
  ids,
  onDone,
  onClear,
}: {
  ids: ReadonlySet<string>
  onDone: () => void
  onClear: () => void
  /** Unused: the toast's Undo is the app's undo (useCommand). Left until Board stops passing it. */
  undo?: () => Promise<void>
}) {
  const announce = useAnnounce()
  const errors = useFormErrors([])
  const { busy, run: runCommand } = useCommand(errors)
  const [panel, setPanel] = useState<Panel>(null)
  const [tag, setTag] = useState('')
  const [cadence, setCadence] = useState('30')
  const [until, setUntil] = useState('')
  const id = useId()
  const count = ids.size

  const run = async (changes: Changes) => {
    const result = await runCommand(
      'contact.bulk',
      { ids: [...ids], ...changes },
      { toast: (value) => bulkMessage(changes, value.changed), undoable: true },
    )
    if (!result?.ok) return
    setPanel(null)
    announce(`${bulkMessage(changes, result.value.changed)}.`)
    onDone()
  }

  const onSelect = (value: string, apply: (value: string) => Changes | null) => {
    const changes = apply(value)
    if (changes) void run(changes)
  }

  return (
    <section className="bulk-bar" aria-label="Selected people" data-testid="bulk-bar">
      <span className="bulk-count" aria-live="polite">
        {people(count)} selected
      </span>
      <select
        aria-label="Move selected to stage"
        value=""
        disabled={busy}
        onChange={(e) =>
          onSelect(e.target.value, (v) => {
            const stage = STAGES.find((s) => s.id === v)?.id
            return stage ? { set: { stage } } : null
          })
        }
      >
        <option value="">Move to…</option>
        {STAGES.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label}
          </option>
        ))}
      </select>
      <select
        aria-label="Set relationship of selected"
        value=""
        disabled={busy}
        onChange={(e) =>
          onSelect(e.target.value, (v) => {
            const relationship = RELATIONSHIPS.find((r) => r === v)
            return relationship ? { set: { relationship } } : null
          })
        }
      >
        <option value="">Relationship…</option>
        {RELATIONSHIPS.map((r) => (
          <option key={r} value={r}>
            {relationshipLabel(r)}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button button-small"
        aria-expanded={panel === 'tags'}
        onClick={() => setPanel(panel === 'tags' ? null : 'tags')}
      >
        Tags…
      </button>
      <button
        type="button"
        className="button button-small"
        aria-expanded={panel === 'cadence'}
        onClick={() => setPanel(panel === 'cadence' ? null : 'cadence')}
      >
        Cadence…
      </button>
      <button
        type="button"
        className="button button-small"
        aria-expanded={panel === 'snooze'}
        onClick={() => setPanel(panel === 'snooze' ? null : 'snooze')}
      >
        Snooze…
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void run({ set: { triage: 'archived' } })}
      >
        Archive
      </button>
      <button
        type="button"
        className="button button-small"
        disabled={busy}
        onClick={() => void run({ set: { triage: 'inbox' } })}
      >
        Back to inbox
      </button>
      <button
        type="button"
        className="button button-small button-danger"
        disabled={busy}
        onClick={() => void run({ trash: true })}
      >
        Delete
      </button>
      <button type="button" className="button button-small button-link" onClick={onClear}>
        Clear selection
      </button>
      {panel === 'tags' && (
        <form
          className="bulk-panel"
          onSubmit={errors.onSubmit(() => tag.trim() && run({ addTags: [tag.trim()] }))}
        >
          <input
            aria-label="Tag"
            placeholder="Tag"
            value={tag}
            autoFocus
            onChange={(e) => setTag(e.target.value)}
          />
          <button type="submit" className="button button-small button-primary" disabled={busy}>
            Add tag
          </button>
          <button
            type="button"
            className="button button-small"
            disabled={busy || tag.trim() === ''}
            onClick={() => void run({ removeTags: [tag.trim()] })}
          >
            Remove tag
          </button>
        </form>
      )}
      {panel === 'cadence' && (
        <form
          className="bulk-panel"
          onSubmit={errors.onSubmit(() => {
            const days = cadence.trim() === '' ? null : Number(cadence)
            if (days !== null && !Number.isInteger(days))
              return errors.fail('Give the cadence as a whole number of days, or leave it empty.')
            return run({ set: { cadenceDays: days } })
          })}
        >
          <label htmlFor={`${id}-cadence`}>Keep in touch every</label>
          <input
            id={`${id}-cadence`}
            inputMode="numeric"
            value={cadence}
            autoFocus
            onChange={(e) => setCadence(e.target.value)}
          />
          <span>days (empty: the stage’s default)</span>
          <button type="submit" className="button button-small button-primary" disabled={busy}>
            Set cadence
          </button>
        </form>
      )}
      {panel === 'snooze' && (
        <form
          className="bulk-panel"
          onSubmit={errors.onSubmit(() => {
            if (!/^\d{4}-\d{2}-\d{2}$/.test(until))
              return errors.fail('Pick the day the snooze ends.')
            // The snooze ends at the start of that local day.
            return run({ set: { snoozedUntil: new Date(`${until}T00:00:00`).toISOString() } })
          })}
        >
          <label htmlFor={`${id}-until`}>Snooze until</label>
          <input
            id={`${id}-until`}
            type="date"
            value={until}
            autoFocus
            onChange={(e) => setUntil(e.target.value)}
          />
          <button type="submit" className="button button-small button-primary" disabled={busy}>
            Snooze
          </button>
        </form>
      )}
      <FieldError alert>{errors.summary}</FieldError>
    </section>
  )
}
