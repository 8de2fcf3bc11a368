import { useEffect, useMemo, useState } from 'react'
import type { DashboardOutput, DashboardWeek } from '@shared/dashboardContract'
import type { InteractionKind } from '@shared/domain'
import { STAGES } from '@shared/stages'
import { call, subscribe } from '../api/client'
import { ReviewBanner, WeeklyReviewDialog } from './WeeklyReview'
import { WeeklyChart, type ChartSeries } from './WeeklyChart'
import './dashboard.css'

/** Touch kinds in five groups, so a week's bar stays readable; the table lists the groups too. */
const TOUCH_GROUPS: readonly {
  label: string
  colorVar: string
  kinds: readonly InteractionKind[]
}[] = [
  {
    label: 'Conversations',
    colorVar: '--chart-conversation',
    kinds: ['message', 'call', 'meeting', 'event'],
  },
  {
    label: 'Help and articles',
    colorVar: '--chart-help',
    kinds: ['help-offered', 'help-received', 'article-shared'],
  },
  { label: 'Updates sent', colorVar: '--chart-update', kinds: ['update-sent'] },
  {
    label: 'References and thanks',
    colorVar: '--chart-reference',
    kinds: ['reference-given', 'thank-you'],
  },
  { label: 'Notes', colorVar: '--chart-note', kinds: ['note'] },
]

const percent = (share: number | null) => (share === null ? '–' : `${Math.round(share * 100)}%`)
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

function stageSeries(weeks: readonly DashboardWeek[]): ChartSeries[] {
  return STAGES.map((s) => ({
    label: s.label,
    colorVar: `--stage-${s.id}`,
    values: weeks.map((w) => w.stages[s.id]),
  }))
}

function touchSeries(weeks: readonly DashboardWeek[]): ChartSeries[] {
  return TOUCH_GROUPS.map((g) => ({
    label: g.label,
    colorVar: g.colorVar,
    values: weeks.map((w) => g.kinds.reduce((sum, kind) => sum + w.touches[kind], 0)),
  }))
}

/**
 * Progress over the last 52 weeks: people per stage, touches, overdue people, references and
 * thanks. `startReview` (the weekly review's notification was clicked) opens the review at once.
 */
