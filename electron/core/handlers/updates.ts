import type { CareerUpdate, Interaction } from '@shared/domain'
import type { Handlers } from '@shared/ipc'
import { DomainError } from '@shared/result'
import type { Op } from '../store/ops'
import { commit, type HandlerContext } from './context'
import { newestFirst, requireActiveContact } from './workflowSupport'

/** Career updates: write them, list them, and log who was told. */
export function updateHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'update.create' | 'update.list' | 'update.send'> {
  return {
    'update.create': async ({ title, body, at }) => {
      const now = ctx.now().toISOString()
      const update: CareerUpdate = { id: ctx.newId(), title, body, at: at ?? now, createdAt: now }
      const ops: Op[] = [{ op: 'put', coll: 'updates', value: update }]
      await commit(ctx, ops)
      ctx.undo.push({
        label: `Add update "${title.slice(0, 60)}"`,
        undo: [{ op: 'delete', coll: 'updates', id: update.id }],
        redo: ops,
      })
      return update
    },

    'update.list': () => [...ctx.store.state.updates.values()].sort(newestFirst((u) => u.at)),

    'update.send': async ({ updateId, contactIds }) => {
      const update = ctx.store.state.updates.get(updateId)
      if (!update) throw new DomainError('not-found', 'That career update no longer exists.')
      const now = ctx.now().toISOString()
      const touches: Interaction[] = [...new Set(contactIds)].map((contactId) => {
        requireActiveContact(ctx, contactId)
        return {
          id: ctx.newId(),
          contactId,
          kind: 'update-sent',
          at: now,
          note: `Shared: ${update.title}`,
          updateId,
          requestId: null,
          createdAt: now,
        }
      })
      const ops: Op[] = touches.map((value) => ({ op: 'put', coll: 'interactions', value }))
      await commit(ctx, ops)
      const who = touches.length === 1 ? '1 person' : `${touches.length} people`
      ctx.undo.push({
        label: `Send "${update.title.slice(0, 60)}" to ${who}`,
        undo: touches.map((t) => ({ op: 'delete', coll: 'interactions', id: t.id })),
        redo: ops,
      })
      return touches
    },
  }
}
