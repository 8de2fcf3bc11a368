import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type RefObject,
} from 'react'
import { refusal, type Issue } from './formErrors'

/** A refusal as the core sends it: a sentence, and the fields it names. */
export interface Refusal {
  message: string
  issues?: readonly Issue[]
}

/** A form's errors: beside their fields, one line above the form, and focus on the first. */
export interface FormErrorsApi<F extends string> {
  /** Messages beside their fields. */
  fields: Partial<Record<F, string>>
  /** The line above the form: what fits no field; null when there is none. */
  summary: string | null
  /** What a Field needs for `name`: its name (for tests) and its error. */
  field: (name: F) => { name: F; error: string | undefined }
  /** Show a refusal: issues beside their fields, the rest above; the first invalid field takes focus. */
  show: (failure: Refusal) => void
  /** A problem found before sending: beside `field`, or above the form without one. */
  fail: (message: string, field?: F) => void
  clear: () => void
  /** Put on the <form>: its first invalid control takes focus after a failed submit. */
  ref: RefObject<HTMLFormElement | null>
  /**
   * The form's onSubmit: stops the page load and runs `save`, whose promise is not handed to
   * React (an async onSubmit is a misused promise).
   */
  onSubmit: (save: () => unknown) => (event: FormEvent) => void
}

/** Errors by field for a form whose fields are named as the core's issue paths name them. */
export function useFormErrors<F extends string>(names: readonly F[]): FormErrorsApi<F> {
  const [fields, setFields] = useState<Partial<Record<F, string>>>({})
  const [summary, setSummary] = useState<string | null>(null)
  /** Bumped on each failure, so focus moves after the errors have rendered. */
  const [failures, setFailures] = useState(0)
  const ref = useRef<HTMLFormElement | null>(null)
  // The names may be a literal rebuilt each render: read the latest without making show unstable.
  const latestNames = useRef(names)
  useEffect(() => {
    latestNames.current = names
  })

  useEffect(() => {
    if (failures === 0) return
    ref.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus()
  }, [failures])

  const show = useCallback((failure: Refusal) => {
    const placed = refusal(failure, latestNames.current)
    setFields(placed.fields)
    setSummary(placed.summary)
    setFailures((n) => n + 1)
  }, [])
  const fail = useCallback((message: string, field?: F) => {
    if (field === undefined) {
      setFields({})
      setSummary(message)
    } else {
      const placed: Partial<Record<F, string>> = {}
      placed[field] = message
      setFields(placed)
      setSummary(null)
    }
    setFailures((n) => n + 1)
  }, [])
  const clear = useCallback(() => {
    // Called on every keystroke by some forms: keep the same object when nothing is shown.
    setFields((shown) => (Object.keys(shown).length === 0 ? shown : {}))
    setSummary(null)
  }, [])
  const onSubmit = useCallback(
    (save: () => unknown) => (event: FormEvent) => {
      event.preventDefault()
      void save()
    },
    [],
  )
  return useMemo(
    () => ({
      fields,
      summary,
      field: (name: F) => ({ name, error: fields[name] }),
      show,
      fail,
      clear,
      ref,
      onSubmit,
    }),
    [fields, summary, show, fail, clear, onSubmit],
  )
}
