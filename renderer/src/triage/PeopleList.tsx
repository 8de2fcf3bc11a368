import { useEffect, useRef, type ReactNode } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { Contact } from '@shared/domain'
import type { PagedContacts, PagedSnapshot } from './pagedContacts'
import { isSelected, toggle, type Selection } from './selection'
import { formatDay } from './format'

const ROW_HEIGHT = 40

/**
 * A long list of people from a paged query, virtualized: only the rows in view are in the
 * DOM, and their pages are fetched as they scroll in. Each row has a checkbox and actions.
 */
export function PeopleList(props: {
  label: string
  list: PagedContacts
  snapshot: PagedSnapshot
  selection: Selection
  onSelection: (selection: Selection) => void
  actions?: (contact: Contact) => ReactNode
  onOpen?: (id: string) => void
  empty: ReactNode
}) {
  const { list, snapshot, selection } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  const count = snapshot.total ?? 0
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items.at(-1)?.index ?? 0
  useEffect(() => {
    list.show(first, last)
  }, [list, first, last, snapshot.version])

  if (snapshot.total === null)
    return <div className="people-list people-loading" aria-busy="true" />
  if (count === 0) return <div className="people-empty">{props.empty}</div>
  return (
    <div className="people-list" ref={scrollRef}>
      <ul
        aria-label={props.label}
        className="people-rows"
        style={{ height: virtualizer.getTotalSize() }}
      >
        {items.map((item) => {
          const contact = snapshot.rows.get(item.index)
          return (
            <li
              key={contact?.id ?? `row-${item.index}`}
              className="people-row"
              data-testid="people-row"
              aria-label={contact?.name}
              aria-setsize={count}
              aria-posinset={item.index + 1}
              style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
            >
              {contact ? (
                <>
                  <input
                    type="checkbox"
                    aria-label={`Select ${contact.name}`}
                    checked={isSelected(selection, contact.id)}
                    onChange={() => props.onSelection(toggle(selection, contact.id))}
                  />
                  <span className="people-name">
                    {props.onOpen ? (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => props.onOpen?.(contact.id)}
                      >
                        {contact.name}
                      </button>
                    ) : (
                      contact.name
                    )}
                  </span>
                  <span className="people-role">
                    {[contact.title, contact.company].filter(Boolean).join(' · ')}
                  </span>
                  <span className="people-email">{contact.email}</span>
                  <span className="people-date">
                    {contact.connectedOn ? formatDay(contact.connectedOn) : ''}
                  </span>
                  <span className="people-actions">{props.actions?.(contact)}</span>
                </>
              ) : (
                <span className="people-placeholder" aria-hidden="true" />
              )}
            </li>
          )
        })}
      </ul>
    </div>
  )
}
