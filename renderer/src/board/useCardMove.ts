import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react'
import type { DragStartEvent } from '@dnd-kit/core'
import type { Contact } from '@shared/domain'
import { NO_LANE_LABEL, type BoardQuery } from '@shared/query'
import { stageLabel, type StageId } from '@shared/stages'
import { call } from '../api/client'
import { useAnnounce } from '../ui/announcer'
import { useToasts } from '../ui/toasts'
import { useStableCallback } from '../ui/useStableCallback'
import { boardData, contactAt, type BoardSnapshot } from './boardData'
import {
  baseIndexAt,
  displayCount,
  focusStep,
  listKey,
  moveIndex,
  step,
  type ArrowKey,
  type ListRef,
  type OpenLanes,
  type Placement,
} from './boardModel'
import type { MovingDisplay } from './Column'
import { laneChange, type LaneChange } from './lanes'

/** A card being moved, by keyboard or pointer. */
export interface Moving extends MovingDisplay {
  mode: 'pointer' | 'keyboard'
}

/** A list on screen: which list it is, its element, and how to scroll a position into view. */
export interface ListEntry {
  list: ListRef
  element: HTMLElement
  scrollTo: (index: number) => void
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'])

/** Whether a key is one of the four arrows. */
export function isArrow(key: string): key is ArrowKey {
  return ARROWS.has(key)
}

/** How many cards a list has as the core counts them. */
export function totalOf(data: BoardSnapshot, list: ListRef): number {
  const held = data.lists.get(listKey(list))?.total
  if (held !== null && held !== undefined) return held
  if (list.lane === null) return data.summary?.counts[list.stage] ?? 0
  return data.summary?.lanes.find((l) => l.key === list.lane)?.counts[list.stage] ?? 0
}

/** Whether the board shows everyone in board order, ungrouped: positions are the core's. */
function isPlain(query: BoardQuery): boolean {
  return (
    query.sort === 'manual' && query.groupBy === 'none' && Object.keys(query.filter).length === 0
  )
}

interface CardMoveOptions {
  data: BoardSnapshot
  /** The open lanes, top to bottom, when the board is grouped (collapsed ones are skipped). */
  openLanes: OpenLanes
  /** Called before a card changes column; returning true takes the move over (e.g. a form opens first). */
  interceptMove?: (id: string, from: StageId, to: StageId) => boolean
}

/**
 * Moving cards on the board, by pointer (dnd-kit) or keyboard (Space, arrows, Space or Escape):
 * where the card would land, what is announced, where focus stays, and the commands a drop
 * sends, including the lane fields of a grouped board. Also arrow-key focus between cards.
 */
export function useCardMove({ data, openLanes, interceptMove }: CardMoveOptions) {
  const announce = useAnnounce()
  const toasts = useToasts()
  const [moving, setMovingState] = useState<Moving | null>(null)
  // Handlers read the latest state from refs: several events can arrive before React re-renders.
  const movingRef = useRef<Moving | null>(null)
  const setMoving = (next: Moving | null) => {
    movingRef.current = next
    setMovingState(next)
  }
  const dataRef = useRef(data)
  dataRef.current = data
  const lanesRef = useRef(openLanes)
  lanesRef.current = openLanes

  const bodies = useRef(new Map<string, HTMLElement>())
  const lists = useRef(new Map<string, ListEntry>())
  /** A card to keep focused across re-renders: moving it between lists remounts it. */
  const keepFocus = useRef<string | null>(null)
  /** The lifted card changed lane: bring it into view in the board, not only in its list. */
  const revealLifted = useRef(false)
  /** A position to focus once its card is rendered (scrolled to, or its page fetched). */
  const focusWanted = useRef<Placement | null>(null)
  /** A pointer drag ended: swallow the click the browser may fire on release. */
  const suppressClick = useRef(false)
  const stopPointerTracking = useRef<(() => void) | null>(null)

  useLayoutEffect(() => {
    const id = keepFocus.current
    if (id === null) return
    const element = bodies.current.get(id)
    if (element?.isConnected && document.activeElement !== element)
      element.focus({ preventScroll: true })
    if (element?.isConnected && revealLifted.current) {
      revealLifted.current = false
      element.scrollIntoView({ block: 'nearest', inline: 'nearest' })
    }
  })

  const total = (list: ListRef) => totalOf(dataRef.current, list)
  const laneLabel = (key: string) => {
    const { summary, query } = dataRef.current
    const label = summary?.lanes.find((l) => l.key === key)?.label
    if (label !== undefined) return label
    return key === '' && query.groupBy !== 'none' ? NO_LANE_LABEL[query.groupBy] : key
  }
  const positionText = (placement: Placement, state: MovingDisplay | null) =>
    `${stageLabel(placement.stage)}${placement.lane === null ? '' : `, Lane ${laneLabel(placement.lane)}`}, position ${
      placement.index + 1
    } of ${displayCount(placement, total(placement), state)}`

  /** The contact shown at a position of a list (while `state` moves), if loaded. */
  const shownAt = (
    list: ListRef,
    index: number,
    state: MovingDisplay | null = dataRef.current.pending,
  ): Contact | undefined => {
    const at = baseIndexAt(list, index, state)
    if (at === 'moving') return state?.contact
    return contactAt(dataRef.current.lists.get(listKey(list)), at)
  }

  /** Find a card on screen: its contact, list and position. */
  const locate = (id: string): { contact: Contact; at: Placement } | null => {
    const body = bodies.current.get(id)
    const item = body?.closest('[data-index]')
    const listElement = body?.closest('[data-list-key]')
    const entry = lists.current.get(listElement?.getAttribute('data-list-key') ?? '')
    const index = Number(item?.getAttribute('data-index'))
    if (!entry || !Number.isInteger(index)) return null
    const contact = shownAt(entry.list, index)
    if (contact?.id !== id) return null
    return { contact, at: { ...entry.list, index } }
  }

  const nameOf = (id: string) =>
    (movingRef.current?.id === id ? movingRef.current.contact.name : locate(id)?.contact.name) ??
    'Card'

  /**
   * Send a drop to the core as one command, so one undo step: the stage and position, and the
   * fields the lane sets. The card stays drawn where it was dropped until the board has refreshed.
   */
  const sendMove = async (
    state: MovingDisplay,
    index: number | undefined,
    lane: LaneChange | null,
  ) => {
    const { id, placement, origin, contact } = state
    try {
      // A sorted board keeps board order: a lane change alone edits the fields, not the order.
      const result =
        placement.stage === origin.stage && index === undefined
          ? lane && (await call('contact.update', { id, ...lane }))
          : await call('contact.move', {
              id,
              stage: placement.stage,
              ...(index === undefined ? {} : { index }),
              ...(lane ? { lane } : {}),
            })
      if (result && !result.ok)
        toasts.show({ tone: 'error', message: `Could not move ${contact.name}: ${result.message}` })
    } finally {
      boardData.release()
    }
  }

  const commit = useStableCallback(async (state: Moving) => {
    const { id, placement, origin, contact } = state
    const where = positionText(placement, state)
    const samePlace =
      placement.stage === origin.stage &&
      placement.lane === origin.lane &&
      placement.index === origin.index
    if (samePlace) {
      setMoving(null)
      announce(`Dropped ${contact.name} back in ${where}.`)
      return
    }
    const { query, summary } = dataRef.current
    const target = summary?.lanes.find((l) => l.key === placement.lane) ?? null
    const lane = laneChange(query.groupBy, contact, origin.lane, target)
    // The Other lane gathers many values: a card dropped there keeps its own.
    const keepsLane =
      placement.lane !== origin.lane && lane === null
        ? ` Its lane stays ${laneLabel(origin.lane ?? '')}: ${laneLabel(placement.lane ?? '')} gathers many.`
        : ''
    if (placement.stage !== origin.stage && interceptMove?.(id, origin.stage, placement.stage)) {
      setMoving(null)
      const now = lane && target ? ` Now in Lane ${target.label}.` : ''
      announce(`${contact.name} stays in ${stageLabel(origin.stage)} until you finish.${now}`)
      // The stage waits for its form; the lane it was dropped in does not.
      if (lane) {
        const result = await call('contact.update', { id, ...lane })
        if (!result.ok)
          toasts.show({
            tone: 'error',
            message: `Could not move ${contact.name}: ${result.message}`,
          })
      }
      return
    }
    const reorder = placement.stage === origin.stage && placement.lane === origin.lane
    if (query.sort !== 'manual' && reorder) {
      setMoving(null)
      announce(
        `The board is sorted, so ${contact.name} keeps its place. Sort by board order to reorder by hand.`,
      )
      toasts.show({
        message: 'Sorted columns keep their order: choose “Board order” to reorder by hand.',
      })
      return
    }
    // Keep drawing the card where it was dropped until the core has it there.
    const { mode: _mode, ...dropped } = state
    boardData.hold(dropped)
    setMoving(null)
    announce(`Dropped ${contact.name} in ${where}.${keepsLane}`)
    let index: number | undefined
    if (query.sort !== 'manual') index = undefined
    else if (isPlain(query)) index = placement.index
    else {
      const previous =
        placement.index > 0 ? shownAt(placement, placement.index - 1, state) : undefined
      const next = shownAt(placement, placement.index + 1, state)
      const column = await call('contact.ids', { stage: placement.stage })
      index = column.ok ? moveIndex(column.value.ids, id, previous?.id, next?.id) : undefined
    }
    await sendMove(dropped, index, lane)
  })

  const cancel = useStableCallback((state: Moving) => {
    setMoving(null)
    announce(
      `Move cancelled. ${state.contact.name} is back in ${positionText(state.origin, null)}.`,
    )
  })

  /** Focus the card at a position; returns its id, or null when it is not rendered yet. */
  const focusCard = (at: Placement): string | null => {
    const element = lists.current
      .get(listKey(at))
      ?.element.querySelector<HTMLElement>(`[data-index="${at.index}"] .card-body`)
    if (!element) return null
    element.focus()
    return element.closest('[data-contact-id]')?.getAttribute('data-contact-id') ?? null
  }

  /**
   * Move focus from a card with an arrow key (nothing lifted), across lanes when grouped.
   * Returns the id now focused, or null when there is no card that way or it is still loading
   * (it gets focus once it is rendered).
   */
  const focusBeside = (from: Placement, key: ArrowKey): string | null => {
    focusWanted.current = null
    const to = focusStep(from, key, total, lanesRef.current)
    if (!to) return null
    const id = focusCard(to)
    if (id !== null) return id
    // Sideways, a shorter list may not have the same height rendered: its first card will do.
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      const first = focusCard({ ...to, index: 0 })
      if (first !== null) return first
    }
    focusWanted.current = to
    lists.current.get(listKey(to))?.scrollTo(to.index)
    return null
  }

