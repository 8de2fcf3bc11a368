import { PageHeader } from '../ui/PageHeader'
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type MouseEvent,
} from 'react'
import {
  DndContext,
  DragOverlay,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type DragStartEvent,
} from '@dnd-kit/core'
import type { Contact, Settings } from '@shared/domain'
import { STAGE_IDS, stageLabel, type StageId } from '@shared/stages'
import type { BoardQuery } from '@shared/query'
import { call } from '../api/client'
import { settingsStore, useQuery } from '../store/queries'
import { useAnnounce } from '../ui/announcer'
import { useToasts } from '../ui/toasts'
import { useStableCallback } from '../ui/useStableCallback'
import { useContactActions } from '../contact/useContactActions'
import { boardData, contactAt, useBoardData, type BoardSnapshot } from './boardData'
import {
  baseIndexAt,
  displayCount,
  listKey,
  moveIndex,
  people,
  rangeBetween,
  step,
  toggled,
  type ArrowKey,
  type ListRef,
  type Placement,
} from './boardModel'
import { CardFace, MOVE_INSTRUCTIONS_ID, type CardHandlers } from './Card'
import { CardList, ColumnHeader, type Density, type MovingDisplay } from './Column'
import { BoardToolbar } from './BoardToolbar'
import { BulkBar } from './BulkBar'
import { EmptyState } from './EmptyState'
import { QuickAdd } from './QuickAdd'
import { laneChange } from './lanes'
import { asyncHandler } from '../ui/asyncHandler'
import './board.css'

/** A card being moved, by keyboard or pointer. */
interface Moving extends MovingDisplay {
  mode: 'pointer' | 'keyboard'
}

// The board speaks for itself through useAnnounce; dnd-kit's own live region stays silent.
const silent: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'])

function isArrow(key: string): key is ArrowKey {
  return ARROWS.has(key)
}

/** Lanes shown open when the board is first grouped; the rest start collapsed. */
const OPEN_LANES = 6

