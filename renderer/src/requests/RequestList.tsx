import { useEffect, useRef, useState } from 'react'
import { OUTCOMES, type Outcome, type ReferenceRequest, type RequestStatus } from '@shared/domain'
import { canMoveRequest } from '@shared/requests'
import { call } from '../api/client'
import { downloadFile } from '../import/files'
import { requestsStore, useQuery } from '../store/queries'
import { useToasts } from '../ui/toasts'
import { BriefDialog } from './BriefDialog'
import { ThankYouDialog } from './ThankYouDialog'

const STATUS_LABELS: Record<RequestStatus, string> = {
  asked: 'Asked',
  agreed: 'Agreed',
  declined: 'Declined',
  given: 'Given',
  withdrawn: 'Withdrawn',
}

const STATUS_ACTIONS: readonly { status: RequestStatus; label: string }[] = [
  { status: 'agreed', label: 'Mark agreed' },
  { status: 'given', label: 'Mark given' },
  { status: 'declined', label: 'Mark declined' },
  { status: 'withdrawn', label: 'Withdraw' },
]

const OUTCOME_LABELS: Record<Outcome, string> = {
  unknown: 'Outcome unknown',
  'got-the-job': 'Got the job',
  'did-not-get-it': "Didn't get it",
}

function isOutcome(value: string): value is Outcome {
  return (OUTCOMES as readonly string[]).includes(value)
}

/** A contact's reference requests, with status changes, outcome, brief and thank-you. */
export function RequestList({ contactId }: { contactId: string }) {
  const all = useQuery(requestsStore).value ?? []
  const requests = all.filter((r) => r.contactId === contactId)
  const [brief, setBrief] = useState<ReferenceRequest | null>(null)
  const [thanking, setThanking] = useState<ReferenceRequest | null>(null)
  /** After a status change the clicked button is gone: focus goes to this request's next step. */
  const [focusAfter, setFocusAfter] = useState<{ id: string; status: RequestStatus } | null>(null)
  const list = useRef<HTMLUListElement>(null)
  const toasts = useToasts()

  useEffect(() => {
    if (focusAfter === null) return
    const request = requests.find((r) => r.id === focusAfter.id)
    // Wait until the store shows the new status, so the buttons are the new ones.
    if (!request || request.status !== focusAfter.status) return
    const item = list.current?.querySelector<HTMLElement>(
      `[data-request-id="${CSS.escape(request.id)}"]`,
    )
    const next =
      item?.querySelector<HTMLElement>('[data-next-step]') ??
      item?.querySelector<HTMLElement>('button') ??
      item
    next?.focus()
    setFocusAfter(null)
  }, [focusAfter, requests])

  const update = async (
    request: ReferenceRequest,
    change: { status?: RequestStatus; outcome?: Outcome },
  ) => {
    const result = await call('request.update', { id: request.id, ...change })
    if (!result.ok) toasts.show({ tone: 'error', message: result.message })
    else if (change.status !== undefined) setFocusAfter({ id: request.id, status: change.status })
  }

  const addToCalendar = async (request: ReferenceRequest) => {
    const result = await call('request.ics', { id: request.id })
    if (!result.ok) {
      toasts.show({ tone: 'error', message: result.message })
      return
    }
    downloadFile(result.value)
    toasts.show({
      message: `Saved ${result.value.fileName}: open it to add the event to your calendar.`,
    })
  }

  return (
    <section className="panel-section" aria-label="Reference requests" data-testid="requests">
      <h3>Reference requests</h3>
      {requests.length === 0 && <p className="workflow-muted">No requests yet.</p>}
      <ul className="workflow-list" ref={list}>
        {requests.map((r) => (
          <li
            key={r.id}
            className="request-item"
            data-testid="request"
            data-request-id={r.id}
            tabIndex={-1}
            aria-label={`${r.role} at ${r.company}`}
          >
            <div className="request-head">
              <strong className="request-title">
                {r.role} at {r.company}
              </strong>
              <span className={`request-status status-${r.status}`} data-testid="request-status">
                {STATUS_LABELS[r.status]}
              </span>
            </div>
            {(r.dueBy || (r.status === 'given' && r.thankedAt !== null)) && (
              <p className="request-meta">
                {r.dueBy && <span>Needed by {r.dueBy}</span>}
                {r.status === 'given' && r.thankedAt !== null && (
                  <span>{r.dueBy ? ' · ' : ''}Thanked</span>
                )}
              </p>
            )}
            <div className="request-actions">
              {r.status === 'given' && r.thankedAt === null && (
                <button
                  type="button"
                  className="button button-small button-primary"
                  data-next-step
                  onClick={() => setThanking(r)}
                >
                  Say thank you
                </button>
              )}
              {STATUS_ACTIONS.filter((a) => canMoveRequest(r.status, a.status)).map((a) => (
                <button
                  key={a.status}
                  type="button"
                  className="button button-small"
                  onClick={() => void update(r, { status: a.status })}
                >
                  {a.label}
                </button>
              ))}
              <button type="button" className="button button-small" onClick={() => setBrief(r)}>
                Brief
              </button>
              {((r.dueBy !== null && (r.status === 'asked' || r.status === 'agreed')) ||
                (r.status === 'given' && r.thankedAt === null && r.thankBy !== null)) && (
                <button
                  type="button"
                  className="button button-small"
                  aria-label={`Add to calendar: ${r.role} at ${r.company}`}
                  onClick={() => void addToCalendar(r)}
                >
                  Add to calendar
                </button>
              )}
              <select
                className="select-compact"
                aria-label={`Outcome of ${r.role} at ${r.company}`}
                value={r.outcome}
                onChange={(event) => {
                  if (isOutcome(event.target.value)) void update(r, { outcome: event.target.value })
                }}
              >
                {OUTCOMES.map((o) => (
                  <option key={o} value={o}>
                    {OUTCOME_LABELS[o]}
                  </option>
                ))}
              </select>
            </div>
          </li>
        ))}
      </ul>
      {brief && <BriefDialog request={brief} onClose={() => setBrief(null)} />}
      {thanking && (
        <ThankYouDialog
          contactId={contactId}
          request={thanking}
          onClose={() => {
            const id = thanking.id
            setThanking(null)
            // The Say thank you button may be gone now: keep focus on the request, not <body>.
            requestAnimationFrame(() =>
              list.current
                ?.querySelector<HTMLElement>(`[data-request-id="${CSS.escape(id)}"]`)
                ?.focus(),
            )
          }}
        />
      )}
    </section>
  )
}
