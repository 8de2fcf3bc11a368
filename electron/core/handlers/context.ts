import type { Contact, Triage } from '@shared/domain'
import type { ContactDelta, CoreEvent } from '@shared/ipc'
import { DomainError } from '@shared/result'
import type { Op } from '../store/ops'
import type { Store } from '../store/store'
import type { BoardIndex } from './boardIndex'
import type { UndoStack } from './undo'
import type { Slicer } from '../slices/slicer'

/** What every handler may use: the store, the clock, ids, the undo stack and change events. */
export interface HandlerContext {
  store: Store
  now: () => Date
  newId: () => string
  /** The board's columns, kept sorted: for placing a contact without scanning every contact. */
  board: BoardIndex
  /** One BoardIndex per triage state (`kept` is `board`): the inbox and archive lists. */
  boards: Record<Triage, BoardIndex>
  undo: UndoStack
  /** Gives the event loop turns during long loops (see Slicer). */
  slicer: Slicer
  emit: (event: CoreEvent) => void
}

/** Which collections a set of ops touches, for the 'changed' event. */
export function touchedCollections(ops: readonly Op[]): string[] {
  const names = new Set<string>()
  for (const op of ops) names.add(op.op === 'put' || op.op === 'delete' ? op.coll : op.op)
  return [...names]
}

/** Above this many contact ops a change event carries no delta: the UI re-fetches instead. */
export const CONTACT_DELTA_LIMIT = 500

/**
 * The contacts that ops put or delete, for the 'changed' event, so the renderer need not
 * re-fetch tens of thousands of contacts after each edit; undefined when there are too many.
 */
export function contactDelta(ops: readonly Op[]): ContactDelta | undefined {
  const put = new Map<string, Contact>()
  const deleted = new Set<string>()
  for (const op of ops) {
    if (op.op === 'put' && op.coll === 'contacts') {
      put.set(op.value.id, op.value)
      deleted.delete(op.value.id)
    } else if (op.op === 'delete' && op.coll === 'contacts') {
      put.delete(op.id)
      deleted.add(op.id)
    }
    if (put.size + deleted.size > CONTACT_DELTA_LIMIT) return undefined
  }
  return { put: [...put.values()], deleted: [...deleted] }
}

/**
 * Commit ops durably and tell subscribers. A failed disk write becomes a `write-failed`
 * failure and a status problem; the next successful write clears it.
 */
export async function commit(ctx: HandlerContext, ops: Op[]): Promise<void> {
  try {
    await ctx.store.commit(ops)
  } catch (error) {
    if (error instanceof DomainError) throw error
    const code = error instanceof Error && 'code' in error ? String(error.code) : ''
    const reason =
      code === 'ENOSPC'
        ? 'the disk is full'
        : code === 'EROFS' || code === 'EPERM' || code === 'EACCES'
          ? 'the data folder is read-only or not writable'
          : `of a disk error (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`
    const message = `Your change was not saved because ${reason}. Nothing already saved was lost; free some space or fix the folder, then try again.`
    ctx.store.setProblem({ kind: 'write-failed', message })
    ctx.emit({ type: 'status', status: ctx.store.status() })
    throw new DomainError('write-failed', message)
  }
  if (ctx.store.currentProblem?.kind === 'write-failed') {
    ctx.store.setProblem(null)
    ctx.emit({ type: 'status', status: ctx.store.status() })
  }
  const collections = touchedCollections(ops)
  const contacts = collections.includes('contacts') ? contactDelta(ops) : undefined
  ctx.emit({ type: 'changed', collections, ...(contacts ? { contacts } : {}) })
}
