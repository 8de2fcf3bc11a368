import { useId, useRef, type ReactNode } from 'react'
import { useModal } from './focus'
import './dialog.css'

interface DialogProps {
  title: string
  onClose: () => void
  children: ReactNode
  /** A test id for the dialog element. */
  testId?: string
  /** A reading width, for documents such as the brief. */
  wide?: boolean
}

/** A modal dialog: focus moves in and stays, Escape or the backdrop closes, focus returns on close. */
export function Dialog({ title, onClose, children, testId, wide }: DialogProps) {
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)
  useModal(ref, onClose)
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={ref}
        className={wide ? 'dialog dialog-wide' : 'dialog'}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
      >
        <div className="dialog-header">
          <h2 id={titleId}>{title}</h2>
          <button
            type="button"
            className="icon-button dialog-close"
            aria-label="Close"
            onClick={onClose}
          >
            ×
          </button>
        </div>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  )
}
