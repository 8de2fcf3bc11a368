import { differenceInCalendarDays, format, parseISO } from 'date-fns'
import type { ContactInsight } from '@shared/workflowContract'

type Touch = Pick<
  ContactInsight['touch'],
  'state' | 'dueOn' | 'cadenceDays' | 'snoozed' | 'daysSinceTouch'
>

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`
}

/** "every 30 days", "every day", "every week". */
function cadenceWords(cadenceDays: number): string {
  if (cadenceDays === 1) return 'every day'
  if (cadenceDays === 7) return 'every week'
  return `every ${cadenceDays} days`
}

/**
 * Where a person stands on keeping in touch, in one sentence for the contact view's header:
 * "Due in 5 days · every 30 days", "Overdue by 3 days · every 30 days", "Due today · …",
 * "Snoozed until 3 Dec · every 30 days", or "No keep-in-touch reminder".
 */
export function dueSentence(touch: Touch, now: Date): string {
  if (touch.cadenceDays === null || touch.dueOn === null) return 'No keep-in-touch reminder'
  const every = cadenceWords(touch.cadenceDays)
  const dueOn = parseISO(touch.dueOn)
  if (touch.snoozed) return `Snoozed until ${format(dueOn, 'd MMM')} · ${every}`
  const until = differenceInCalendarDays(dueOn, now)
  if (until > 1) return `Due in ${days(until)} · ${every}`
  if (until === 1) return `Due tomorrow · ${every}`
  if (until === 0) return `Due today · ${every}`
  return `Overdue by ${days(-until)} · ${every}`
}
