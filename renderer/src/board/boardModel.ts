import { STAGE_IDS, type StageId } from '@shared/stages'

/**
 * One list of cards on the board: a stage column, or one lane's cell of it when the board is
 * grouped. `lane` is null when the board is not grouped.
 */
export interface ListRef {
  stage: StageId
  lane: string | null
}

/** A stable key for a list: never user text alone, so a lane named like a stage cannot collide. */
export function listKey(list: ListRef): string {
  return list.lane === null ? list.stage : `${list.stage}\u0000${list.lane}`
}

/** Where a card sits: its list and its position in it. */
export interface Placement extends ListRef {
  index: number
}

/** A card being moved: where it started and where it would land now. */
export interface MovingCard {
  id: string
  origin: Placement
  placement: Placement
}

const sameList = (a: ListRef, b: ListRef) => a.stage === b.stage && a.lane === b.lane

/** How many cards a list shows while a card is moving: without it where it left, with it where it is. */
export function displayCount(list: ListRef, total: number, moving: MovingCard | null): number {
  if (!moving) return total
  return (
    total - (sameList(list, moving.origin) ? 1 : 0) + (sameList(list, moving.placement) ? 1 : 0)
  )
}

/**
 * What a list shows at a displayed position while a card is moving: the moving card, or the
 * position of a card in the list as the core has it (`base`), which still holds the moving card at
 * its origin.
 */
export function baseIndexAt(
  list: ListRef,
  index: number,
  moving: MovingCard | null,
): number | 'moving' {
  if (!moving) return index
  let at = index
  if (sameList(list, moving.placement)) {
    if (index === moving.placement.index) return 'moving'
    if (index > moving.placement.index) at -= 1
  }
  if (sameList(list, moving.origin) && at >= moving.origin.index) at += 1
  return at
}

/** How many cards other than the moving one a list holds. */
function othersIn(list: ListRef, total: number, moving: MovingCard): number {
  return total - (sameList(list, moving.origin) ? 1 : 0)
}

export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'

/** The lanes a card or focus can reach, top to bottom: the open ones. Empty when not grouped. */
export type OpenLanes = readonly string[]

/** The open lane next to `lane` (above for -1, below for +1), if any. */
function laneBeside(lanes: OpenLanes, lane: string | null, direction: -1 | 1): string | undefined {
  if (lane === null) return undefined
  const at = lanes.indexOf(lane)
  return at < 0 ? undefined : lanes[at + direction]
}

/**
 * Where a moving card goes after one arrow key, or null when it cannot go further that way.
 * Up and down move within the list, and past its top or bottom into the same stage of the open
 * lane above (at its end) or below (at its start); left and right change the stage and keep the
 * lane. `totalOf` is each list's size as the core counts it (the moving card included at its
 * origin); `lanes` are the open lanes when the board is grouped.
 */
export function step(
  moving: MovingCard,
  key: ArrowKey,
  totalOf: (list: ListRef) => number,
  lanes: OpenLanes = [],
): Placement | null {
  const from = moving.placement
  if (key === 'ArrowUp') {
    if (from.index > 0) return { ...from, index: from.index - 1 }
    const lane = laneBeside(lanes, from.lane, -1)
    if (lane === undefined) return null
    const list = { stage: from.stage, lane }
    return { ...list, index: othersIn(list, totalOf(list), moving) }
  }
  if (key === 'ArrowDown') {
    if (from.index < othersIn(from, totalOf(from), moving))
      return { ...from, index: from.index + 1 }
    const lane = laneBeside(lanes, from.lane, 1)
    return lane === undefined ? null : { stage: from.stage, lane, index: 0 }
  }
  const stageAt = STAGE_IDS.indexOf(from.stage)
  const stage = STAGE_IDS[key === 'ArrowLeft' ? stageAt - 1 : stageAt + 1]
  if (stage === undefined) return null
  const list = { stage, lane: from.lane }
  return { ...list, index: Math.min(from.index, othersIn(list, totalOf(list), moving)) }
}

