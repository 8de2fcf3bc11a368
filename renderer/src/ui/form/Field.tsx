import { useId, type ReactNode } from 'react'
import './form.css'

/** Props a Field hands its control: its id, and the error it describes when there is one. */
export interface ControlProps {
  id: string
  'aria-invalid': boolean
  'aria-describedby': string | undefined
}

interface FieldProps {
  label: ReactNode
  /** The control, given its id and aria props. */
  children: (control: ControlProps) => ReactNode
  /** The plain-words problem with the value, shown right under the control. */
  error?: string | undefined
  hint?: ReactNode
  /** Names the field for tests: the error gets data-testid="error-<name>". */
  name?: string
  /** Spans both columns of a FormGrid. */
  wide?: boolean
  className?: string
}

/** One form field: label, control, hint and its error beside it. The form kit's only field. */
export function Field({ label, children, error, hint, name, wide, className }: FieldProps) {
  const id = useId()
  const errorId = `${id}-error`
  const hintId = `${id}-hint`
  const describedBy = [error !== undefined ? errorId : null, hint ? hintId : null]
    .filter(Boolean)
    .join(' ')
  return (
    <div className={`field${wide ? ' field-wide' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        'aria-invalid': error !== undefined,
        'aria-describedby': describedBy === '' ? undefined : describedBy,
      })}
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} name={name}>
        {error}
      </FieldError>
    </div>
  )
}

/**
 * A problem shown beside what it concerns, in plain words; nothing when there is none. Give the
 * control `aria-describedby={id}` so the message is read with it.
 */
export function FieldError({
  id,
  name,
  alert,
  children,
}: {
  id?: string
  /** Names the field for tests: data-testid="error-<name>". */
  name?: string | undefined
  /** Announce it at once (for a control outside a form that keeps the focus). */
  alert?: boolean
  children: string | null | undefined
}) {
  if (children === null || children === undefined) return null
  return (
    <p
      id={id}
      className="field-error"
      role={alert ? 'alert' : undefined}
      data-testid={name ? `error-${name}` : undefined}
    >
      {children}
    </p>
  )
}

/** The line above a form for a refusal that fits no field. */
export function FormError({ children }: { children: ReactNode }) {
  if (!children) return null
  return (
    <p className="form-error" role="alert">
      {children}
    </p>
  )
}

/** Two columns of fields; a `wide` Field spans both. */
export function FormGrid({ children }: { children: ReactNode }) {
  return <div className="form-grid">{children}</div>
}

/** The row of buttons at the foot of a form: extra actions left, Cancel and submit right. */
export function FormActions({ start, children }: { start?: ReactNode; children: ReactNode }) {
  return (
    <div className="form-actions">
      {start}
      <span className="form-actions-spacer" />
      {children}
    </div>
  )
}
