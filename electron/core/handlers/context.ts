import type { CoreEvent } from '@shared/ipc'
import { DomainError } from '@shared/result'
import type { Op } from '../store/ops'
import type { Store } from '../store/store'
import type { UndoStack } from './undo'

/** What every handler may use: the store, the clock, ids, the undo stack and change events. */
export interface HandlerContext {
  store: Store
  now: () => Date
  newId: () => string
  undo: UndoStack
  emit: (event: CoreEvent) => void
}

/** Which collections a set of ops touches, for the 'changed' event. */
export function touchedCollections(ops: readonly Op[]): string[] {
  const names = new Set<string>()
  for (const op of ops) names.add(op.op === 'put' || op.op === 'delete' ? op.coll : op.op)
  return [...names]
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
  ctx.emit({ type: 'changed', collections: touchedCollections(ops) })
}
