import { addDays, format } from 'date-fns'
import type { Contact } from '@shared/domain'
import { call } from '../api/client'
import { RequestList } from '../requests/RequestList'
import { useToasts } from '../ui/toasts'
import { useCoreNow, useInsight } from '../workflow/insights'
import { LogTouchButton } from './LogTouch'
import { Timeline } from './Timeline'
import '../workflow/workflow.css'

/** The workflow part of the contact panel: snooze, last update heard, requests and the timeline. */
export function ContactWorkflow({ contact }: { contact: Contact }) {
  const insight = useInsight(contact.id)
  const now = useCoreNow()
  const toasts = useToasts()

  const snooze = async (until: string | null) => {
    const result = await call('contact.snooze', { id: contact.id, until })
    if (!result.ok) toasts.show({ tone: 'error', message: result.message })
  }

  return (
    <div data-testid="contact-workflow">
      <section className="panel-section" aria-label="Keep in touch">
        <h3>Keep in touch</h3>
        {insight?.lastUpdateHeard ? (
          <p data-testid="last-update-heard">
            Last update heard: {insight.lastUpdateHeard.title} (
            {format(new Date(insight.lastUpdateHeard.at), 'd MMM yyyy')})
          </p>
        ) : (
          <p className="workflow-muted" data-testid="last-update-heard">
            Has not heard any career update yet.
          </p>
        )}
        <div className="form-actions">
          <LogTouchButton contactId={contact.id} name={contact.name} />
          {contact.snoozedUntil !== null && now !== null && new Date(contact.snoozedUntil) > now ? (
            <button type="button" className="button button-small" onClick={() => void snooze(null)}>
              Unsnooze (snoozed until {format(new Date(contact.snoozedUntil), 'd MMM')})
            </button>
          ) : (
            now !== null && (
              <button
                type="button"
                className="button button-small"
                onClick={() => void snooze(addDays(now, 7).toISOString())}
              >
                Snooze a week
              </button>
            )
          )}
        </div>
      </section>
      <RequestList contactId={contact.id} name={contact.name} />
      <section className="panel-section" aria-label="Touches">
        <h3>Timeline</h3>
        <Timeline contactId={contact.id} />
      </section>
    </div>
  )
}
