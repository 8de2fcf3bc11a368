import {
  useDeferredValue,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
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
import { STAGES, STAGE_IDS, stageLabel, type StageId } from '@shared/stages'
import { call } from '../api/client'
import { contactsStore, useContacts, type Columns } from '../store/contacts'
import { useAnnounce } from '../ui/announcer'
import { useToasts } from '../ui/toasts'
import { useStableCallback } from '../ui/useStableCallback'
import { useContactActions } from '../contact/useContactActions'
import {
  buildSearchIndex,
  filterColumns,
  moveIndex,
  place,
  stageOf,
  step,
  type Placement,
} from './boardModel'
import { CardFace, MOVE_INSTRUCTIONS_ID, type CardHandlers } from './Card'
import { Column } from './Column'
import { EmptyState } from './EmptyState'
import './board.css'

/** A card being moved: where it started, where it is now, and the columns as they look meanwhile. */
interface Moving {
  id: string
  mode: 'pointer' | 'keyboard'
  origin: Placement
  placement: Placement
  columns: Columns
}

// The board speaks for itself through useAnnounce; dnd-kit's own live region stays silent.
const silent: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
}

const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'])

function isArrow(key: string): key is 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' {
  return ARROWS.has(key)
}

function positionText(columns: Columns, placement: Placement): string {
  return `${stageLabel(placement.stage)}, position ${placement.index + 1} of ${columns[placement.stage].length}`
}

interface BoardProps {
  onOpenContact(id: string): void
  onNewContact(): void
  /** Called before a card changes column; returning true takes the move over (e.g. a form opens first). */
  interceptMove?(id: string, from: StageId, to: StageId): boolean
}