/**
 * The card focus goes to after an arrow key (nothing lifted), or null when there is none that
 * way. Up and down go to the previous or next card, and past a list's top or bottom to the last
 * or first card of the same stage in the nearest open lane with cards; left and right go to the
 * neighbouring stage in the same lane, at the same position or its last card.
 */
export function focusStep(
  at: Placement,
  key: ArrowKey,
  totalOf: (list: ListRef) => number,
  lanes: OpenLanes = [],
): Placement | null {
  if (key === 'ArrowUp' || key === 'ArrowDown') {
    const direction = key === 'ArrowUp' ? -1 : 1
    const index = at.index + direction
    if (index >= 0 && index < totalOf(at)) return { ...at, index }
    for (let lane = laneBeside(lanes, at.lane, direction); lane !== undefined;) {
      const list = { stage: at.stage, lane }
      const count = totalOf(list)
      if (count > 0) return { ...list, index: direction < 0 ? count - 1 : 0 }
      lane = laneBeside(lanes, lane, direction)
    }
    return null
  }
  const stage = STAGE_IDS[STAGE_IDS.indexOf(at.stage) + (key === 'ArrowLeft' ? -1 : 1)]
  if (stage === undefined) return null
  const list = { stage, lane: at.lane }
  const count = totalOf(list)
  return count > 0 ? { ...list, index: Math.min(at.index, count - 1) } : null
}

/**
 * The index to send with contact.move: the position in the full target column (without the moved
 * card) that matches where the card sits between its visible neighbours in a filtered or grouped
 * list. `previous` and `next` are the ids shown just above and below it, if any.
 */
export function moveIndex(
  fullColumn: readonly string[],
  id: string,
  previous: string | undefined,
  next: string | undefined,
): number {
  const full = fullColumn.filter((x) => x !== id)
  if (next !== undefined) {
    const at = full.indexOf(next)
    if (at >= 0) return at
  }
  if (previous !== undefined) {
    const at = full.indexOf(previous)
    if (at >= 0) return at + 1
  }
  return full.length
}

/** Page-aligned ranges of positions to fetch so that [from, to] is loaded, skipping pages held. */
export function pagesToLoad(
  from: number,
  to: number,
  pageSize: number,
  total: number | null,
  held: (page: number) => boolean,
): number[] {
  if (to < from) return []
  const last = total === null ? to : Math.min(to, total - 1)
  const pages: number[] = []
  for (let page = Math.floor(Math.max(0, from) / pageSize); page * pageSize <= last; page++) {
    if (!held(page)) pages.push(page)
  }
  return pages
}

/**
 * The ids a Shift+click selects: every loaded card between the anchor and the clicked one, both
 * included, in list order. Positions not loaded yet are skipped.
 */
export function rangeBetween(
  anchor: number,
  target: number,
  idAt: (index: number) => string | undefined,
): string[] {
  const ids: string[] = []
  const [from, to] = anchor <= target ? [anchor, target] : [target, anchor]
  for (let i = from; i <= to; i++) {
    const id = idAt(i)
    if (id !== undefined) ids.push(id)
  }
  return ids
}

/** A toggled copy of a selection. */
export function toggled(selection: ReadonlySet<string>, ids: readonly string[]): Set<string> {
  const next = new Set(selection)
  const allIn = ids.every((id) => next.has(id))
  for (const id of ids) {
    if (allIn) next.delete(id)
    else next.add(id)
  }
  return next
}

/** "1 person" / "240 people". */
export function people(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'person' : 'people'}`
}

/** Whether a column is over its soft WIP limit, and the header text ("4 / 3"). */
export function wipState(
  count: number,
  limit: number | undefined,
): { text: string; over: boolean } | null {
  if (limit === undefined || limit <= 0) return null
  return { text: `${count} / ${limit}`, over: count > limit }
}

/** Short due text from days until due (negative = overdue): "12d", "today", "3d late". */
export function dueText(daysUntilDue: number | null): string {
  if (daysUntilDue === null) return ''
  if (daysUntilDue === 0) return 'today'
  return daysUntilDue > 0 ? `${daysUntilDue}d` : `${-daysUntilDue}d late`
}
