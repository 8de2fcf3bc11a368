import { PageHeader } from '../ui/PageHeader'
import {
  useCallback,
  useEffect,
  useMemo,
  useRef,
  useState,
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
} from '@dnd-kit/core'
import type { Settings } from '@shared/domain'
import { STAGE_IDS, stageLabel, type StageId } from '@shared/stages'
import type { BoardQuery } from '@shared/query'
import { call } from '../api/client'
import { settingsStore, useQuery } from '../store/queries'
import { useAnnounce } from '../ui/announcer'
import { useToasts } from '../ui/toasts'
import { asyncHandler } from '../ui/asyncHandler'
import { useStableCallback } from '../ui/useStableCallback'
import { useContactActions } from '../contact/useContactActions'
import { boardData, useBoardData } from './boardData'
import { listKey, people, rangeBetween, toggled, type Placement } from './boardModel'
import { CardFace, MOVE_INSTRUCTIONS_ID, type CardHandlers } from './Card'
import { CardList, ColumnHeader, type Density } from './Column'
import { BoardToolbar } from './BoardToolbar'
import { BulkBar } from './BulkBar'
import { EmptyState } from './EmptyState'
import { QuickAdd } from './QuickAdd'
import { isArrow, totalOf, useCardMove } from './useCardMove'
import { useWipNote } from './useWipNote'
import './board.css'

// The board speaks for itself through useAnnounce; dnd-kit's own live region stays silent.
const silent: Announcements = {
  onDragStart: () => undefined,
  onDragOver: () => undefined,
  onDragEnd: () => undefined,
  onDragCancel: () => undefined,
}

/** Lanes shown open when the board is first grouped; the rest start collapsed. */
const OPEN_LANES = 6

/** Whether a lane shows its cards: opened by hand, or among the first few and not collapsed. */
function isLaneOpen(
  key: string,
  position: number,
  collapsed: ReadonlySet<string>,
  opened: ReadonlySet<string>,
): boolean {
  return opened.has(key) || (position < OPEN_LANES && !collapsed.has(key))
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

  useWipNote(data, settings)

  const [selection, setSelection] = useState<ReadonlySet<string>>(new Set())
  // Another query (a saved view opened from the sidebar) shows other people: drop the selection.
  useEffect(() => setSelection(new Set()), [data.query])
  const anchor = useRef<Placement | null>(null)
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set())
  const [openedLanes, setOpenedLanes] = useState<ReadonlySet<string>>(new Set())

  const laneOpen = (key: string, position: number) =>
    isLaneOpen(key, position, collapsed, openedLanes)
  const openLanes = useMemo(
    () =>
      data.query.groupBy === 'none'
        ? []
        : (data.summary?.lanes ?? [])
            .filter((lane, position) => isLaneOpen(lane.key, position, collapsed, openedLanes))
            .map((lane) => lane.key),
    [data.query.groupBy, data.summary, collapsed, openedLanes],
  )
  const move = useCardMove({ data, openLanes, interceptMove })

  const onKey = useStableCallback((id: string, event: KeyboardEvent<HTMLElement>) => {
    if (move.onKey(id, event)) return
    const key = event.key
    const here = move.locate(id)
    if (!here) return
    if (key === 'Enter') {
      event.preventDefault()
      onOpenContact(id)
    } else if (key === 'x' && !event.metaKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault()
      setSelection((s) => toggled(s, [id]))
      anchor.current = here.at
    } else if (isArrow(key)) {
      event.preventDefault()
      const nextId = move.focusBeside(here.at, key)
      const vertical = key === 'ArrowUp' || key === 'ArrowDown'
      if (vertical && event.shiftKey && nextId !== null) {
        setSelection((s) => new Set([...s, id, nextId]))
        anchor.current ??= here.at
      }
    }
  })

  const onClick = useStableCallback((id: string, event: MouseEvent<HTMLElement>) => {
    if (move.swallowsClick()) return
    const here = move.locate(id)
    if (event.shiftKey && here) {
      const from = anchor.current
      if (from && listKey(from) === listKey(here.at)) {
        const ids = rangeBetween(from.index, here.at.index, (i) => move.shownAt(here.at, i)?.id)
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

  const onDelete = useStableCallback((id: string) => void remove(id, move.nameOf(id)))

  const { onBlur, onMoveTo, registerBody, registerList } = move
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
  const { moving, dragged, liftedId, shown: shownMove } = move
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
        onDragStart={move.onDragStart}
        onDragEnd={move.onDragEnd}
        onDragCancel={move.onDragCancel}
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
