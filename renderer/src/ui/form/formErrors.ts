/** One problem the core found with a command's input: where (a dotted path) and what. */
export interface Issue {
  path: string
  message: string
}

/** Messages placed beside their fields, and the ones that fit no field, shown above the form. */
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>
  other: string[]
}

// zod's stock messages, said in plain words. The contract's own messages are already sentences.
const PLAIN: readonly [RegExp, (match: RegExpExecArray) => string][] = [
  [/^Invalid input: expected number, received NaN$/, () => 'Enter a number.'],
  [/^Invalid input: expected int, received number$/, () => 'Enter a whole number.'],
  [/^Too small: expected number to be >=?(\d+)$/, (m) => `Enter ${m[1]} or more.`],
  [/^Too big: expected number to be <=?(\d+)$/, (m) => `Enter ${m[1]} or less.`],
  [
    /^Too big: expected string to have <=?(\d+) characters$/,
    (m) => `Keep it to ${m[1]} characters.`,
  ],
  [/^Too small: expected string to have >=?1 characters?$/, () => 'This is required.'],
  [/^Invalid ISO date$/, () => 'Use a date like 2025-03-31.'],
  [/^Invalid ISO datetime$/, () => 'Use a date and time.'],
  [/^Invalid (input|option)/, () => 'This value is not one of the choices.'],
]

/** A core message in plain words: zod's stock phrasing replaced, a full stop at the end. */
export function plainMessage(message: string): string {
  for (const [pattern, say] of PLAIN) {
    const match = pattern.exec(message)
    if (match) return say(match)
  }
  const trimmed = message.trim()
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`
}

/**
 * Place each issue beside the field it concerns ("links.2" belongs to links; the longest
 * matching prefix wins, so "quietHours.start" finds its own field). An issue for no field is
 * kept as a sentence without its path: people read "Role is required", never "role: …".
 */
export function formErrors<F extends string>(
  issues: readonly Issue[],
  fields: readonly F[],
): FormErrors<F> {
  const placed: Partial<Record<F, string>> = {}
  const other: string[] = []
  for (const issue of issues) {
    const field = fieldOf(issue.path, fields)
    const message = plainMessage(issue.message)
    if (field === null) other.push(message)
    else placed[field] ??= message
  }
  return { fields: placed, other }
}

function fieldOf<F extends string>(path: string, fields: readonly F[]): F | null {
  const parts = path.split('.')
  for (let n = parts.length; n > 0; n--) {
    const prefix = parts.slice(0, n).join('.')
    const found = fields.find((f) => f === prefix)
    if (found !== undefined) return found
  }
  return null
}

/** What a form shows for a refused command: field errors, and one line above the form or none. */
export function refusal<F extends string>(
  failure: { message: string; issues?: readonly Issue[] },
  fields: readonly F[],
): { fields: Partial<Record<F, string>>; summary: string | null } {
  const { fields: placed, other } = formErrors(failure.issues ?? [], fields)
  if (other.length > 0) return { fields: placed, summary: other.join(' ') }
  if (Object.keys(placed).length > 0) return { fields: placed, summary: null }
  return { fields: placed, summary: plainMessage(failure.message) }
}
