import {
  memo,
  useCallback,
  useMemo,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react'
import { useDraggable } from '@dnd-kit/core'
import type { Contact } from '@shared/domain'
import { STAGES, type StageId } from '@shared/stages'
import { Menu, type MenuEntry } from '../ui/Menu'
import { DueIndicator } from '../contact/CardInsights'
import { LogTouchButton } from '../contact/LogTouch'

/** Id of the hidden text that tells screen-reader users how to move cards. */
export const MOVE_INSTRUCTIONS_ID = 'card-move-instructions'

/** What a card can ask the board to do; every function is stable so memoised cards do not re-render. */
export interface CardHandlers {
  onClick: (id: string, event: MouseEvent<HTMLElement>) => void
  onKey: (id: string, event: KeyboardEvent<HTMLElement>) => void
  onBlur: (id: string, event: FocusEvent<HTMLElement>) => void
  onMoveTo: (id: string, stage: StageId) => void
  onOpen: (id: string) => void
  onDelete: (id: string) => void
  registerBody: (id: string, element: HTMLElement | null) => void
}

interface CardProps {
  contact: Contact
  /** Its position in its list (as shown). */
  index: number
  /** Picked up with the keyboard. */
  lifted: boolean
  selected: boolean
  handlers: CardHandlers
  /** In a virtualized list: the offset from the list's top, and the measuring ref. */
  offset: number | undefined
  measure: ((element: HTMLElement | null) => void) | undefined
}

/** "title @ company", or whichever half is known. */
export function roleLine(contact: Pick<Contact, 'title' | 'company'>): string {
  if (contact.title && contact.company) return `${contact.title} @ ${contact.company}`
  return contact.title || contact.company
}

/** The face of a card: shared by the board and the drag overlay. */
export function CardFace({ contact, detailsId }: { contact: Contact; detailsId?: string }) {
  const role = roleLine(contact)
  return (
    <>
      <span className="card-name">{contact.name}</span>
      {/* The card's description (aria-describedby), not part of its name: the name is the person's. */}
      <span id={detailsId} className="card-details" aria-hidden="true">
        <span className="card-line">
          <span className="card-role" title={role || undefined}>
            {role}
          </span>
          <DueIndicator contactId={contact.id} />
        </span>
        {contact.tags.length > 0 && (
          <span className="card-tags" title={contact.tags.join(', ')}>
            {contact.tags.map((tag) => (
              <span key={tag} className="tag">
                {tag}
              </span>
            ))}
          </span>
        )}
      </span>
    </>
  )
}

/** One person on the board: drag it, pick it up with Space, open it with Enter or a click. */
export const Card = memo(function Card({
  contact,
  index,
  lifted,
  selected,
  handlers,
  offset,
  measure,
}: CardProps) {
  const { id, name, stage } = contact
  const { setNodeRef, listeners, isDragging } = useDraggable({ id })
  const setNode = useCallback(
    (element: HTMLElement | null) => {
      setNodeRef(element)
      measure?.(element)
    },
    [setNodeRef, measure],
  )
  const setBody = useCallback(
    (element: HTMLElement | null) => handlers.registerBody(id, element),
    [handlers, id],
  )
  const entries = useMemo<MenuEntry[]>(
    () => [
      { kind: 'item', label: 'Open', onSelect: () => handlers.onOpen(id) },
      { kind: 'group', label: 'Move to' },
      ...STAGES.filter((s) => s.id !== stage).map((s): MenuEntry => ({
        kind: 'item',
        label: s.label,
        onSelect: () => handlers.onMoveTo(id, s.id),
      })),
      { kind: 'item', label: 'Delete', danger: true, onSelect: () => handlers.onDelete(id) },
    ],
    [handlers, id, stage],
  )
  const detailsId = `card-details-${id}`
  const selectedId = `card-selected-${id}`
  const className = [
    'card',
    lifted ? 'card-lifted' : '',
    selected ? 'card-selected' : '',
    isDragging ? 'card-placeholder' : '',
  ]
    .join(' ')
    .trim()
  return (
    <li
      ref={setNode}
      className={className}
      data-testid="card"
      data-contact-id={id}
      data-index={index}
      data-selected={selected || undefined}
      // top, not a transform: a transform would trap the card menu's fixed-position popup.
      style={offset === undefined ? undefined : { top: offset }}
    >
      <div
        ref={setBody}
        role="button"
        tabIndex={0}
        className="card-body"
        aria-roledescription="movable card"
        aria-describedby={`${selected ? `${selectedId} ` : ''}${detailsId} ${MOVE_INSTRUCTIONS_ID}`}
        aria-pressed={lifted}
        {...listeners}
        onClick={(event: MouseEvent<HTMLElement>) => {
          event.preventDefault()
          handlers.onClick(id, event)
        }}
        onKeyDown={(event) => handlers.onKey(id, event)}
        onBlur={(event) => handlers.onBlur(id, event)}
      >
        <CardFace contact={contact} detailsId={detailsId} />
        {selected && (
          <span id={selectedId} className="sr-only" aria-hidden="true">
            Selected.
          </span>
        )}
      </div>
      <div className="card-actions">
        <LogTouchButton contactId={id} name={name} text="Log" />
        <Menu label={`Move or delete ${name}`} entries={entries} className="card-menu">
          Move…
        </Menu>
      </div>
    </li>
  )
})
