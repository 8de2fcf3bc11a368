import {
  memo,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
} from 'react'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import type { Contact } from '@shared/domain'
import { stageLabel, type StageId } from '@shared/stages'
import { Card, type CardHandlers } from './Card'
import { boardData, contactAt, type ListWindow } from './boardData'
import type { ListEntry } from './useCardMove'
import {
  baseIndexAt,
  displayCount,
  listKey,
  wipState,
  type ListRef,
  type MovingCard,
} from './boardModel'

/**
 * Lists up to this many cards render them all, in flow (a screenful, so nothing is gained by
 * virtualizing them); longer ones render only the cards in view.
 */
const VIRTUALIZE_ABOVE = 25

/** A card's height before it is measured, and the list's spacing (matches board.css). */
const ESTIMATED_CARD_HEIGHT: Record<Density, number> = { comfortable: 64, compact: 48 }
const CARD_GAP = 6
const LIST_PADDING_TOP = 4
const LIST_PADDING_BOTTOM = 12

export type Density = 'comfortable' | 'compact'

/** A moving card as the lists draw it: where it is, and the contact to draw there. */
export interface MovingDisplay extends MovingCard {
  contact: Contact
}

interface CardListProps {
  stage: StageId
  /** The lane's key when the board is grouped, else null. */
  lane: string | null
  /** How many cards the list has as the core counts them (the moving card included at its origin). */
  total: number
  window: ListWindow | undefined
  moving: MovingDisplay | null
  liftedId: string | null
  selection: ReadonlySet<string>
  density: Density
  handlers: CardHandlers
  label: string
  registerList: (key: string, entry: ListEntry | null) => void
}

/**
 * The cards of one list, virtualized: only those in view are in the DOM, and only the pages in
 * view are fetched. The card being moved and the focused card stay rendered wherever the list
 * is scrolled, so focus never falls to the body.
 */
