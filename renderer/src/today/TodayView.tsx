import { useState, type ReactNode } from 'react'
import { addDays } from 'date-fns'
import { stageLabel } from '@shared/stages'
import { call } from '../api/client'
import { LogTouchButton } from '../contact/LogTouch'
import { ThankYouDialog } from '../requests/ThankYouDialog'
import { todayStore, useQuery } from '../store/queries'
import { useToasts } from '../ui/toasts'
import { useCoreNow } from '../workflow/insights'
import '../workflow/workflow.css'
import { PageHeader } from '../ui/PageHeader'

/** How many things Today asks the user to do: the navigation badge. */
export function useTodayCount(): number {
  const { value } = useQuery(todayStore)
  if (value === null) return 0
  return value.overdue.length + value.thanksOwed.length + value.requestFollowUps.length
}

const FOLLOW_UP_WORDS = {
  'past-due': 'past its due date',
  'due-soon': 'due soon',
  'no-answer': 'no answer for a week',
} as const

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`
}

/** One list of Today: a heading with its count, what to say when empty, the items. */
function TodaySection(props: {
  label: string
  heading?: string
  count: number
  empty?: string
  children: ReactNode
}) {
  return (
    <section className="workflow-section" aria-label={props.label}>
      <h2>
        {props.heading ?? props.label} ({props.count})
      </h2>
      {props.count === 0 && props.empty !== undefined && (
        <p className="workflow-muted">{props.empty}</p>
      )}
      <ul className="workflow-list">{props.children}</ul>
    </section>
  )
}

/** The home screen: who to contact now, thanks owed and requests to chase. */
export function TodayView({ onOpenContact }: { onOpenContact(id: string): void }) {
  const { value, error } = useQuery(todayStore)
  const now = useCoreNow()
  const toasts = useToasts()
  const [thanking, setThanking] = useState<{
    contactId: string
    request: { id: string; role: string; company: string }
  } | null>(null)

  const snooze = async (id: string, name: string) => {
    if (now === null) return
    const result = await call('contact.snooze', { id, until: addDays(now, 7).toISOString() })
    toasts.show(
      result.ok
        ? { message: `Snoozed ${name} for a week.` }
        : { tone: 'error', message: result.message },
    )
  }

  const name = (contactId: string, text: string) => (
    <button type="button" className="link-button" onClick={() => onOpenContact(contactId)}>
      {text}
    </button>
  )

  return (
    <div className="view" data-testid="today-view">
      <PageHeader title="Today" />
      <div className="view-body">
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {value && (
          <>
            <TodaySection
              label="Thanks owed"
              count={value.thanksOwed.length}
              empty="No thank-yous owed."
            >
              {value.thanksOwed.map((t) => (
                <li
                  key={t.requestId}
                  className="workflow-item"
                  data-testid="thanks-owed"
                  aria-label={t.name}
                >
                  <div className="workflow-item-main">
                    {name(t.contactId, t.name)} gave a reference for {t.role} at {t.company}.{' '}
                    <span className={t.overdue ? 'workflow-late' : 'workflow-muted'}>
                      {t.daysLeft === null
                        ? 'Thank them soon.'
                        : t.overdue
                          ? `Thank-you late by ${days(-t.daysLeft)}.`
                          : t.daysLeft === 0
                            ? 'Thank them today.'
                            : `Thank them within ${days(t.daysLeft)}.`}
                    </span>
                  </div>
                  <button
                    type="button"
                    className="button button-primary button-small"
                    onClick={() =>
                      setThanking({
                        contactId: t.contactId,
                        request: { id: t.requestId, role: t.role, company: t.company },
                      })
                    }
                  >
                    Say thank you
                  </button>
                </li>
              ))}
            </TodaySection>
            <TodaySection
              label="Get in touch"
              count={value.overdue.length}
              empty="Nobody is waiting on you."
            >
              {value.overdue.map((o) => (
                <li
                  key={o.contactId}
                  className="workflow-item"
                  data-testid="overdue"
                  aria-label={o.name}
                >
                  <span className={`touch-status touch-${o.state}`}>
                    <span className="touch-dot" aria-hidden="true" />
                  </span>
                  <div className="workflow-item-main">
                    {name(o.contactId, o.name)}{' '}
                    <span className="workflow-muted">
                      {stageLabel(o.stage)} ·{' '}
                      {o.daysSinceTouch === null
                        ? 'never touched'
                        : `last touch ${days(o.daysSinceTouch)} ago`}{' '}
                      · every {days(o.cadenceDays)}
                    </span>
                  </div>
                  <LogTouchButton contactId={o.contactId} name={o.name} />
                  <button
                    type="button"
                    className="button button-small"
                    onClick={() => void snooze(o.contactId, o.name)}
                  >
                    Snooze a week
                  </button>
                </li>
              ))}
            </TodaySection>
            <TodaySection
              label="Requests to chase"
              count={value.requestFollowUps.length}
              empty="No requests need a nudge."
            >
              {value.requestFollowUps.map((f) => (
                <li
                  key={f.requestId}
                  className="workflow-item"
                  data-testid="follow-up"
                  aria-label={f.name}
                >
                  <div className="workflow-item-main">
                    {name(f.contactId, f.name)}: {f.role} at {f.company}{' '}
                    <span className={f.reason === 'past-due' ? 'workflow-late' : 'workflow-muted'}>
                      ({FOLLOW_UP_WORDS[f.reason]})
                    </span>
                  </div>
                  <LogTouchButton contactId={f.contactId} name={f.name} label="Log follow-up" />
                </li>
              ))}
            </TodaySection>
            <TodaySection
              label="Coming up"
              heading="Coming up this week"
              count={value.dueSoon.length}
            >
              {value.dueSoon.map((d) => (
                <li key={d.contactId} className="workflow-item" aria-label={d.name}>
                  <div className="workflow-item-main">
                    {name(d.contactId, d.name)}{' '}
                    <span className="workflow-muted">due in {days(d.daysUntilDue)}</span>
                  </div>
                  <LogTouchButton contactId={d.contactId} name={d.name} />
                </li>
              ))}
            </TodaySection>
          </>
        )}
        {thanking && (
          <ThankYouDialog
            contactId={thanking.contactId}
            request={thanking.request}
            onClose={() => setThanking(null)}
          />
        )}
      </div>
    </div>
  )
}