  /**
   * A key on a card that belongs to a move: Space picks the card up; a lifted card takes the
   * arrows, Space or Enter, and Escape. Returns true when the key was used (or a move is on).
   */
  const onKey = useStableCallback((id: string, event: KeyboardEvent<HTMLElement>): boolean => {
    focusWanted.current = null
    const current = movingRef.current
    const key = event.key
    if (current && current.mode === 'keyboard' && current.id === id) {
      if (key === ' ' || key === 'Enter') {
        event.preventDefault()
        keepFocus.current = id
        void commit(current)
      } else if (key === 'Escape') {
        event.preventDefault()
        event.stopPropagation()
        keepFocus.current = id
        cancel(current)
      } else if (isArrow(key)) {
        event.preventDefault()
        const next = step(current, key, total, lanesRef.current)
        if (!next) {
          announce(
            `${current.contact.name} cannot move further. Still in ${positionText(current.placement, current)}.`,
          )
          return true
        }
        const moved = { ...current, placement: next }
        keepFocus.current = id
        revealLifted.current = next.lane !== current.placement.lane
        setMoving(moved)
        announce(`Moved to ${positionText(next, moved)}.`)
      }
      return true
    }
    if (current) return true
    if (key !== ' ') return false
    const here = locate(id)
    if (!here) return false
    event.preventDefault()
    keepFocus.current = id
    setMoving({ id, mode: 'keyboard', contact: here.contact, origin: here.at, placement: here.at })
    announce(
      `Picked up ${here.contact.name}. In ${positionText(here.at, null)}. ` +
        'Use the arrow keys to move, Space to drop, Escape to cancel.',
    )
    return true
  })

