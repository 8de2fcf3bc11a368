import { memo, useCallback, useRef, useState, type FocusEvent } from 'react'
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual'
import type { Contact } from '@shared/domain'
import { stageLabel, type StageId } from '@shared/stages'
import { Card, type CardHandlers } from './Card'
import { QuickAdd } from './QuickAdd'

/**
 * Bench-only baseline: `?bench=all-cards` renders every card, so `npm run bench` can compare
 * the virtualized board with the naive one in the same build.
 */
const RENDER_ALL_CARDS =
  typeof location !== 'undefined' &&
  new URLSearchParams(location.search).get('bench') === 'all-cards'

/**
 * Columns up to this many cards render them all (about 10 DOM nodes each, so six full columns
 * stay under 2,000 nodes); longer ones render only the cards in view.
 */
const VIRTUALIZE_ABOVE = 25

/** A card's height before it is measured, and the list's spacing (matches board.css). */
const ESTIMATED_CARD_HEIGHT = 92
const CARD_GAP = 8
const LIST_PADDING_TOP = 4
const LIST_PADDING_BOTTOM = 12

interface ColumnProps {
  stage: StageId
  ids: readonly string[]
  byId: ReadonlyMap<string, Contact>
  /** How many people the column holds when no search filters it; null when not filtered. */
  total: number | null
  liftedId: string | null
  /** A card being moved (by keyboard or pointer): kept rendered wherever the list is scrolled. */
  movingId: string | null
  handlers: CardHandlers
  registerColumn(stage: StageId, element: HTMLElement | null): void
}

/** One stage of the board: header with count, its cards, and quick add in the first column. */
export const Column = memo(function Column({
  stage,
  ids,
  byId,
  total,
  liftedId,
  movingId,
  handlers,
  registerColumn,
}: ColumnProps) {
  const label = stageLabel(stage)
  const setRef = useCallback(
    (element: HTMLElement | null) => registerColumn(stage, element),
    [registerColumn, stage],
  )
  const listRef = useRef<HTMLUListElement | null>(null)
  // The focused card stays rendered when scrolled away, so focus is never dropped on the body.
  const [focusedId, setFocusedId] = useState<string | null>(null)
  const onFocus = useCallback((event: FocusEvent<HTMLUListElement>) => {
    const card = event.target.closest('[data-contact-id]')
    setFocusedId(card?.getAttribute('data-contact-id') ?? null)
  }, [])
  const pinnedIndexes = [movingId, focusedId].flatMap((id) => {
    const at = id === null ? -1 : ids.indexOf(id)
    return at >= 0 ? [at] : []
  })
  const pinnedKey = pinnedIndexes.join(',')
  const rangeExtractor = useCallback(
    (range: Range) => {
      const indexes = defaultRangeExtractor(range)
      const pinned = pinnedKey === '' ? [] : pinnedKey.split(',').map(Number)
      const extra = pinned.filter((i) => !indexes.includes(i))
      return extra.length === 0 ? indexes : [...indexes, ...extra].sort((a, b) => a - b)
    },
    [pinnedKey],
  )
  const virtual = !RENDER_ALL_CARDS && ids.length > VIRTUALIZE_ABOVE
  const virtualizer = useVirtualizer({
    count: virtual ? ids.length : 0,
    getScrollElement: () => listRef.current,
    estimateSize: () => ESTIMATED_CARD_HEIGHT,
    getItemKey: (index) => ids[index] ?? index,
    gap: CARD_GAP,
    paddingStart: LIST_PADDING_TOP,
    paddingEnd: LIST_PADDING_BOTTOM,
    overscan: 2,
    rangeExtractor,
  })
  const count = ids.length
  const countText = total === null ? `${count}` : `${count} of ${total}`
  const card = (id: string, index?: number, offset?: number) => {
    const contact = byId.get(id)
    return contact ? (
      <Card
        key={id}
        contact={contact}
        lifted={liftedId === id}
        handlers={handlers}
        {...(index !== undefined && offset !== undefined
          ? { index, offset, measure: virtualizer.measureElement }
          : {})}
      />
    ) : null
  }
  return (
    <section
      ref={setRef}
      className={`column stage-${stage}`}
      data-testid={`column-${stage}`}
      aria-label={label}
    >
      <header className="column-header">
        <h2 className="column-title">{label}</h2>
        <span
          className="column-count"
          data-testid="column-count"
          aria-label={`${countText} people`}
        >
          {countText}
        </span>
      </header>
      {stage === 'identified' && <QuickAdd onOpenContact={handlers.onOpen} />}
      {count === 0 && <p className="column-empty">{total ? 'No matches' : 'No one here yet'}</p>}
      {!virtual ? (
        <ul className="column-list" aria-label={`People in ${label}`}>
          {ids.map((id) => card(id))}
        </ul>
      ) : (
        <ul
          ref={listRef}
          className="column-list column-list-virtual"
          aria-label={`People in ${label}`}
          onFocus={onFocus}
        >
          {/* Gives the list the height of all its cards, so it scrolls as if every one were there. */}
          <li
            className="column-sizer"
            aria-hidden="true"
            style={{ height: virtualizer.getTotalSize() }}
          />
          {virtualizer.getVirtualItems().map((item) => {
            const id = ids[item.index]
            return id === undefined ? null : card(id, item.index, item.start)
          })}
        </ul>
      )}
    </section>
  )
})