export const CardList = memo(function CardList({
  stage,
  lane,
  total,
  window,
  moving,
  liftedId,
  selection,
  density,
  handlers,
  label,
  registerList,
}: CardListProps) {
  const list = useMemo<ListRef>(() => ({ stage, lane }), [stage, lane])
  const key = listKey(list)
  const listRef = useRef<HTMLUListElement | null>(null)
  /** Scrolls a position into view; set once the virtualizer exists. */
  const scrollTo = useRef<(index: number) => void>(() => undefined)
  const setRef = useCallback(
    (element: HTMLUListElement | null) => {
      listRef.current = element
      registerList(
        key,
        element && { list, element, scrollTo: (index: number) => scrollTo.current(index) },
      )
    },
    [registerList, key, list],
  )
  const count = displayCount(list, total, moving)
  const [focusedIndex, setFocusedIndex] = useState<number | null>(null)
  const onFocus = useCallback((event: FocusEvent<HTMLUListElement>) => {
    const index = event.target.closest('[data-index]')?.getAttribute('data-index')
    setFocusedIndex(index === null || index === undefined ? null : Number(index))
  }, [])
  const movingIndex = moving && listKey(moving.placement) === key ? moving.placement.index : null
  // The moved card is usually the focused one too: pin each position once, or it renders twice.
  const pinned = [...new Set([movingIndex, focusedIndex])].filter(
    (i): i is number => i !== null && i < count,
  )
  const pinnedKey = pinned.join(',')
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      const extra = pinnedKey === '' ? [] : pinnedKey.split(',').map(Number)
      const missing = extra.filter((i) => !indexes.includes(i))
      return missing.length === 0 ? indexes : [...indexes, ...missing].sort((a, b) => a - b)
    },
    [pinnedKey],
  )
  const idAt = (index: number): Contact | undefined => {
    const at = baseIndexAt(list, index, moving)
    if (at === 'moving') return moving?.contact
    const contact = contactAt(window, at)
    // Lists fetched mid-move may already hold the moving card: it is drawn once, where it moves.
    return contact && contact.id === moving?.id ? undefined : contact
  }
  const virtual = count > VIRTUALIZE_ABOVE
  const virtualizer = useVirtualizer({
    count: virtual ? count : 0,
    getScrollElement: () => listRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT[density],
    getItemKey: (index) => idAt(index)?.id ?? `slot-${index}`,
    gap: CARD_GAP,
    paddingStart: LIST_PADDING_TOP,
    paddingEnd: LIST_PADDING_BOTTOM,
    overscan: 3,
    rangeExtractor,
  })
  scrollTo.current = (index) => {
    if (virtual) virtualizer.scrollToIndex(index, { align: 'auto' })
  }
  const items = virtual
    ? virtualizer.getVirtualItems()
    : Array.from({ length: count }, (_, index) => ({
        index,
        key: idAt(index)?.id ?? `slot-${index}`,
        start: undefined,
      }))
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? -1

  // Fetch the pages in view (with a screen's margin either side).
  useEffect(() => {
    const margin = Math.max(8, last - first)
    boardData.show(list, Math.max(0, first - margin), Math.max(last + margin, 0))
  }, [list, first, last])
  useEffect(() => () => boardData.hide(list), [list])

  // A card moved with the keyboard stays in view: the list scrolls with it, and again once the
  // lifted card is measured (its height can differ from the estimate the first scroll used).
  const liftedHere = movingIndex !== null && liftedId !== null && moving?.id === liftedId
  const measuredSize = liftedHere && virtual ? virtualizer.getTotalSize() : 0
  useLayoutEffect(() => {
    if (movingIndex !== null && virtual) virtualizer.scrollToIndex(movingIndex, { align: 'auto' })
  }, [movingIndex, virtualizer, virtual, measuredSize])

  return (
    <ul
      ref={setRef}
      className={virtual ? 'column-list column-list-virtual' : 'column-list'}
      aria-label={label}
      data-list-key={key}
      onFocus={onFocus}
    >
      {/* Gives the list the height of all its cards, so it scrolls as if every one were there. */}
      {virtual && (
        <li
          className="column-sizer"
          aria-hidden="true"
          style={{ height: virtualizer.getTotalSize() }}
        />
      )}
      {items.map((item) => {
        const contact = idAt(item.index)
        if (!contact) {
          return (
            <li
              key={item.key}
              ref={virtual ? virtualizer.measureElement : undefined}
              className="card card-loading"
              data-index={item.index}
              aria-hidden="true"
              style={{ top: item.start, height: ESTIMATED_CARD_HEIGHT[density] }}
            />
          )
        }
        return (
          <Card
            key={item.key}
            contact={contact}
            index={item.index}
            lifted={liftedId === contact.id}
            selected={selection.has(contact.id)}
            handlers={handlers}
            offset={item.start}
            measure={virtual ? virtualizer.measureElement : undefined}
          />
        )
      })}
    </ul>
  )
})

interface ColumnHeaderProps {
  stage: StageId
  count: number | null
  wipLimit: number | null
}

/** A column's header: its stage, its count, and "4 / 3" in amber when over its soft WIP limit. */
export function ColumnHeader({ stage, count, wipLimit }: ColumnHeaderProps) {
  const wip = count === null ? null : wipState(count, wipLimit ?? undefined)
  // "3,049", as the toolbar counts people.
  const shown = count?.toLocaleString('en-US')
  const text = count === null ? '…' : (wip?.text ?? shown)
  const spoken =
    count === null
      ? 'counting'
      : wip
        ? `${shown} people, limit ${wipLimit}${wip.over ? ', over the limit' : ''}`
        : `${shown} people`
  return (
    <header className={`column-header stage-${stage}`}>
      <h2 className="column-title">{stageLabel(stage)}</h2>
      <span
        className={`column-count${wip?.over ? ' column-count-over' : ''}`}
        data-testid="column-count"
        aria-label={spoken}
        title={wip ? `Soft limit: ${wipLimit} people in ${stageLabel(stage)}` : undefined}
      >
        {text}
      </span>
    </header>
  )
}
