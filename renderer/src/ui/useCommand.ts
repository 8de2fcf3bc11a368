import { useCallback, useMemo, useRef, useState } from 'react'
import type { Command, Input, Output } from '@shared/ipc'
import type { Result } from '@shared/result'
import { call } from '../api/client'
import { plainMessage } from './form/formErrors'
import type { Refusal } from './form/useFormErrors'
import { useToasts, type ToastApi } from './toasts'

/** How one run reports its outcome. */
export interface RunOptions<T> {
  /** The toast once it succeeded: a sentence, or one made from the answer. */
  toast?: string | ((value: T) => string)
  /** The command pushed an undo step: its toast offers Undo. */
  undoable?: boolean
  /** Send it even while another run is on its way (each choice of a radio group must be saved). */
  evenIfBusy?: boolean
  /** Begins an error toast, as in "Could not delete Ada": the core's reason follows. */
  failure?: string
}

/** Where a refusal goes instead of an error toast: a form's errors (see useFormErrors). */
interface ErrorSink {
  show: (failure: Refusal) => void
  clear: () => void
}

/** A command runner for one control or form: its busy flag, its errors and its toasts. */
export interface CommandRunner {
  /** True while a run is on its way; a second run meanwhile is refused. */
  busy: boolean
  /**
   * Send the command. A refusal goes to the form given to useCommand (fields and the line
   * above), or else to an error toast; success may show a toast, with Undo when undoable.
   * Resolves to the core's Result, or null when skipped because another run was on its way.
   */
  run: <C extends Command>(
    command: C,
    input: Input<C>,
    options?: RunOptions<Output<C>>,
  ) => Promise<Result<Output<C>> | null>
  /** Do other async work under the same busy flag (a save made of several commands); skipped while busy. */
  busyWhile: (work: () => Promise<void>) => Promise<void>
}

/** Run core commands from a component: busy flag, refusal shown where it belongs, toast and Undo. */
export function useCommand(errors?: ErrorSink): CommandRunner {
  const [busy, setBusy] = useState(false)
  /** Runs on their way: a ref, so a second submit in the same tick already sees the first. */
  const running = useRef(0)
  const toasts = useToasts()

  const exclusive = useCallback(
    async <T>(work: () => Promise<T>, evenIfBusy = false): Promise<T | null> => {
      if (running.current > 0 && !evenIfBusy) return null
      running.current += 1
      setBusy(true)
      try {
        return await work()
      } finally {
        running.current -= 1
        setBusy(running.current > 0)
      }
    },
    [],
  )
  const busyWhile = useCallback(
    async (work: () => Promise<void>) => void (await exclusive(work)),
    [exclusive],
  )

  const run = useCallback(
    async <C extends Command>(
      command: C,
      input: Input<C>,
      options: RunOptions<Output<C>> = {},
    ): Promise<Result<Output<C>> | null> => {
      const result = await exclusive(() => call(command, input), options.evenIfBusy)
      if (result === null) return null
      if (!result.ok) {
        if (errors) errors.show(result)
        else {
          const reason = plainMessage(result.message)
          const message = options.failure ? `${options.failure}: ${reason}` : reason
          toasts.show({ tone: 'error', message })
        }
        return result
      }
      errors?.clear()
      const { toast, undoable } = options
      if (toast !== undefined) {
        toasts.show({
          message: typeof toast === 'string' ? toast : toast(result.value),
          ...(undoable
            ? { action: { label: 'Undo', run: () => void undoOrRedo(toasts, 'undo') } }
            : {}),
        })
      }
      return result
    },
    [errors, exclusive, toasts],
  )

  return useMemo(() => ({ busy, run, busyWhile }), [busy, run, busyWhile])
}

/** Undo or redo the last change, and say what was undone (or that nothing was) in a toast. */
export async function undoOrRedo(toasts: ToastApi, command: 'undo' | 'redo'): Promise<void> {
  const result = await call(command, {})
  if (!result.ok) {
    toasts.show({ tone: 'error', message: plainMessage(result.message) })
    return
  }
  const verb = command === 'undo' ? 'Undone' : 'Redone'
  const label = result.value.label
  toasts.show({ message: label ? `${verb}: ${label}` : `Nothing to ${command}.` })
}
