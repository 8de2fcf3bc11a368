import { enterStage } from '@shared/stageHistory'
import { DEFAULT_CONTACT_FIELDS, type Contact } from '@shared/domain'
import type { Handlers } from '@shared/ipc'
import { stageIndex, stageLabel, type StageId } from '@shared/stages'
import { DomainError } from '@shared/result'
import type { Op } from '../store/ops'
import { byColumnOrder } from './boardIndex'
import { commit, type HandlerContext } from './context'

/** Board order: column, then order within it. */
export function byBoardOrder(a: Contact, b: Contact): number {
  return stageIndex(a.stage) - stageIndex(b.stage) || byColumnOrder(a, b)
}

/**
 * Place `moving` at `index` in a column (which excludes it). Returns the put ops: usually one,
 * or a renumbering of the column when there is no room left between two neighbours.
 */
export function placeAt(column: Contact[], moving: Contact, index: number | undefined): Contact[] {
  const at = Math.max(0, Math.min(index ?? column.length, column.length))
  const prev = column[at - 1]
  const next = column[at]
  let order: number
  if (!prev && !next) order = 0
  else if (!prev && next) order = next.order - 1
  else if (prev && !next) order = prev.order + 1
  else if (prev && next) order = (prev.order + next.order) / 2
  else order = 0
  const fits =
    (!prev || order > prev.order) && (!next || order < next.order) && Number.isFinite(order)
  if (fits) return [{ ...moving, order }]
  const renumbered = [...column.slice(0, at), moving, ...column.slice(at)]
  return renumbered.flatMap((c, i) =>
    c.order === i && c.id !== moving.id ? [] : [{ ...c, order: i }],
  )
}

function requireContact(ctx: HandlerContext, id: string, allowTrashed = false): Contact {
  const contact = ctx.store.state.contacts.get(id)
  if (!contact) throw new DomainError('not-found', 'That contact no longer exists.')
  if (contact.trashedAt !== null && !allowTrashed) {
    throw new DomainError('not-found', `${contact.name} is in the trash. Restore them first.`)
  }
  return contact
}

/** Drop keys whose value is undefined, so an explicit `undefined` never overwrites a stored field. */
export function definedOnly<T extends object>(fields: T): Partial<T> {
  const out: Partial<T> = {}
  // Object.keys is typed string[]; these keys come from `fields` itself.
  for (const key of Object.keys(fields) as (keyof T)[]) {
    if (fields[key] !== undefined) out[key] = fields[key]
  }
  return out
}

const puts = (contacts: Contact[]): Op[] =>
  contacts.map((value) => ({ op: 'put', coll: 'contacts', value }))

/** Handlers for the board: create, edit, move, trash, restore, list, undo and redo. */
export function contactHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  | 'contact.list'
  | 'contact.trash'
  | 'contact.get'
  | 'contact.create'
  | 'contact.update'
  | 'contact.move'
  | 'contact.delete'
  | 'contact.restore'
  | 'undo'
  | 'redo'
> {
  const contacts = () => ctx.store.state.contacts
  const { board } = ctx
  const columnOf = (stage: StageId, exceptId?: string): Contact[] =>
    exceptId === undefined
      ? [...board.column(stage)]
      : [...board.columnWithout(stage, contacts().get(exceptId))]
  return {
    'contact.list': () => board.all(),

    'contact.trash': () =>
      [...contacts().values()]
        .filter((c) => c.trashedAt !== null)
        .sort((a, b) => ((a.trashedAt ?? '') < (b.trashedAt ?? '') ? 1 : -1)),

    'contact.get': ({ id }) => requireContact(ctx, id, true),

    'contact.create': async (input) => {
      const now = ctx.now().toISOString()
      const { stage = 'identified', ...fields } = input
      const column = columnOf(stage)
      const contact: Contact = {
        ...DEFAULT_CONTACT_FIELDS,
        ...definedOnly(fields),
        name: fields.name,
        id: ctx.newId(),
        stage,
        triage: 'kept',
        stageHistory: [{ stage, at: now }],
        order: 0,
        createdAt: now,
        updatedAt: now,
        trashedAt: null,
        snoozedUntil: null,
      }
      // New people go to the top of their column, where quick add is.
      const placed = placeAt(column, contact, 0)
      const ops = puts(placed)
      await commit(ctx, ops)
      ctx.undo.push({
        label: `Add ${contact.name}`,
        undo: [{ op: 'delete', coll: 'contacts', id: contact.id }],
        redo: ops,
      })
      return requireContact(ctx, contact.id)
    },

    'contact.update': async ({ id, ...fields }) => {
      const before = requireContact(ctx, id)
      const after: Contact = {
        ...before,
        ...definedOnly(fields),
        updatedAt: ctx.now().toISOString(),
      }
      const ops = puts([after])
      await commit(ctx, ops)
      ctx.undo.push({ label: `Edit ${after.name}`, undo: puts([before]), redo: ops })
      return after
    },

    'contact.move': async ({ id, stage, index, lane }) => {
      const before = requireContact(ctx, id)
      const column = columnOf(stage, id)
      const now = ctx.now().toISOString()
      const moving = enterStage(
        lane === undefined ? before : { ...before, ...definedOnly(lane) },
        stage,
        now,
      )
      const placed = placeAt(column, moving, index)
      const previous = placed.flatMap((c) => {
        const old = contacts().get(c.id)
        return old ? [old] : []
      })
      const ops = puts(placed)
      await commit(ctx, ops)
      const label =
        before.stage !== stage
          ? `Move ${before.name} to ${stageLabel(stage)}`
          : lane === undefined
            ? `Reorder ${before.name}`
            : `Move ${before.name}`
      ctx.undo.push({ label, undo: puts(previous), redo: ops })
      return requireContact(ctx, id)
    },

    'contact.delete': async ({ id }) => {
      const before = requireContact(ctx, id)
      const after: Contact = { ...before, trashedAt: ctx.now().toISOString() }
      const ops = puts([after])
      await commit(ctx, ops)
      ctx.undo.push({ label: `Delete ${before.name}`, undo: puts([before]), redo: ops })
      return after
    },

    'contact.restore': async ({ id }) => {
      const before = requireContact(ctx, id, true)
      if (before.trashedAt === null) return before
      const after: Contact = { ...before, trashedAt: null, updatedAt: ctx.now().toISOString() }
      const ops = puts([after])
      await commit(ctx, ops)
      ctx.undo.push({ label: `Restore ${before.name}`, undo: puts([before]), redo: ops })
      return after
    },

    undo: async () => {
      const entry = ctx.undo.peekUndo()
      if (!entry) return { label: null }
      await commit(ctx, entry.undo)
      ctx.undo.markUndone()
      return { label: entry.label }
    },

    redo: async () => {
      const entry = ctx.undo.peekRedo()
      if (!entry) return { label: null }
      await commit(ctx, entry.redo)
      ctx.undo.markRedone()
      return { label: entry.label }
    },
  }
}