export function DashboardView({
  onOpenContact,
  startReview = false,
  onReviewStarted,
}: {
  onOpenContact: (id: string) => void
  startReview?: boolean
  onReviewStarted?: () => void
}) {
  const [data, setData] = useState<DashboardOutput | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [reviewing, setReviewing] = useState(startReview)

  useEffect(() => {
    if (!startReview) return
    setReviewing(true)
    onReviewStarted?.()
  }, [startReview, onReviewStarted])

  useEffect(() => {
    let live = true
    let loading = false
    let again = false
    const load = () => {
      if (loading) {
        again = true
        return
      }
      loading = true
      void call('dashboard.get', {}).then((result) => {
        loading = false
        if (!live) return
        if (result.ok) {
          setData(result.value)
          setError(null)
        } else setError(result.message)
        if (again) {
          again = false
          load()
        }
      })
    }
    load()
    const unsubscribe = subscribe((event) => {
      if (event.type === 'changed') load()
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [])

  // The review loads its own data: a notification's click shows it before the charts are ready,
  // and it stays the same element (no remount, no lost step) when they arrive.
  return (
    <>
      <DashboardBody
        data={data}
        error={error}
        onOpenContact={onOpenContact}
        onStartReview={() => setReviewing(true)}
      />
      {reviewing && (
        <WeeklyReviewDialog onClose={() => setReviewing(false)} onOpenContact={onOpenContact} />
      )}
    </>
  )
}

function DashboardBody({
  data,
  error,
  onOpenContact,
  onStartReview,
}: {
  data: DashboardOutput | null
  error: string | null
  onOpenContact: (id: string) => void
  onStartReview: () => void
}) {
  const weeks = useMemo(() => data?.weeks.map((w) => w.start) ?? [], [data])
  const stages = useMemo(() => stageSeries(data?.weeks ?? []), [data])
  const touches = useMemo(() => touchSeries(data?.weeks ?? []), [data])
  const overdue = useMemo<ChartSeries[]>(
    () => [
      { label: 'Overdue', colorVar: '--danger', values: data?.weeks.map((w) => w.overdue) ?? [] },
    ],
    [data],
  )

  if (error !== null && data === null) {
    return (
      <div className="dashboard" data-testid="dashboard-view">
        <h1>Dashboard</h1>
        <p className="form-error" role="alert">
          The dashboard could not be loaded: {error}
        </p>
      </div>
    )
  }
  if (data === null)
    return <div className="dashboard" data-testid="dashboard-view" aria-busy="true" />

  const { totals } = data
  const refs = totals.references
  const timely = refs.timeliness
  return (
    <div className="dashboard" data-testid="dashboard-view">
      <header className="dash-header">
        <div>
          <h1>Dashboard</h1>
          <p className="dash-muted">
            Week of {data.from} to week of {data.to} · {plural(totals.touches, 'touch', 'touches')}
          </p>
        </div>
        <button type="button" className="button button-primary" onClick={onStartReview}>
          Start weekly review
        </button>
      </header>
      <ReviewBanner due={data.review.due} onStart={onStartReview} />
      {totals.people === 0 && (
        <p className="dash-empty">
          Your dashboard fills in as you keep people on the board and log touches: add a person or
          import your contacts to begin.
        </p>
      )}
      <ul className="dash-stats" aria-label="Totals">
        <li className="dash-stat" data-testid="stat-people">
          <span className="dash-stat-value">{totals.people}</span>
          <span className="dash-stat-label">people on the board</span>
        </li>
        <li className="dash-stat" data-testid="stat-overdue">
          <span className="dash-stat-value">{totals.overdue}</span>
          <span className="dash-stat-label">overdue for a touch</span>
        </li>
        <li className="dash-stat" data-testid="stat-references">
          <span className="dash-stat-value">
            {refs.asked} / {refs.given} / {refs.thanked}
          </span>
          <span className="dash-stat-label">
            references asked / given / thanked in {totals.year}
          </span>
        </li>
        <li className="dash-stat" data-testid="stat-timeliness">
          <span className="dash-stat-value">{percent(timely.shareOnTime)}</span>
          <span className="dash-stat-label">
            thanked on time
            {timely.counted > 0 && ` (${timely.onTime} of ${timely.counted})`}
            {timely.medianDays !== null && ` · median ${plural(timely.medianDays, 'day', 'days')}`}
            {timely.pending > 0 && ` · ${timely.pending} still within the deadline`}
          </span>
        </li>
      </ul>
      <div className="dash-grid">
        <WeeklyChart
          title="People per stage"
          description="Who was in each stage at the end of every week."
          weeks={weeks}
          series={stages}
          kind="stacked-area"
          testId="chart-stages"
        />
        <WeeklyChart
          title="Touches per week"
          description="Touches logged each week, by kind."
          weeks={weeks}
          series={touches}
          kind="stacked-bars"
          testId="chart-touches"
        />
        <WeeklyChart
          title="Overdue people"
          description="People past 1.5 × their keep-in-touch cadence at the end of every week."
          weeks={weeks}
          series={overdue}
          kind="line"
          testId="chart-overdue"
        />
        <div className="dash-side">
          <section className="dash-card" aria-labelledby="dash-gaps" data-testid="coverage-gaps">
            <h2 id="dash-gaps">Coverage gaps</h2>
            {totals.coverage.skills === 0 ? (
              <p className="dash-muted">Name the skills you want vouched for in Coverage.</p>
            ) : totals.coverage.gaps.length === 0 ? (
              <p className="dash-muted">Every target skill has someone who can vouch for it.</p>
            ) : (
              <>
                <p className="dash-muted">
                  {plural(totals.coverage.gaps.length, 'skill', 'skills')} of{' '}
                  {totals.coverage.skills} with nobody to vouch:
                </p>
                <ul className="dash-tags">
                  {totals.coverage.gaps.map((g) => (
                    <li key={g}>{g}</li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <section className="dash-card" aria-labelledby="dash-heard" data-testid="not-heard">
            <h2 id="dash-heard">Who hasn’t heard your latest update</h2>
            {totals.latestUpdate === null ? (
              <p className="dash-muted">No career update yet: share news from Updates.</p>
            ) : totals.notHeard.count === 0 ? (
              <p className="dash-muted">
                Everyone past Identified has heard “{totals.latestUpdate.title}”.
              </p>
            ) : (
              <>
                <p className="dash-muted">
                  {plural(totals.notHeard.count, 'person', 'people')} past Identified have not heard
                  “{totals.latestUpdate.title}”
                  {totals.notHeard.count > totals.notHeard.people.length && ', most credible first'}
                  :
                </p>
                <ul className="dash-people">
                  {totals.notHeard.people.slice(0, 12).map((p) => (
                    <li key={p.contactId}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onOpenContact(p.contactId)}
                      >
                        {p.name}
                      </button>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
        </div>
      </div>
    </div>
  )
}
