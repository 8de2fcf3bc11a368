import { useState, useSyncExternalStore } from 'react'
import type { AppStatus } from '@shared/ipc'
import { subscribeUnsaved, unsavedChange } from '../api/client'
import { useAppStatus } from '../store/status'

type Problem = NonNullable<AppStatus['problem']>

/** A problem worth a banner: the core's problem, or read-only mode without one. */
function problemOf(status: AppStatus | null): Problem | null {
  if (!status) return null
  if (status.problem) return status.problem
  if (status.readOnly) return { kind: 'read-only', message: 'Changes are not saved.' }
  return null
}

function headline(problem: Problem): string {
  switch (problem.kind) {
    case 'quarantined':
      return 'Your data file was damaged and has been set aside.'
    case 'recovered':
      return 'Vouch recovered your data after an interruption.'
    case 'read-only':
      return 'This data was saved by a newer version of Vouch, so it is open read-only: changes are not saved.'
    case 'journal-tail-dropped':
      return 'The last change before Vouch closed was incomplete and could not be recovered.'
    case 'write-failed':
      return 'Vouch could not save your latest changes.'
  }
}

/** The paths a person needs to find their files, unless the core's message already names them. */
function pathsOf(problem: Problem): string[] {
  const lines: string[] = []
  if (problem.quarantinedAs && !problem.message.includes(problem.quarantinedAs)) {
    lines.push(`The damaged file was kept as ${problem.quarantinedAs}.`)
  }
  if (problem.restoredFrom && !problem.message.includes(problem.restoredFrom)) {
    lines.push(`Your data was restored from ${problem.restoredFrom}.`)
  }
  return lines
}

/** The data problem reported by the core; dismissable, and back when a new problem arrives. */
export function StatusBanner() {
  const reported = problemOf(useAppStatus())
  const unsaved = useSyncExternalStore(subscribeUnsaved, unsavedChange)
  // A change the disk refused stays offered for retry even after another write cleared the status.
  const problem: Problem | null =
    reported ?? (unsaved ? { kind: 'write-failed', message: '' } : null)
  const [dismissed, setDismissed] = useState<string | null>(null)
  const [retrying, setRetrying] = useState(false)
  const [retryError, setRetryError] = useState<string | null>(null)
  if (!problem) return null
  const key = JSON.stringify(problem)
  if (dismissed === key && !unsaved) return null
  const retry = async () => {
    if (!unsaved) return
    setRetrying(true)
    const result = await unsaved.retry()
    setRetrying(false)
    setRetryError(result.ok ? null : result.message)
  }
  const severe =
    problem.kind === 'write-failed' ||
    problem.kind === 'read-only' ||
    problem.kind === 'quarantined'
  return (
    <div
      className={`banner ${severe ? 'banner-warning' : 'banner-info'}`}
      role="alert"
      data-testid="status-banner"
    >
      <div className="banner-text">
        <strong>{headline(problem)}</strong>
        {problem.message && <span className="banner-detail">{problem.message}</span>}
        {pathsOf(problem).map((line) => (
          <span key={line} className="banner-detail">
            {line}
          </span>
        ))}
        {unsaved && (
          <span className="banner-detail" data-testid="unsaved-change">
            Your last change was not saved.
            {retryError && ` Retrying failed: ${retryError}`}
          </span>
        )}
      </div>
      {unsaved && (
        <button
          type="button"
          className="button button-primary"
          disabled={retrying}
          onClick={() => void retry()}
        >
          {retrying ? 'Retrying…' : 'Retry'}
        </button>
      )}
      <button type="button" className="button" onClick={() => setDismissed(key)}>
        Dismiss
      </button>
    </div>
  )
}
