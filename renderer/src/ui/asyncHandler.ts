/**
 * An async event handler in the shape React expects (`onSubmit`, `onClick` return nothing).
 * The handlers' `call`s never throw (failures come back as results and are shown), so a
 * rejection here is a bug: it is logged rather than left as an unhandled rejection.
 */
export function asyncHandler<A extends unknown[]>(
  run: (...args: A) => Promise<unknown>,
): (...args: A) => void {
  return (...args) => {
    run(...args).catch((error: unknown) => console.error('Unexpected error in a handler', error))
  }
}