  const onBlur = useStableCallback((id: string, event: FocusEvent<HTMLElement>) => {
    const current = movingRef.current
    // relatedTarget is null when the card is remounted in another list; only a real focus move cancels.
    const to = event.relatedTarget
    const leftCard =
      to instanceof HTMLElement && to.closest(`[data-contact-id="${CSS.escape(id)}"]`) === null
    if (!leftCard) return
    // The user moved focus on: the card no longer pulls it back when it re-renders.
    if (keepFocus.current === id) keepFocus.current = null
    if (current?.mode === 'keyboard' && current.id === id) cancel(current)
  })

  /** Whether a click on a card belongs to a move (a drag just ended, or a card is lifted). */
  const swallowsClick = (): boolean => {
    if (suppressClick.current) {
      suppressClick.current = false
      return true
    }
    return movingRef.current !== null
  }

  /** "Move to" from a card's menu: the stage's form may take it over. */
  const onMoveTo = useStableCallback(async (id: string, stage: StageId) => {
    const here = locate(id)
    const from = here?.contact.stage
    const name = here?.contact.name ?? 'Card'
    if (from !== undefined && from !== stage && interceptMove?.(id, from, stage)) return
    announce(`Moved ${name} to ${stageLabel(stage)}.`)
    const result = await call('contact.move', { id, stage })
    if (!result.ok)
      toasts.show({ tone: 'error', message: `Could not move ${name}: ${result.message}` })
  })

