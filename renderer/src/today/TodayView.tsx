import { useEffect, useState, type ReactNode } from 'react'
import { addDays } from 'date-fns'
import { stageLabel } from '@shared/stages'
import { call } from '../api/client'
import { LogTouchButton } from '../contact/LogTouch'
import { ThankYouDialog } from '../requests/ThankYouDialog'
import { todayStore, useQuery } from '../store/queries'
import { useToasts } from '../ui/toasts'
import { useCoreNow } from '../workflow/insights'
import { useTriageCounts } from '../triage/counts'
import { formatCount, people } from '../triage/format'
import { TODAY_DEFAULT_LIMIT } from '@shared/workflowContract'
import '../workflow/workflow.css'
import './today.css'
import { PageHeader } from '../ui/PageHeader'

/** How many things Today asks the user to do: the navigation badge. */
export function useTodayCount(): number {
  const { value } = useQuery(todayStore)
  if (value === null) return 0
  return value.counts.overdue + value.counts.thanksOwed + value.counts.requestFollowUps
}

/** today.get answers at most this many per section. */
const MAX_LIMIT = 500

const FOLLOW_UP_WORDS = {
  'past-due': 'past its due date',
  'due-soon': 'due soon',
  'no-answer': 'no answer for a week',
} as const

function days(n: number): string {
  return n === 1 ? '1 day' : `${n} days`
}

/**
 * One list of Today: a heading with the whole section's count, the first items, and "Show
 * more" while the section holds more than are shown. An empty section is not shown at all.
 */
function TodaySection(props: {
  label: string
  heading?: string
  /** Items in the whole section. */
  count: number
  /** Items shown (today.get's limit). */
  shown: number
  /** Absent once today.get answers its most per section. */
  onShowMore?: () => void
  children: ReactNode
}) {
  if (props.count === 0) return null
  const hidden = props.count - props.shown
  return (
    <section className="workflow-section" aria-label={props.label}>
      <h2>
        {props.heading ?? props.label}{' '}
        <span className="today-count">{formatCount(props.count)}</span>
      </h2>
      <ul className="workflow-list">{props.children}</ul>
      {hidden > 0 && !props.onShowMore && (
        <p className="workflow-muted">and {formatCount(hidden)} more.</p>
      )}
      {hidden > 0 && props.onShowMore && (
        <button type="button" className="button button-small today-more" onClick={props.onShowMore}>
          Show more ({formatCount(hidden)} not shown)
        </button>
      )}
    </section>
  )
}

/** What Today shows before anyone is on the board: the way in is an import or a first person. */
function FirstRun(props: { onImport: () => void; onAddPerson: () => void }) {
  return (
    <div className="today-first-run" data-testid="today-first-run">
      <h2>Start with the people who know your work</h2>
      <p>
        Bring in your network, then pick the few who have seen what you do. Nothing is shown here
        until someone is on your board.
      </p>
      <div className="today-first-actions">
        <button type="button" className="today-source" onClick={props.onImport}>
          <strong>Import from LinkedIn</strong>
          <span>Connections.csv from LinkedIn’s “Get a copy of your data”.</span>
        </button>
        <button type="button" className="today-source" onClick={props.onImport}>
          <strong>Import Google Contacts</strong>
          <span>The Google CSV export.</span>
        </button>
        <button type="button" className="today-source" onClick={props.onImport}>
          <strong>Import a vCard file</strong>
          <span>From Apple Contacts, Outlook or your phone.</span>
        </button>
        <button type="button" className="today-source" onClick={props.onAddPerson}>
          <strong>Add a person</strong>
          <span>Type in one name you already have in mind.</span>
        </button>
      </div>
    </div>
  )
}

/** The Inbox waits: a line that leads to triage. */
function InboxWaiting(props: {
  count: number
  onStartTriage: () => void
  onOpenInbox: () => void
}) {
  return (
    <p className="today-inbox" data-testid="today-inbox">
      <button type="button" className="link-button" onClick={props.onOpenInbox}>
        {props.count === 1
          ? '1 person waits in your Inbox'
          : `${formatCount(props.count)} people wait in your Inbox`}
      </button>
      {' · '}
      <button type="button" className="link-button" onClick={props.onStartTriage}>
        Start triage
      </button>
    </p>
  )
}

/** The home screen: who to contact now, thanks owed and requests to chase. */
export function TodayView({
  onOpenContact,
  onStartTriage,
  onOpenInbox,
  onImport,
  onAddPerson,
}: {
  onOpenContact: (id: string) => void
  onStartTriage: () => void
  onOpenInbox: () => void
  onImport: () => void
  onAddPerson: () => void
}) {
  const [limit, setLimit] = useState(TODAY_DEFAULT_LIMIT)
  useEffect(() => todayStore.setInput({ limit }), [limit])
  const showMore = () => setLimit((l) => Math.min(MAX_LIMIT, l + TODAY_DEFAULT_LIMIT))
  const moreProps = limit < MAX_LIMIT ? { onShowMore: showMore } : {}
  const { value, error } = useQuery(todayStore)
  const triage = useTriageCounts()
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

  const inbox = triage?.inbox ?? 0
  const onBoard = triage?.kept ?? 0
  const nothingDue =
    value !== null &&
    value.counts.overdue +
      value.counts.thanksOwed +
      value.counts.requestFollowUps +
      value.counts.dueSoon ===
      0

  return (
    <div className="view" data-testid="today-view">
      <PageHeader title="Today" />
      <div className="view-body">
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {triage && onBoard === 0 && inbox === 0 && (
          <FirstRun onImport={onImport} onAddPerson={onAddPerson} />
        )}
        {inbox > 0 && (
          <InboxWaiting count={inbox} onStartTriage={onStartTriage} onOpenInbox={onOpenInbox} />
        )}
        {triage && onBoard > 0 && nothingDue && (
          <p className="today-clear" data-testid="today-clear">
            Nothing is due today. {people(onBoard)} on your board.
          </p>
        )}
        {value && onBoard > 0 && (
          <>
            <TodaySection
              label="Thanks owed"
              count={value.counts.thanksOwed}
              shown={value.thanksOwed.length}
              {...moreProps}
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
              count={value.counts.overdue}
              shown={value.overdue.length}
              {...moreProps}
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
              count={value.counts.requestFollowUps}
              shown={value.requestFollowUps.length}
              {...moreProps}
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
              count={value.counts.dueSoon}
              shown={value.dueSoon.length}
              {...moreProps}
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
