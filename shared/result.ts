/** What crosses a process boundary instead of an exception. */
export type Result<T> = { ok: true; value: T } | Failure

/** A refused or failed command: a stable code for programs and a sentence for people. */
export interface Failure {
  ok: false
  code: ErrorCode
  message: string
  /** Field-level problems, for showing next to form fields. */
  issues?: { path: string; message: string }[]
}

export type ErrorCode =
  | 'invalid-envelope'
  | 'unknown-command'
  | 'invalid-input'
  | 'not-found'
  | 'conflict'
  | 'read-only'
  | 'write-failed'
  | 'locked'
  | 'closed'
  | 'internal'

/** An expected failure thrown inside a process and turned into a Failure at its edge. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: { path: string; message: string }[],
  ) {
    super(message)
    this.name = 'DomainError'
  }
}
