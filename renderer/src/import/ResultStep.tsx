import type { DoneStep } from './importWizardReducer'

interface ResultStepProps {
  step: DoneStep
  busy: boolean
  onUndo: () => void
  onRestart: () => void
  /** Shown as "Open the Inbox" when new people wait there. */
  onOpenInbox?: (() => void) | undefined
}

/** Step four: what the import did, with undo and what to do next. */
export function ResultStep({ step, busy, onUndo, onRestart, onOpenInbox }: ResultStepProps) {
  return (
    <div className="import-step" data-testid="import-result">
      <p role="status">
        {step.undone
          ? `The import of ${step.fileName} was undone.`
          : `Imported ${step.fileName}: ${step.result.added} added, ${step.result.merged} merged, ${step.result.skipped} skipped.`}
      </p>
      {!step.undone && step.toInbox && step.result.added > 0 && (
        <p className="import-next">
          {step.result.added === 1
            ? 'The new person waits in your Inbox.'
            : `The ${step.result.added.toLocaleString()} new people wait in your Inbox.`}{' '}
          Go through them one by one and keep the few who know your work.
        </p>
      )}
      <div className="import-actions">
        {!step.undone && (
          <button type="button" className="button" disabled={busy} onClick={onUndo}>
            Undo this import
          </button>
        )}
        {!step.undone && step.toInbox && step.result.added > 0 && onOpenInbox && (
          <button type="button" className="button button-primary" onClick={onOpenInbox}>
            Open the Inbox
          </button>
        )}
        <button
          type="button"
          className={
            !step.undone && step.toInbox && step.result.added > 0 && onOpenInbox
              ? 'button'
              : 'button button-primary'
          }
          onClick={onRestart}
        >
          Import another file
        </button>
      </div>
    </div>
  )
}
