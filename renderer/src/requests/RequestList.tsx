import { useState } from 'react'
import { OUTCOMES, type Outcome, type ReferenceRequest, type RequestStatus } from '@shared/domain'
import { canMoveRequest } from '@shared/requests'
import { call } from '../api/client'
import { downloadFile } from '../import/files'
import { requestsStore, useQuery } from '../store/queries'
import { useToasts } from '../ui/toasts'
import { BriefDialog } from './BriefDialog'
import { RequestDialog } from './RequestDialog'
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
export function RequestList({ contactId, name }: { contactId: string; name: string }) {
  const all = useQuery(requestsStore).value ?? []
  const requests = all.filter((r) => r.contactId === contactId)
  const [asking, setAsking] = useState(false)
  const [brief, setBrief] = useState<ReferenceRequest | null>(null)
  const [thanking, setThanking] = useState<ReferenceRequest | null>(null)
  const toasts = useToasts()

  const update = async (
    request: ReferenceRequest,
    change: { status?: RequestStatus; outcome?: Outcome },
  ) => {
    const result = await call('request.update', { id: request.id, ...change })
    if (!result.ok) toasts.show({ tone: 'error', message: result.message })
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
      <ul className="workflow-list">
        {requests.map((r) => (
          <li
            key={r.id}
            className="workflow-item"
            data-testid="request"
            aria-label={`${r.role} at ${r.company}`}
          >
            <div className="workflow-item-main">
              <strong>
                {r.role} at {r.company}
              </strong>{' '}
              <span data-testid="request-status">{STATUS_LABELS[r.status]}</span>
              {r.status === 'given' && r.thankedAt !== null && <span> · thanked</span>}
              {r.dueBy && <span className="workflow-muted"> · needed by {r.dueBy}</span>}
            </div>
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
            {r.status === 'given' && r.thankedAt === null && (
              <button
                type="button"
                className="button button-small button-primary"
                onClick={() => setThanking(r)}
              >
                Say thank you
              </button>
            )}
            <select
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
            <button type="button" className="button button-small" onClick={() => setBrief(r)}>
              Brief
            </button>
            {((r.dueBy !== null && (r.status === 'asked' || r.status === 'agreed')) ||
              (r.status === 'given' && r.thankedAt === null && r.thankBy !== null)) && (
              <button
                type="button"
                className="button button-small"
                aria-label={`Add ${r.role} at ${r.company} to calendar`}
                onClick={() => void addToCalendar(r)}
              >
                Add to calendar
              </button>
            )}
          </li>
        ))}
      </ul>
      <p>
        <button type="button" className="button button-small" onClick={() => setAsking(true)}>
          Ask for a reference…
        </button>
      </p>
      {asking && (
        <RequestDialog contactId={contactId} name={name} onClose={() => setAsking(false)} />
      )}
      {brief && <BriefDialog request={brief} onClose={() => setBrief(null)} />}
      {thanking && (
        <ThankYouDialog
          contactId={contactId}
          request={thanking}
          onClose={() => setThanking(null)}
        />
      )}
    </section>
  )
}
