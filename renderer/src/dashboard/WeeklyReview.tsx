import { useEffect, useRef, useState } from 'react'
import type { WeeklyReviewOutput } from '@shared/dashboardContract'
import { INTERACTION_KINDS } from '@shared/domain'
import { interactionKindLabel } from '@shared/interactionKinds'
import { stageLabel } from '@shared/stages'
import { call } from '../api/client'
import { LogTouchButton } from '../contact/LogTouch'
import { Dialog } from '../ui/Dialog'
import { Field, FormError } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { useCommand } from '../ui/useCommand'

const STEPS = [
  'This week',
  'Who is overdue',
  'Thanks owed',
  'Reconnect with three people',
  'Share an update',
] as const

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Says the weekly review is waiting, with a button to start it. */
export function ReviewBanner({ due, onStart }: { due: boolean; onStart: () => void }) {
  if (!due) return null
  return (
    <div className="dash-banner" role="status" data-testid="review-banner">
      <span>Your weekly review is ready: five minutes to look back and plan the week.</span>
      <button type="button" className="button button-small button-primary" onClick={onStart}>
        Start review
      </button>
    </div>
  )
}

/**
 * The weekly review: five short steps (the week, who is overdue, thanks owed, three people to
 * reconnect with, an update to draft), then done. Each step's heading takes focus as it opens.
 */
export function WeeklyReviewDialog({
  onClose,
  onOpenContact,
}: {
  onClose: () => void
  onOpenContact: (id: string) => void
}) {
  const [review, setReview] = useState<WeeklyReviewOutput | null>(null)
  const [step, setStep] = useState(0)
  const heading = useRef<HTMLHeadingElement>(null)
  // Loading and finishing report in the same line at the top of the dialog.
  const errors = useFormErrors([])
  const { fail } = errors
  const { run } = useCommand(errors)

  useEffect(() => {
    let live = true
    void call('review.get', {}).then((result) => {
      if (!live) return
      if (result.ok) setReview(result.value)
      else fail(result.message)
    })
    return () => {
      live = false
    }
  }, [fail])

  useEffect(() => {
    heading.current?.focus()
  }, [step, review])

  const finish = async () => {
    const result = await run(
      'review.complete',
      {},
      { toast: 'Weekly review done. See you next week.' },
    )
    if (result?.ok) onClose()
  }

  const open = (id: string) => {
    onClose()
    onOpenContact(id)
  }

  return (
    <Dialog title="Weekly review" onClose={onClose} testId="weekly-review">
      <FormError>{errors.summary}</FormError>
      {review === null ? (
        errors.summary === null && <p aria-busy="true">Gathering your week…</p>
      ) : (
        <div className="review">
          <ol className="review-steps" aria-label="Steps">
            {STEPS.map((label, i) => (
              <li
                key={label}
                aria-current={i === step ? 'step' : undefined}
                className={i < step ? 'review-step-done' : undefined}
              >
                {label}
              </li>
            ))}
          </ol>
          <h3 ref={heading} tabIndex={-1} className="review-heading" data-testid="review-step">
            Step {step + 1} of {STEPS.length}: {STEPS[step]}
          </h3>
          <div className="review-body">
            {step === 0 && <ThisWeek review={review} />}
            {step === 1 && <Overdue review={review} onOpen={open} />}
            {step === 2 && <ThanksOwed review={review} onOpen={open} />}
            {step === 3 && <Reconnect review={review} />}
            {step === 4 && <ShareUpdate review={review} />}
          </div>
          <footer className="review-footer">
            <button
              type="button"
              className="button"
              disabled={step === 0}
              onClick={() => setStep((s) => s - 1)}
            >
              Back
            </button>
            {step < STEPS.length - 1 ? (
              <button
                type="button"
                className="button button-primary"
                onClick={() => setStep((s) => s + 1)}
              >
                Next
              </button>
            ) : (
              <button type="button" className="button button-primary" onClick={() => void finish()}>
                Finish review
              </button>
            )}
          </footer>
        </div>
      )}
    </Dialog>
  )
}

function ThisWeek({ review }: { review: WeeklyReviewOutput }) {
  const { happened } = review
  const kinds = INTERACTION_KINDS.filter((k) => happened.byKind[k] > 0)
  return (
    <>
      <p>
        Since Monday {review.weekStart}: {plural(happened.touches, 'touch', 'touches')} logged,{' '}
        {plural(happened.added, 'person', 'people')} added,{' '}
        {plural(happened.moves, 'move', 'moves')} on the board.
      </p>
      {kinds.length > 0 && (
        <ul className="review-list">
          {kinds.map((k) => (
            <li key={k}>
              {interactionKindLabel(k)}: {happened.byKind[k]}
            </li>
          ))}
        </ul>
      )}
      <p>
        References: {happened.asked} asked, {happened.given} given, {happened.thanked} thanked this
        week.
      </p>
      {happened.touches === 0 && (
        <p className="dash-muted">A quiet week. The next steps pick who to reach.</p>
      )}
    </>
  )
}

