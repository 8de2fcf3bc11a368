import { format } from 'date-fns'
import { describeLastTouch } from '@shared/cadence'
import type { ContactInsight } from '@shared/workflowContract'
import { readinessExplanation, useInsightsById } from '../workflow/insights'
import { LogTouchButton } from './LogTouch'
import '../workflow/workflow.css'

const STATE_WORDS: Record<ContactInsight['touch']['state'], string> = {
  none: 'no keep-in-touch cadence',
  ok: 'in touch',
  due: 'touch due',
  overdue: 'touch overdue',
}

/** The workflow strip of a card: last touch and its colour, snooze, readiness, and Log touch. */
export function CardInsights({ contactId, name }: { contactId: string; name: string }) {
  const insight = useInsightsById().get(contactId)
  return (
    <div className="card-insights" data-testid="card-insights">
      {insight && <InsightLine insight={insight} />}
      <LogTouchButton contactId={contactId} name={name} />
    </div>
  )
}

function InsightLine({ insight }: { insight: ContactInsight }) {
  const { touch, readiness } = insight
  const state = touch.snoozed ? 'snoozed' : touch.state
  return (
    <>
      <span
        className={`touch-status touch-${state}`}
        data-testid="touch-status"
        data-touch-state={touch.state}
        title={
          touch.dueOn
            ? `${STATE_WORDS[touch.state]}; next touch due ${touch.dueOn}`
            : STATE_WORDS[touch.state]
        }
      >
        <span className="touch-dot" aria-hidden="true" />
        <span className="sr-only">{STATE_WORDS[touch.state]}: </span>
        <span data-testid="last-touch">{describeLastTouch(touch.daysSinceTouch)}</span>
      </span>
      {touch.snoozed && touch.dueAt && (
        <span className="snoozed-badge" data-testid="snoozed">
          Snoozed until {format(new Date(touch.dueAt), 'd MMM')}
        </span>
      )}
      <span
        className="readiness"
        data-testid="readiness"
        tabIndex={0}
        title={readinessExplanation(insight)}
        aria-label={readinessExplanation(insight)}
      >
        Ready {readiness.score}
      </span>
    </>
  )
}
