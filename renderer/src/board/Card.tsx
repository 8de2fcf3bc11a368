import {
  memo,
  useCallback,
  useMemo,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react'
import { useDraggable } from '@dnd-kit/core'
import { relationshipLabel, type Contact } from '@shared/domain'
import { STAGES, type StageId } from '@shared/stages'
import { Menu, type MenuEntry } from '../ui/Menu'
import { CardInsights } from '../contact/CardInsights'

/** Id of the hidden text that tells screen-reader users how to move cards. */
export const MOVE_INSTRUCTIONS_ID = 'card-move-instructions'

/** What a card can ask the board to do; every function is stable so memoised cards do not re-render. */
export interface CardHandlers {
  onOpen(id: string): void
  onKey(id: string, event: KeyboardEvent<HTMLElement>): void
  onBlur(id: string, event: FocusEvent<HTMLElement>): void
  onMoveTo(id: string, stage: StageId): void
  onDelete(id: string): void
  registerBody(id: string, element: HTMLElement | null): void
  registerNode(id: string, element: HTMLElement | null): void
}

interface CardProps {
  contact: Contact
  /** Picked up with the keyboard. */
  lifted: boolean
  handlers: CardHandlers
  /** In a virtualized column: the card's index, its offset from the list's top, and the measuring ref. */
  index?: number
  offset?: number
  measure?: (element: HTMLElement | null) => void
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
        {role && <span className="card-role">{role}</span>}
        <span className="card-relationship">{relationshipLabel(contact.relationship)}</span>
        {contact.tags.length > 0 && (
          <span className="card-tags">
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

/** One person on the board: drag it, pick it up with Space/Enter, click it to edit. */
export const Card = memo(function Card({
  contact,
  lifted,
  handlers,
  index,
  offset,
  measure,
}: CardProps) {
  const { id, name, stage } = contact
  const { setNodeRef, listeners, isDragging } = useDraggable({ id })
  const setNode = useCallback(
    (element: HTMLElement | null) => {
      setNodeRef(element)
      handlers.registerNode(id, element)
      measure?.(element)
    },
    [handlers, id, setNodeRef, measure],
  )
  const setBody = useCallback(
    (element: HTMLElement | null) => handlers.registerBody(id, element),
    [handlers, id],
  )
  const entries = useMemo<MenuEntry[]>(
    () => [
      { kind: 'item', label: 'Edit…', onSelect: () => handlers.onOpen(id) },
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
  const className = ['card', lifted ? 'card-lifted' : '', isDragging ? 'card-placeholder' : '']
    .join(' ')
    .trim()
  return (
    <li
      ref={setNode}
      className={className}
      data-testid="card"
      data-contact-id={id}
      data-index={index}
      // top, not a transform: a transform would trap the card menu's fixed-position popup.
      style={offset === undefined ? undefined : { top: offset }}
    >
      <div
        ref={setBody}
        role="button"
        tabIndex={0}
        className="card-body"
        aria-roledescription="movable card"
        aria-describedby={`${detailsId} ${MOVE_INSTRUCTIONS_ID}`}
        aria-pressed={lifted}
        {...listeners}
        onClick={(event: MouseEvent) => {
          event.preventDefault()
          handlers.onOpen(id)
        }}
        onKeyDown={(event) => handlers.onKey(id, event)}
        onBlur={(event) => handlers.onBlur(id, event)}
      >
        <CardFace contact={contact} detailsId={detailsId} />
      </div>
      <CardInsights contactId={id} name={name} />
      <Menu label={`Actions for ${name}`} entries={entries} className="card-menu">
        <span aria-hidden="true">⋯</span>
      </Menu>
    </li>
  )
})