function Overdue({ review, onOpen }: { review: WeeklyReviewOutput; onOpen: (id: string) => void }) {
  const { overdue } = review
  if (overdue.count === 0) return <p>Nobody is overdue. Well kept.</p>
  return (
    <>
      <p>
        {plural(overdue.count, 'person is', 'people are')} due for a touch
        {overdue.count > overdue.people.length && `; the ${overdue.people.length} longest waiting`}:
      </p>
      <ul className="review-list" data-testid="review-overdue">
        {overdue.people.map((p) => (
          <li key={p.contactId}>
            <button type="button" className="link-button" onClick={() => onOpen(p.contactId)}>
              {p.name}
            </button>{' '}
            <span className="dash-muted">
              {p.daysSince} days since the last touch (every {p.cadenceDays} days)
            </span>
          </li>
        ))}
      </ul>
    </>
  )
}

function ThanksOwed({
  review,
  onOpen,
}: {
  review: WeeklyReviewOutput
  onOpen: (id: string) => void
}) {
  if (review.thanksOwed.length === 0)
    return <p>No thank-you owed. Every reference has been thanked.</p>
  return (
    <ul className="review-list" data-testid="review-thanks">
      {review.thanksOwed.map((t) => (
        <li key={t.requestId}>
          <button type="button" className="link-button" onClick={() => onOpen(t.contactId)}>
            {t.name}
          </button>{' '}
          for {t.role} at {t.company}
          {t.thankBy !== null && (
            <span className={t.overdue ? 'review-late' : 'dash-muted'}>
              {' '}
              · {t.overdue ? 'was due' : 'due'} by {new Date(t.thankBy).toLocaleDateString()}
            </span>
          )}
        </li>
      ))}
    </ul>
  )
}

function Reconnect({ review }: { review: WeeklyReviewOutput }) {
  if (review.reconnect.length === 0)
    return <p>Nobody to chase this week: everyone is within their cadence.</p>
  return (
    <>
      <p>The most overdue for their cadence, weighted by how much their word counts:</p>
      <ul className="review-reconnect" data-testid="review-reconnect">
        {review.reconnect.map((p) => (
          <li key={p.contactId} className="review-person">
            <div>
              <strong>{p.name}</strong>
              <div className="dash-muted">
                {[p.title, p.company].filter(Boolean).join(' @ ') || stageLabel(p.stage)} ·{' '}
                {p.daysSince} days since the last touch (every {p.cadenceDays})
                {p.credibility !== null && ` · credibility ${p.credibility}/5`}
              </div>
            </div>
            <LogTouchButton contactId={p.contactId} name={p.name} />
          </li>
        ))}
      </ul>
    </>
  )
}

function ShareUpdate({ review }: { review: WeeklyReviewOutput }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [saved, setSaved] = useState<string | null>(null)
  const errors = useFormErrors(['title', 'body'] as const)
  const { busy, run } = useCommand(errors)
  const save = async () => {
    const result = await run('update.create', { title, body })
    if (result?.ok) setSaved(result.value.title)
  }
  return (
    <>
      <p>
        {review.latestUpdate === null
          ? 'You have not shared any news yet.'
          : `${plural(review.notHeard, 'person', 'people')} past Identified have not heard “${review.latestUpdate.title}”.`}{' '}
        What happened in your work this week that your references should know?
      </p>
      {saved !== null ? (
        <p role="status">Draft “{saved}” saved: send it from Updates when it reads right.</p>
      ) : (
        <form
          className="contact-form"
          ref={errors.ref}
          onSubmit={errors.onSubmit(save)}
          noValidate
          aria-label="Draft an update"
        >
          <Field label="Headline" {...errors.field('title')}>
            {(p) => (
              <input
                {...p}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
                maxLength={200}
              />
            )}
          </Field>
          <Field label="A few lines" {...errors.field('body')}>
            {(p) => (
              <textarea {...p} rows={3} value={body} onChange={(e) => setBody(e.target.value)} />
            )}
          </Field>
          <FormError>{errors.summary}</FormError>
          <div>
            <button type="submit" className="button" disabled={busy || title.trim() === ''}>
              Save draft update
            </button>
          </div>
        </form>
      )}
    </>
  )
}