  const registerBody = useStableCallback((id: string, element: HTMLElement | null) => {
    if (element) {
      bodies.current.set(id, element)
      const wanted = focusWanted.current
      const item = element.closest('[data-index]')
      const listElement = element.closest('[data-list-key]')
      // Only while focus is still on the board's cards: the user may have gone elsewhere.
      const active = document.activeElement
      const onCards = active === null || active === document.body || active.closest('.card-body')
      if (
        wanted &&
        onCards &&
        listElement?.getAttribute('data-list-key') === listKey(wanted) &&
        item?.getAttribute('data-index') === String(wanted.index)
      ) {
        focusWanted.current = null
        element.focus()
      }
    } else if (!bodies.current.get(id)?.isConnected) bodies.current.delete(id)
  })
  const registerList = useCallback((key: string, entry: ListEntry | null) => {
    if (entry) lists.current.set(key, entry)
    else lists.current.delete(key)
  }, [])

  /** Where a pointer at (x, y) would drop the card: the list under it, before the first card whose middle is below it. */
  const placementAt = (state: Moving, x: number, y: number): Placement => {
    let best: ListEntry | null = null
    let bestDistance = Number.POSITIVE_INFINITY
    for (const entry of lists.current.values()) {
      const rect = entry.element.getBoundingClientRect()
      const dx = x < rect.left ? rect.left - x : x > rect.right ? x - rect.right : 0
      const dy = y < rect.top ? rect.top - y : y > rect.bottom ? y - rect.bottom : 0
      const distance = dx * 4 + dy
      if (distance < bestDistance) {
        bestDistance = distance
        best = entry
      }
    }
    if (!best) return state.placement
    const list = best.list
    // Positions among the other cards: those rendered, in order; the virtualizer renders a contiguous range.
    const rendered = [...best.element.querySelectorAll<HTMLElement>('[data-testid="card"]')]
      .filter((node) => node.getAttribute('data-contact-id') !== state.id)
      .map((node) => ({ node, shown: Number(node.getAttribute('data-index')) }))
      .sort((a, b) => a.shown - b.shown)
    const placementHere = listKey(list) === listKey(state.placement)
    const othersIndex = (shown: number) =>
      placementHere && shown > state.placement.index ? shown - 1 : shown
    for (const { node, shown } of rendered) {
      const rect = node.getBoundingClientRect()
      if (rect.top + rect.height / 2 > y) return { ...list, index: othersIndex(shown) }
    }
    const last = rendered[rendered.length - 1]
    return { ...list, index: last ? othersIndex(last.shown) + 1 : 0 }
  }

  const onDragStart = useStableCallback((event: DragStartEvent) => {
    const id = String(event.active.id)
    const here = locate(id)
    if (!here) return
    keepFocus.current = null
    setMoving({ id, mode: 'pointer', contact: here.contact, origin: here.at, placement: here.at })
    announce(`Picked up ${here.contact.name}.`)
    const onPointerMove = (pointer: PointerEvent) => {
      const current = movingRef.current
      if (!current || current.mode !== 'pointer') return
      const next = placementAt(current, pointer.clientX, pointer.clientY)
      const same =
        listKey(next) === listKey(current.placement) && next.index === current.placement.index
      if (!same) setMoving({ ...current, placement: next })
    }
    window.addEventListener('pointermove', onPointerMove)
    stopPointerTracking.current = () => window.removeEventListener('pointermove', onPointerMove)
  })

  const endPointerDrag = (drop: boolean) => {
    stopPointerTracking.current?.()
    stopPointerTracking.current = null
    suppressClick.current = true
    // A click follows the release only when the pointer ends over the card; never keep it swallowed.
    setTimeout(() => (suppressClick.current = false), 0)
    const current = movingRef.current
    if (!current || current.mode !== 'pointer') return
    if (drop) void commit(current)
    else cancel(current)
  }
  const onDragEnd = useStableCallback(() => endPointerDrag(true))
  const onDragCancel = useStableCallback(() => endPointerDrag(false))

  return {
    /** The card being moved, if any. */
    moving,
    /** What the lists draw as moving: the card being moved, or a dropped one the core has yet to show. */
    shown: moving ?? data.pending,
    /** The card following the pointer in the drag overlay. */
    dragged: moving?.mode === 'pointer' ? moving.contact : undefined,
    liftedId: moving?.mode === 'keyboard' ? moving.id : null,
    locate,
    shownAt,
    nameOf,
    focusBeside,
    swallowsClick,
    onKey,
    onBlur,
    onMoveTo,
    registerBody,
    registerList,
    onDragStart,
    onDragEnd,
    onDragCancel,
  }
}
