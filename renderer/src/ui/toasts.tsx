import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react'
import './toasts.css'

/** One short message, optionally with an action button such as Undo. */
export interface ToastInput {
  message: string
  tone?: 'info' | 'error'
  action?: { label: string; run: () => void }
}

interface Toast extends ToastInput {
  id: number
}

/** Shows toasts; from useToasts(). */
export interface ToastApi {
  show: (toast: ToastInput) => void
}

const ToastContext = createContext<ToastApi>({ show: () => {} })

/** How long a toast stays; long enough to reach its Undo button. */
const TOAST_MS = 8000
const MAX_TOASTS = 3

/** Renders toasts at the bottom of the window and provides `useToasts().show`. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([])
  const nextId = useRef(1)
  const dismiss = useCallback(
    (id: number) => setToasts((list) => list.filter((t) => t.id !== id)),
    [],
  )
  const show = useCallback((toast: ToastInput) => {
    const id = nextId.current++
    setToasts((list) => [...list, { ...toast, id }].slice(-MAX_TOASTS))
  }, [])
  const api = useMemo(() => ({ show }), [show])
  return (
    <ToastContext.Provider value={api}>
      {children}
      <div className="toasts" role="status" aria-live="polite" aria-label="Notifications">
        {toasts.map((toast) => (
          <ToastView key={toast.id} toast={toast} onDismiss={dismiss} />
        ))}
      </div>
    </ToastContext.Provider>
  )
}

function ToastView({ toast, onDismiss }: { toast: Toast; onDismiss: (id: number) => void }) {
  const [hovered, setHovered] = useState(false)
  useEffect(() => {
    if (hovered) return
    const timer = setTimeout(() => onDismiss(toast.id), TOAST_MS)
    return () => clearTimeout(timer)
  }, [hovered, onDismiss, toast.id])
  return (
    <div
      className={`toast toast-${toast.tone ?? 'info'}`}
      data-testid="toast"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
    >
      <span className="toast-message">{toast.message}</span>
      {toast.action && (
        <button
          type="button"
          className="toast-action"
          onClick={() => {
            toast.action?.run()
            onDismiss(toast.id)
          }}
        >
          {toast.action.label}
        </button>
      )}
      <button
        type="button"
        className="toast-close"
        aria-label="Dismiss notification"
        onClick={() => onDismiss(toast.id)}
      >
        ×
      </button>
    </div>
  )
}

/** Show toasts from any component. */
export function useToasts(): ToastApi {
  return useContext(ToastContext)
}
