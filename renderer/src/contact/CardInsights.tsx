import { differenceInCalendarDays, format, parseISO } from 'date-fns'
import { describeLastTouch } from '@shared/cadence'
import type { ContactInsight } from '@shared/workflowContract'
import { readinessExplanation } from '../workflow/insights'
import { useCoreNow, useInsight } from '../store/insights'
import { dueText } from '../board/boardModel'
import '../workflow/workflow.css'

const STATE_WORDS: Record<ContactInsight['touch']['state'], string> = {
  none: 'no keep-in-touch cadence',
  ok: 'in touch',
  due: 'touch due',
  overdue: 'touch overdue',
}

/** Days from the core's today to the due day: negative once it has passed. */
function daysUntil(dueOn: string | null, now: Date | null): number | null {
  if (dueOn === null || now === null) return null
  return differenceInCalendarDays(parseISO(dueOn), now)
}

/**
 * A card's due indicator: a coloured dot and the days until the next touch is due ("12d"). Its
 * tooltip says when the last touch was, when the next is due, and the readiness score with its
 * parts, so no number on the card goes unexplained.
 */
export function DueIndicator({ contactId }: { contactId: string }) {
  const insight = useInsight(contactId)
  const now = useCoreNow()
  if (!insight) return <span className="touch-status touch-loading" aria-hidden="true" />
  const { touch } = insight
  const state = touch.snoozed ? 'snoozed' : touch.state
  const days = daysUntil(touch.dueOn, now)
  const lastTouch = describeLastTouch(touch.daysSinceTouch)
  const due =
    touch.snoozed && touch.dueAt
      ? `Snoozed until ${format(new Date(touch.dueAt), 'd MMM')}`
      : touch.dueOn
        ? `${STATE_WORDS[touch.state]}; next touch due ${format(parseISO(touch.dueOn), 'd MMM yyyy')}`
        : STATE_WORDS[touch.state]
  const explanation = [
    `${due}.`,
    `${lastTouch.charAt(0).toUpperCase()}${lastTouch.slice(1)}.`,
    readinessExplanation(insight),
  ].join('\n')
  return (
    <span
      className={`touch-status touch-${state}`}
      data-testid="touch-status"
      data-touch-state={touch.state}
      title={explanation}
    >
      <span className="touch-dot" aria-hidden="true" />
      <span className="sr-only">{explanation} </span>
      <span className="touch-days" aria-hidden="true">
        {touch.snoozed ? 'snoozed' : dueText(days)}
      </span>
      <span className="sr-only" data-testid="last-touch">
        {lastTouch}
      </span>
    </span>
  )
}
