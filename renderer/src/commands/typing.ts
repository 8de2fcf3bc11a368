/** Input types that take typed text; keys pressed in them belong to the field. */
const TEXT_INPUT_TYPES = new Set([
  'text',
  'search',
  'email',
  'tel',
  'url',
  'password',
  'number',
  'date',
  'datetime-local',
  'month',
  'week',
  'time',
])

/**
 * True when a key press goes to something the user is typing in: a text-like input, a textarea,
 * a select (letters pick an option there) or contenteditable. Single-key shortcuts stay quiet then.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target instanceof HTMLInputElement) return TEXT_INPUT_TYPES.has(target.type)
  return (
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.isContentEditable
  )
}

/**
 * True while an input method editor composes text (Japanese, Chinese, Korean…): its keys,
 * Enter and Escape included, belong to the composition. Chromium reports keyCode 229 for the
 * key that starts it, before isComposing is set.
 */
export function isComposing(event: Pick<KeyboardEvent, 'isComposing' | 'keyCode'>): boolean {
  return event.isComposing || event.keyCode === 229
}
