import { useEffect, useState } from 'react'
import { format } from 'date-fns'
import type { Interaction } from '@shared/domain'
import { interactionKindLabel } from '@shared/interactionKinds'
import { call, subscribe } from '../api/client'
import { useToasts } from '../ui/toasts'
import { useContactActions } from './useContactActions'

/** A contact's touches, newest first, each deletable with Undo. */
export function Timeline({ contactId }: { contactId: string }) {
  const [touches, setTouches] = useState<Interaction[] | null>(null)
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

  const remove = async (touch: Interaction) => {
    const result = await call('interaction.delete', { id: touch.id })
    if (!result.ok) {
      toasts.show({ tone: 'error', message: result.message })
      return
    }
    toasts.show({
      message: `Deleted the ${interactionKindLabel(touch.kind).toLowerCase()}.`,
      action: { label: 'Undo', run: () => void undo() },
    })
  }

  if (touches === null) return null
  if (touches.length === 0) return <p className="workflow-muted">No touches logged yet.</p>
  return (
    <ol className="timeline" aria-label="Timeline">
      {touches.map((t) => (
        <li key={t.id} className="timeline-item" data-testid="timeline-item">
          <time className="timeline-when" dateTime={t.at}>
            {format(new Date(t.at), 'd MMM yyyy')}
          </time>
          <strong data-testid="timeline-kind">{interactionKindLabel(t.kind)}</strong>
          <button
            type="button"
            className="icon-button"
            aria-label={`Delete ${interactionKindLabel(t.kind).toLowerCase()} of ${format(new Date(t.at), 'd MMM yyyy')}`}
            onClick={() => void remove(t)}
          >
            ×
          </button>
          {t.note && <span className="timeline-note">{t.note}</span>}
        </li>
      ))}
    </ol>
  )
}
