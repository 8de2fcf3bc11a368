import {
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type KeyboardEvent,
  type ReactNode,
} from 'react'
import './menu.css'

/** One entry of a Menu; `group` entries start a labelled section. */
export type MenuEntry =
  | { kind: 'item'; label: string; onSelect: () => void; danger?: boolean }
  | { kind: 'group'; label: string }

interface MenuProps {
  /** Accessible name of the button that opens the menu. */
  label: string
  /** What the button shows. */
  children: ReactNode
  entries: readonly MenuEntry[]
  className?: string
  /** The opening button's class: a small icon button unless told ("button" for a text one). */
  buttonClassName?: string
}

/** Room a menu needs below its button before it opens upwards instead. */
const ROOM_BELOW = 320

/**
 * Fixed coordinates next to the button: the menu lives inside scrolling columns, which would clip it.
 * Applied as a style prop (CSSOM), which the CSP allows.
 */
function popupPosition(button: HTMLElement | null): CSSProperties {
  if (!button) return {}
  const rect = button.getBoundingClientRect()
  const right = Math.max(8, window.innerWidth - rect.right)
  return rect.bottom + ROOM_BELOW > window.innerHeight
    ? { position: 'fixed', right, bottom: window.innerHeight - rect.top + 4 }
    : { position: 'fixed', right, top: rect.bottom + 4 }
}

/** A button that opens a menu of actions: arrow keys move, Enter selects, Escape closes. */
export function Menu({
  label,
  children,
  entries,
  className,
  buttonClassName = 'menu-button',
}: MenuProps) {
  const [open, setOpen] = useState(false)
  const [position, setPosition] = useState<CSSProperties>({})
  const buttonRef = useRef<HTMLButtonElement>(null)
  const menuRef = useRef<HTMLDivElement>(null)
  const menuId = useId()

  useEffect(() => {
    if (!open) return
    menuRef.current?.querySelector<HTMLElement>('[role="menuitem"]')?.focus()
    const onPointerDown = (event: PointerEvent) => {
      const target = event.target
      if (
        target instanceof Node &&
        (menuRef.current?.contains(target) || buttonRef.current?.contains(target))
      )
        return
      setOpen(false)
    }
    // The menu is fixed in place: when what it belongs to scrolls away, it closes.
    const onScroll = (event: Event) => {
      if (event.target instanceof Node && menuRef.current?.contains(event.target)) return
      setOpen(false)
    }
    document.addEventListener('pointerdown', onPointerDown)
    document.addEventListener('scroll', onScroll, true)
    return () => {
      document.removeEventListener('pointerdown', onPointerDown)
      document.removeEventListener('scroll', onScroll, true)
    }
  }, [open])

  const close = (restoreFocus: boolean) => {
    setOpen(false)
    if (restoreFocus) buttonRef.current?.focus()
  }

  const onMenuKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const items = Array.from(
      menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [],
    )
    const current = items.findIndex((item) => item === document.activeElement)
    const focusAt = (index: number) => items[(index + items.length) % items.length]?.focus()
    switch (event.key) {
      case 'ArrowDown':
        focusAt(current + 1)
        break
      case 'ArrowUp':
        focusAt(current - 1)
        break
      case 'Home':
        focusAt(0)
        break
      case 'End':
        focusAt(items.length - 1)
        break
      case 'Escape':
        close(true)
        break
      case 'Tab':
        setOpen(false)
        return
      default:
        return
    }
    event.preventDefault()
    event.stopPropagation()
  }

  return (
    <div className={`menu ${className ?? ''}`}>
      <button
        ref={buttonRef}
        type="button"
        className={buttonClassName}
        aria-label={label}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => {
          if (!open) setPosition(popupPosition(buttonRef.current))
          setOpen(!open)
        }}
        // The card underneath is draggable and picks up on Space/Enter; the menu button must not
        // trigger either. Other keys go on, so the app's shortcuts work from here too.
        onPointerDown={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === ' ' || event.key === 'Enter') event.stopPropagation()
        }}
      >
        {children}
      </button>
      {open && (
        <div
          ref={menuRef}
          id={menuId}
          role="menu"
          aria-label={label}
          className="menu-popup"
          style={position}
          onKeyDown={onMenuKeyDown}
          onPointerDown={(event) => event.stopPropagation()}
        >
          {entries.map((entry) =>
            entry.kind === 'group' ? (
              <div key={`group-${entry.label}`} className="menu-group" role="presentation">
                {entry.label}
              </div>
            ) : (
              <button
                key={entry.label}
                type="button"
                role="menuitem"
                tabIndex={-1}
                className={entry.danger ? 'menu-item menu-item-danger' : 'menu-item'}
                onClick={() => {
                  close(true)
                  entry.onSelect()
                }}
              >
                {entry.label}
              </button>
            ),
          )}
        </div>
      )}
    </div>
  )
}