/** The kanban board: six stage columns, search, drag and drop and keyboard moves. */
export function Board({ onOpenContact, onNewContact, interceptMove }: BoardProps) {
  const snapshot = useContacts()
  const announce = useAnnounce()
  const toasts = useToasts()
  const { remove } = useContactActions()
  const [query, setQuery] = useState('')
  const deferredQuery = useDeferredValue(query)
  const searchIndex = useMemo(() => buildSearchIndex(snapshot.byId), [snapshot.byId])
  const visible = useMemo(
    () => filterColumns(snapshot.columns, searchIndex, deferredQuery),
    [snapshot.columns, searchIndex, deferredQuery],
  )
  const filtering = visible !== snapshot.columns

  const [moving, setMovingState] = useState<Moving | null>(null)
  // Handlers read the latest state from the ref: several events can arrive before React re-renders.
  const movingRef = useRef<Moving | null>(null)
  const setMoving = (next: Moving | null) => {
    movingRef.current = next
    setMovingState(next)
  }
  const columns = moving?.columns ?? visible

  const bodies = useRef(new Map<string, HTMLElement>())
  const nodes = useRef(new Map<string, HTMLElement>())
  const columnNodes = useRef(new Map<StageId, HTMLElement>())
  /** A card to keep focused across re-renders: moving it between columns remounts it. */
  const keepFocus = useRef<string | null>(null)
  /** A pointer drag ended: swallow the click the browser may fire on release. */
  const suppressClick = useRef(false)
  const stopPointerTracking = useRef<(() => void) | null>(null)

  useLayoutEffect(() => {
    const id = keepFocus.current
    if (id === null) return
    const element = bodies.current.get(id)
    if (element && document.activeElement !== element) element.focus()
  })

  const nameOf = (id: string) => snapshot.byId.get(id)?.name ?? 'Card'

  const commit = useStableCallback(async (state: Moving) => {
    setMoving(null)
    const { id, placement, origin } = state
    const where = positionText(state.columns, placement)
    if (placement.stage === origin.stage && placement.index === origin.index) {
      announce(`Dropped ${nameOf(id)} back in ${where}.`)
      return
    }
    if (placement.stage !== origin.stage && interceptMove?.(id, origin.stage, placement.stage)) {
      announce(`${nameOf(id)} stays in ${stageLabel(origin.stage)} until you finish.`)
      return
    }
    const index = moveIndex(snapshot.columns[placement.stage], state.columns[placement.stage], id)
    contactsStore.applyMove(id, placement.stage, index)
    announce(`Dropped ${nameOf(id)} in ${where}.`)
    const result = await call('contact.move', { id, stage: placement.stage, index })
    if (!result.ok) {
      toasts.show({ tone: 'error', message: `Could not move ${nameOf(id)}: ${result.message}` })
      void contactsStore.refresh()
    }
  })

  const cancel = useStableCallback((state: Moving) => {
    setMoving(null)
    announce(
      `Move cancelled. ${nameOf(state.id)} is back in ${positionText(visible, state.origin)}.`,
    )
  })

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
        keepFocus.current = id
        cancel(current)
      } else if (isArrow(key)) {
        event.preventDefault()
        const next = step(current.columns, id, current.placement, key)
        if (!next) {
          announce(
            `${nameOf(id)} cannot move further. Still in ${positionText(current.columns, current.placement)}.`,
          )
          return
        }
        const nextColumns = place(current.columns, id, next)
        keepFocus.current = id
        setMoving({ ...current, placement: next, columns: nextColumns })
        announce(`Moved to ${positionText(nextColumns, next)}.`)
      }
      return
    }
    if (key === ' ' || key === 'Enter') {
      event.preventDefault()
      const stage = stageOf(visible, id)
      if (!stage) return
      const origin = { stage, index: visible[stage].indexOf(id) }
      keepFocus.current = id
      setMoving({ id, mode: 'keyboard', origin, placement: origin, columns: visible })
      announce(
        `Picked up ${nameOf(id)}. In ${positionText(visible, origin)}. ` +
          'Use the arrow keys to move, Space or Enter to drop, Escape to cancel.',
      )
    }
  })

  const onBlur = useStableCallback((id: string, event: FocusEvent<HTMLElement>) => {
    const current = movingRef.current
    // relatedTarget is null when the card is remounted in another column; only a real focus move cancels.
    if (current?.mode === 'keyboard' && current.id === id && event.relatedTarget !== null) {
      keepFocus.current = null
      cancel(current)
    }
  })

  const onOpen = useStableCallback((id: string) => {
    if (suppressClick.current) {
      suppressClick.current = false
      return
    }
    if (movingRef.current) return
    onOpenContact(id)
  })

  const onMoveTo = useStableCallback(async (id: string, stage: StageId) => {
    const from = snapshot.byId.get(id)?.stage
    if (from !== undefined && from !== stage && interceptMove?.(id, from, stage)) return
    const index = snapshot.columns[stage].filter((x) => x !== id).length
    contactsStore.applyMove(id, stage, index)
    announce(`Moved ${nameOf(id)} to ${stageLabel(stage)}.`)
    const result = await call('contact.move', { id, stage, index })
    if (!result.ok) {
      toasts.show({ tone: 'error', message: `Could not move ${nameOf(id)}: ${result.message}` })
      void contactsStore.refresh()
    }
  })

  const onDelete = useStableCallback((id: string) => void remove(id, nameOf(id)))

  const registerBody = useStableCallback((id: string, element: HTMLElement | null) => {
    if (element) bodies.current.set(id, element)
    else if (bodies.current.get(id) && !bodies.current.get(id)?.isConnected)
      bodies.current.delete(id)
  })
  const registerNode = useStableCallback((id: string, element: HTMLElement | null) => {
    if (element) nodes.current.set(id, element)
    else if (nodes.current.get(id) && !nodes.current.get(id)?.isConnected) nodes.current.delete(id)
  })
  const registerColumn = useStableCallback((stage: StageId, element: HTMLElement | null) => {
    if (element) columnNodes.current.set(stage, element)
    else columnNodes.current.delete(stage)
  })

  const handlers = useMemo<CardHandlers>(
    () => ({ onOpen, onKey, onBlur, onMoveTo, onDelete, registerBody, registerNode }),
    [onOpen, onKey, onBlur, onMoveTo, onDelete, registerBody, registerNode],
  )

  /** Where a pointer at (x, y) would drop the card: the column under it, before the first card whose middle is below it. */
  const placementAt = (state: Moving, x: number, y: number): Placement => {
    let stage: StageId = state.placement.stage
    let best = Number.POSITIVE_INFINITY
    for (const s of STAGE_IDS) {
      const rect = columnNodes.current.get(s)?.getBoundingClientRect()
      if (!rect) continue
      const distance = x < rect.left ? rect.left - x : x > rect.right ? x - rect.right : 0
      if (distance < best) {
        best = distance
        stage = s
      }
    }
    // Columns are virtualized: cards scrolled out of view have no node. Those before the first
    // rendered card are above the pointer, those after the rendered ones below it.
    let index = 0
    let seenRendered = false
    for (const other of state.columns[stage]) {
      if (other === state.id) continue
      const node = nodes.current.get(other)
      const rect = node?.isConnected ? node.getBoundingClientRect() : undefined
      if (!rect) {
        if (seenRendered) break
        index++
        continue
      }
      seenRendered = true
      if (rect.top + rect.height / 2 < y) index++
      else break
    }
    return { stage, index }
  }

  const onDragStart = useStableCallback((event: DragStartEvent) => {
    const id = String(event.active.id)
    const stage = stageOf(visible, id)
    if (!stage) return
    keepFocus.current = null
    const origin = { stage, index: visible[stage].indexOf(id) }
    setMoving({ id, mode: 'pointer', origin, placement: origin, columns: visible })
    announce(`Picked up ${nameOf(id)}.`)
    const onPointerMove = (pointer: PointerEvent) => {
      const current = movingRef.current
      if (!current || current.mode !== 'pointer') return
      const next = placementAt(current, pointer.clientX, pointer.clientY)
      if (next.stage === current.placement.stage && next.index === current.placement.index) return
      setMoving({ ...current, placement: next, columns: place(current.columns, current.id, next) })
    }
    window.addEventListener('pointermove', onPointerMove)
    stopPointerTracking.current = () => window.removeEventListener('pointermove', onPointerMove)
  })

  const endPointerDrag = (drop: boolean) => {
    stopPointerTracking.current?.()
    stopPointerTracking.current = null
    suppressClick.current = true
    const current = movingRef.current
    if (!current || current.mode !== 'pointer') return
    if (drop) void commit(current)
    else cancel(current)
  }

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }))
  const dragged = moving?.mode === 'pointer' ? snapshot.byId.get(moving.id) : undefined
  const liftedId = moving?.mode === 'keyboard' ? moving.id : null
  const isEmpty = snapshot.loaded && snapshot.byId.size === 0

  return (
    <div className="board-view">
      <h1 className="sr-only">Board</h1>
      <div className="board-toolbar">
        <input
          type="search"
          className="search-input"
          placeholder="Search name, company or tag"
          aria-label="Search people"
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="button" className="button button-primary" onClick={onNewContact}>
          New contact
        </button>
      </div>
      {snapshot.error && (
        <p className="board-error" role="alert">
          {snapshot.error}
        </p>
      )}
      {isEmpty && <EmptyState onAddFirst={onNewContact} />}
      <p id={MOVE_INSTRUCTIONS_ID} className="sr-only">
        Press Space or Enter to pick up the card, the arrow keys to move it, Space or Enter to drop
        it and Escape to cancel. Click to edit.
      </p>
      <DndContext
        sensors={sensors}
        accessibility={{ announcements: silent, screenReaderInstructions: { draggable: '' } }}
        onDragStart={onDragStart}
        onDragEnd={() => endPointerDrag(true)}
        onDragCancel={() => endPointerDrag(false)}
      >
        <div className="board" role="group" aria-label="Board">
          {STAGES.map(({ id: stage }) => (
            <Column
              key={stage}
              stage={stage}
              ids={columns[stage]}
              byId={snapshot.byId}
              total={filtering ? snapshot.columns[stage].length : null}
              liftedId={liftedId}
              movingId={moving?.id ?? null}
              handlers={handlers}
              registerColumn={registerColumn}
            />
          ))}
        </div>
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
