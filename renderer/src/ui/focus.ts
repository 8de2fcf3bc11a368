import { useEffect, useState, type RefObject } from 'react'
import { isComposing } from '../commands/typing'
import { useStableCallback } from './useStableCallback'

/** The id of the element focus falls back to when where it was is gone: the main region. */
export const FOCUS_FALLBACK_ID = 'main-content'

/** Move focus to `element` when it is still on the page, else to the main region; never to <body>. */
export function focusOrFallback(element: Element | null | undefined): void {
  if (element instanceof HTMLElement && element !== document.body && element.isConnected) {
    element.focus({ preventScroll: true })
    if (document.activeElement === element) return
  }
  document.getElementById(FOCUS_FALLBACK_ID)?.focus({ preventScroll: true })
}

/** Remember what has focus now; the returned function puts it back there (or on the fallback). */
export function rememberFocus(): () => void {
  const previous = document.activeElement
  return () => focusOrFallback(previous)
}

/**
 * Remember the focused element when a component first renders, before its autoFocus or effects
 * move focus, and put focus back there when it unmounts: Esc returns focus to where it came from.
 */
export function useRestoreFocus(): void {
  const [restore] = useState(rememberFocus)
  useEffect(() => restore, [restore])
}

const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])'

function tabbables(root: HTMLElement): HTMLElement[] {
  return Array.from(root.querySelectorAll<HTMLElement>(TABBABLE)).filter(
    (element) => element.getClientRects().length > 0,
  )
}

/** Open modal layers, innermost last: only it answers Escape and keeps Tab inside. */
const modalStack: symbol[] = []

/**
 * A modal layer: focus moves in (to `initialFocus`, else the first field or button, else the
 * layer itself), Tab stays inside, Escape closes (the innermost layer only, and not while an IME
 * composes), and focus returns to where it came from on close.
 */
export function useModal(
  ref: RefObject<HTMLElement | null>,
  onClose: () => void,
  initialFocus?: () => HTMLElement | null | undefined,
): void {
  const close = useStableCallback(onClose)
  const pickInitial = useStableCallback(() => initialFocus?.())
  useRestoreFocus()
  useEffect(() => {
    const token = Symbol('modal')
    modalStack.push(token)
    const root = ref.current
    if (root && !root.contains(document.activeElement)) {
      const first =
        pickInitial() ??
        root.querySelector<HTMLElement>(
          'input:not([type="hidden"]), select, textarea, button:not(.dialog-close)',
        ) ??
        root
      first.focus()
    }
    const onKeyDown = (event: KeyboardEvent) => {
      if (modalStack[modalStack.length - 1] !== token || !root) return
      if (event.key === 'Escape' && !isComposing(event)) {
        // The contact panel and the app's shortcuts also listen; the layer on top goes first.
        event.preventDefault()
        event.stopImmediatePropagation()
        close()
      } else if (event.key === 'Tab') {
        const inside = tabbables(root)
        const first = inside[0]
        const last = inside[inside.length - 1]
        const active = document.activeElement
        if (!first || !last) {
          event.preventDefault()
          root.focus()
        } else if (!root.contains(active)) {
          event.preventDefault()
          first.focus()
        } else if (event.shiftKey && (active === first || active === root)) {
          event.preventDefault()
          last.focus()
        } else if (!event.shiftKey && active === last) {
          event.preventDefault()
          first.focus()
        }
      }
    }
    window.addEventListener('keydown', onKeyDown, true)
    return () => {
      window.removeEventListener('keydown', onKeyDown, true)
      const index = modalStack.indexOf(token)
      if (index >= 0) modalStack.splice(index, 1)
    }
  }, [ref, close, pickInitial])
}

/** Whether a modal layer is open (the app's single-key shortcuts wait until it closes). */
export function isModalOpen(): boolean {
  return modalStack.length > 0
}

/**
 * The safety net behind every action: when the focused element is removed (a deleted card, a
 * closed popover) and focus would fall to <body>, it goes to the main region instead.
 */
export function useFocusNeverLost(): void {
  useEffect(() => {
    let last: Element | null = null
    const onFocusIn = (event: FocusEvent) => {
      last = event.target instanceof Element ? event.target : null
    }
    const observer = new MutationObserver(() => {
      const active = document.activeElement
      if (active !== null && active !== document.body) return
      if (last === null || last.isConnected) return
      last = null
      focusOrFallback(null)
    })
    document.addEventListener('focusin', onFocusIn)
    observer.observe(document.body, { childList: true, subtree: true })
    return () => {
      document.removeEventListener('focusin', onFocusIn)
      observer.disconnect()
    }
  }, [])
}