/** How many cards a list has as the core counts them. */
function totalOf(data: BoardSnapshot, list: ListRef): number {
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

interface BoardProps {
  onOpenContact: (id: string) => void
  onNewContact: () => void
  /** Called before a card changes column; returning true takes the move over (e.g. a form opens first). */
  interceptMove?: (id: string, from: StageId, to: StageId) => boolean
}

/** The kanban board: six stage columns of cards fetched in windows, with find, filter, sort, group, selection and moves. */
export function Board({ onOpenContact, onNewContact, interceptMove }: BoardProps) {
  const data = useBoardData()
  const settings: Settings | null = useQuery(settingsStore).value
  const announce = useAnnounce()
  const toasts = useToasts()
  const { remove, undo } = useContactActions()
  const density: Density = settings?.density ?? 'comfortable'

  useEffect(() => {
    boardData.start()
    return () => boardData.stop()
  }, [])

  // A gentle note when a column grows past its soft WIP limit (by a drop, a request, a bulk
  // move): nothing is refused. Only whole columns count, so not while a filter narrows them.
  const lastCounts = useRef<{ counts: Record<StageId, number>; filter: object } | null>(null)
  useEffect(() => {
    const summary = data.summary
    if (!summary) return
    const before = lastCounts.current
    lastCounts.current = { counts: summary.counts, filter: data.query.filter }
    if (!before || before.filter !== data.query.filter || Object.keys(data.query.filter).length > 0)
      return
    for (const stage of STAGE_IDS) {
      const limit = settings?.wipLimits[stage] ?? null
      const count = summary.counts[stage]
      if (limit !== null && count > limit && count > before.counts[stage])
        toasts.show({
          message: `${stageLabel(stage)} now has ${people(count)}, over your soft limit of ${limit}. Nothing was refused.`,
        })
    }
  }, [data.summary, data.query.filter, settings, toasts])

  const [moving, setMovingState] = useState<Moving | null>(null)
  // Handlers read the latest state from refs: several events can arrive before React re-renders.
  const movingRef = useRef<Moving | null>(null)
  const setMoving = (next: Moving | null) => {
    movingRef.current = next
    setMovingState(next)
  }
  const dataRef = useRef(data)
  dataRef.current = data

  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set())
  const anchor = useRef<Placement | null>(null)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [openedLanes, setOpenedLanes] = useState<ReadonlySet<string>>(new Set())

  const bodies = useRef(new Map<string, HTMLElement>())
  const lists = useRef(new Map<string, { list: ListRef; element: HTMLElement }>())
  /** A card to keep focused across re-renders: moving it between lists remounts it. */
  const keepFocus = useRef<string | null>(null)
  /** A pointer drag ended: swallow the click the browser may fire on release. */
  const suppressClick = useRef(false)
  const stopPointerTracking = useRef<(() => void) | null>(null)

  useLayoutEffect(() => {
    const id = keepFocus.current
    if (id === null) return
    const element = bodies.current.get(id)
    if (element?.isConnected && document.activeElement !== element)
      element.focus({ preventScroll: true })
  })

  const total = (list: ListRef) => totalOf(dataRef.current, list)
  const positionText = (placement: Placement, state: MovingDisplay | null) =>
    `${stageLabel(placement.stage)}${placement.lane ? `, ${laneLabel(placement.lane)}` : ''}, position ${
      placement.index + 1
    } of ${displayCount(placement, total(placement), state)}`
  const laneLabel = (key: string) =>
    dataRef.current.summary?.lanes.find((l) => l.key === key)?.label ?? key

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

  /** Send a move to the core; the card stays drawn where it was dropped until the board has refreshed. */
  const sendMove = async (state: MovingDisplay, index: number | undefined) => {
    const { id, placement, origin, contact } = state
    const target = dataRef.current.summary?.lanes.find((l) => l.key === placement.lane) ?? null
    const change = laneChange(dataRef.current.query.groupBy, contact, origin.lane, target)
    const fail = (message: string) =>
      toasts.show({ tone: 'error', message: `Could not move ${contact.name}: ${message}` })
    try {
      if (change) {
        const updated = await call('contact.update', { id, ...change })
        if (!updated.ok) return fail(updated.message)
      }
      if (placement.stage === origin.stage && index === undefined) return
      const result = await call('contact.move', {
        id,
        stage: placement.stage,
        ...(index === undefined ? {} : { index }),
      })
      if (!result.ok) fail(result.message)
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
    if (placement.stage !== origin.stage && interceptMove?.(id, origin.stage, placement.stage)) {
      setMoving(null)
      announce(`${contact.name} stays in ${stageLabel(origin.stage)} until you finish.`)
      return
    }
    const query = dataRef.current.query
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
    announce(`Dropped ${contact.name} in ${where}.`)
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
    await sendMove(dropped, index)
  })

  const cancel = useStableCallback((state: Moving) => {
    setMoving(null)
    announce(
      `Move cancelled. ${state.contact.name} is back in ${positionText(state.origin, null)}.`,
    )
  })

  const focusCard = (list: ListRef, index: number) => {
    const element = lists.current
      .get(listKey(list))
      ?.element.querySelector<HTMLElement>(`[data-index="${index}"] .card-body`)
    if (!element) return null
    element.focus()
    return element.closest('[data-contact-id]')?.getAttribute('data-contact-id') ?? null
  }

  const onKey = useStableCallback((id: string, event: KeyboardEvent<HTMLElement>) => {
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
        const next = step(current, key, total)
        if (!next) {
          announce(
            `${current.contact.name} cannot move further. Still in ${positionText(current.placement, current)}.`,
          )
          return
        }
        const moved = { ...current, placement: next }
        keepFocus.current = id
        setMoving(moved)
        announce(`Moved to ${positionText(next, moved)}.`)
      }
      return
    }
    if (current) return
    const here = locate(id)
    if (!here) return
    if (key === ' ') {
      event.preventDefault()
      keepFocus.current = id
      setMoving({
        id,
        mode: 'keyboard',
        contact: here.contact,
        origin: here.at,
        placement: here.at,
      })
      announce(
        `Picked up ${here.contact.name}. In ${positionText(here.at, null)}. ` +
          'Use the arrow keys to move, Space to drop, Escape to cancel.',
      )
    } else if (key === 'Enter') {
      event.preventDefault()
      onOpenContact(id)
    } else if (key === 'x' && !event.metaKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault()
      setSelection((s) => toggled(s, [id]))
      anchor.current = here.at
    } else if (key === 'ArrowUp' || key === 'ArrowDown') {
      event.preventDefault()
      const index = here.at.index + (key === 'ArrowUp' ? -1 : 1)
      if (index < 0 || index >= total(here.at)) return
      const nextId = focusCard(here.at, index)
      if (event.shiftKey && nextId !== null) {
        setSelection((s) => new Set([...s, id, nextId]))
        anchor.current ??= here.at
      }
    } else if (key === 'ArrowLeft' || key === 'ArrowRight') {
      event.preventDefault()
      const at = STAGE_IDS.indexOf(here.at.stage) + (key === 'ArrowLeft' ? -1 : 1)
      const stage = STAGE_IDS[at]
      if (!stage) return
      const list = { stage, lane: here.at.lane }
      const count = total(list)
      if (count > 0 && focusCard(list, Math.min(here.at.index, count - 1)) === null)
        focusCard(list, 0)
    }
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

  const onClick = useStableCallback((id: string, event: MouseEvent<HTMLElement>) => {
    if (suppressClick.current) {
      suppressClick.current = false
      return
    }
    if (movingRef.current) return
    const here = locate(id)
    if (event.shiftKey && here) {
      const from = anchor.current
      if (from && listKey(from) === listKey(here.at)) {
        const ids = rangeBetween(from.index, here.at.index, (i) => shownAt(here.at, i)?.id)
        setSelection((s) => new Set([...s, ...ids]))
      } else {
        setSelection((s) => new Set([...s, id]))
        anchor.current = here.at
      }
      return
    }
    if (event.metaKey || event.ctrlKey) {
      setSelection((s) => toggled(s, [id]))
      if (here) anchor.current = here.at
      return
    }
    onOpenContact(id)
  })

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

  const onDelete = useStableCallback((id: string) => void remove(id, nameOf(id)))

  const registerBody = useStableCallback((id: string, element: HTMLElement | null) => {
    if (element) bodies.current.set(id, element)
    else if (!bodies.current.get(id)?.isConnected) bodies.current.delete(id)
  })
  const registerList = useCallback((key: string, list: ListRef, element: HTMLElement | null) => {
    if (element) lists.current.set(key, { list, element })
    else lists.current.delete(key)
  }, [])

  const handlers = useMemo<CardHandlers>(
    () => ({
      onClick,
      onKey,
      onBlur,
      onMoveTo: asyncHandler(onMoveTo),
      onOpen: onOpenContact,
      onDelete,
      registerBody,
    }),
    [onClick, onKey, onBlur, onMoveTo, onOpenContact, onDelete, registerBody],
  )

  /** Where a pointer at (x, y) would drop the card: the list under it, before the first card whose middle is below it. */
  const placementAt = (state: Moving, x: number, y: number): Placement => {
    let best: { list: ListRef; element: HTMLElement } | null = null
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

  /**
   * Clear the selection. The bar that held focus goes away, and the cards it changed may leave
   * their lists, so focus goes to the board's search box, which stays.
   */
  const endSelection = () => {
    const active = document.activeElement
    setSelection(new Set())
    // The bar's controls are disabled while the action runs, which already drops focus to <body>.
    const lost =
      active === null || active === document.body || active.closest('[data-testid="bulk-bar"]')
    if (lost) document.querySelector<HTMLElement>('.board-toolbar input[type="search"]')?.focus()
  }

  const setQuery = useCallback((query: BoardQuery) => {
    setSelection(new Set())
    boardData.setQuery(query)
  }, [])

  const selectAllMatching = async () => {
    const result = await call('contact.ids', { filter: data.query.filter })
    if (!result.ok) {
      toasts.show({ tone: 'error', message: result.message })
      return
    }
    setSelection(new Set(result.value.ids))
    announce(`Selected ${people(result.value.ids.length)}.`)
  }

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }))
  const dragged = moving?.mode === 'pointer' ? moving.contact : undefined
  const liftedId = moving?.mode === 'keyboard' ? moving.id : null
  const shownMove: MovingDisplay | null = moving ?? data.pending
  const summary = data.summary
  const isEmpty = summary !== null && summary.total === 0 && summary.triage.inbox === 0
  const grouped = data.query.groupBy !== 'none'
  const wipLimits = settings?.wipLimits
  const filtered = Object.keys(data.query.filter).length > 0

  const list = (stage: StageId, lane: string | null, label: string) => {
    const ref = { stage, lane }
    return (
      <CardList
        stage={stage}
        lane={lane}
        total={totalOf(data, ref)}
        window={data.lists.get(listKey(ref))}
        moving={shownMove}
        liftedId={liftedId}
        selection={selection}
        density={density}
        handlers={handlers}
        label={label}
        registerList={registerList}
      />
    )
  }

  const laneOpen = (key: string, position: number) =>
    openedLanes.has(key) || (position < OPEN_LANES && !collapsed.has(key))
  const toggleLane = (key: string, open: boolean) => {
    setCollapsed((s) => {
      const next = new Set(s)
      if (open) next.add(key)
      else next.delete(key)
      return next
    })
    setOpenedLanes((s) => {
      const next = new Set(s)
      if (open) next.delete(key)
      else next.add(key)
      return next
    })
  }

  return (
    <div
      className={`board-view density-${density}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape' && selection.size > 0 && !event.defaultPrevented) {
          event.preventDefault()
          setSelection(new Set())
          announce('Selection cleared.')
        }
      }}
    >
      <PageHeader title="Board">
        <BoardToolbar
          query={data.query}
          onQuery={setQuery}
          summary={summary}
          savedViews={settings?.savedViews ?? []}
          onNewContact={onNewContact}
          onSelectAll={filtered ? () => void selectAllMatching() : null}
        />
      </PageHeader>
      {selection.size > 0 && (
        <BulkBar ids={selection} onDone={endSelection} onClear={endSelection} undo={undo} />
      )}
      {data.error && (
        <p className="board-error" role="alert">
          {data.error}
        </p>
      )}
      {isEmpty && <EmptyState onAddFirst={onNewContact} />}
      <p id={MOVE_INSTRUCTIONS_ID} className="sr-only">
        Press Space to pick up the card, the arrow keys to move it, Space to drop it and Escape to
        cancel. Press Enter to open it, x to select it.
      </p>
      <DndContext
        sensors={sensors}
        accessibility={{ announcements: silent, screenReaderInstructions: { draggable: '' } }}
        onDragStart={onDragStart}
        onDragEnd={() => endPointerDrag(true)}
        onDragCancel={() => endPointerDrag(false)}
      >
        {!grouped ? (
          <div className="board" role="group" aria-label="Board">
            {STAGE_IDS.map((stage) => (
              <section
                key={stage}
                className={`column stage-${stage}`}
                data-testid={`column-${stage}`}
                aria-label={stageLabel(stage)}
              >
                <ColumnHeader
                  stage={stage}
                  count={summary ? summary.counts[stage] : null}
                  wipLimit={filtered ? null : (wipLimits?.[stage] ?? null)}
                />
                {stage === 'identified' && <QuickAdd onOpenContact={onOpenContact} />}
                {summary !== null &&
                  summary.counts[stage] === 0 &&
                  !(moving?.placement.stage === stage) && (
                    <p className="column-empty">{filtered ? 'No matches' : 'No one here yet'}</p>
                  )}
                {list(stage, null, `People in ${stageLabel(stage)}`)}
              </section>
            ))}
          </div>
        ) : (
          <div className="board board-grouped" role="group" aria-label="Board">
            <div className="lane-headers">
              {STAGE_IDS.map((stage) => (
                <section
                  key={stage}
                  className={`column column-head-only stage-${stage}`}
                  data-testid={`column-${stage}`}
                  aria-label={stageLabel(stage)}
                >
                  <ColumnHeader
                    stage={stage}
                    count={summary ? summary.counts[stage] : null}
                    wipLimit={filtered ? null : (wipLimits?.[stage] ?? null)}
                  />
                </section>
              ))}
            </div>
            {(summary?.lanes ?? []).map((lane, position) => {
              const open = laneOpen(lane.key, position)
              const laneTotal = STAGE_IDS.reduce((sum, s) => sum + lane.counts[s], 0)
              return (
                <section
                  key={lane.key}
                  className="lane"
                  aria-label={`Lane ${lane.label}`}
                  data-testid="lane"
                >
                  <h3 className="lane-title">
                    <button
                      type="button"
                      className="lane-toggle"
                      aria-expanded={open}
                      onClick={() => toggleLane(lane.key, open)}
                    >
                      <span aria-hidden="true">{open ? '▾' : '▸'}</span> {lane.label}
                      <span className="lane-count">{people(laneTotal)}</span>
                    </button>
                  </h3>
                  {open && (
                    <div className="lane-cells">
                      {STAGE_IDS.map((stage) => (
                        <div key={stage} className={`lane-cell stage-${stage}`}>
                          {list(stage, lane.key, `People in ${stageLabel(stage)}, ${lane.label}`)}
                        </div>
                      ))}
                    </div>
                  )}
                </section>
              )
            })}
          </div>
        )}
        <DragOverlay dropAnimation={null}>
          {dragged ? (
            <div className="card card-overlay">
              <div className="card-body">
                <CardFace contact={dragged} />
              </div>
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
    </div>
  )
}
