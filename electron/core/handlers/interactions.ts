import type { Interaction } from '@shared/domain'
import { interactionKindLabel } from '@shared/interactionKinds'
import type { Handlers } from '@shared/ipc'
import { onThankYouLogged, onTouchDeleted } from '@shared/requests'
import { DomainError } from '@shared/result'
import { takeBackStage } from '@shared/stageHistory'
import { MAX_TOUCH_AHEAD_MS } from '@shared/workflowContract'
import type { Op } from '../store/ops'
import { commit, type HandlerContext } from './context'
import {
  contactPuts,
  invalid,
  moveContact,
  newestFirst,
  requireActiveContact,
  requireInteraction,
  type WorkflowDeps,
} from './workflowSupport'

/** Refuse a touch dated more than a day ahead: a typo, not a plan. */
function checkNotFuture(ctx: HandlerContext, at: string): void {
  if (Date.parse(at) > ctx.now().getTime() + MAX_TOUCH_AHEAD_MS) {
    throw invalid('at', 'A touch cannot be logged more than a day in the future.')
  }
}

/** Log, list, edit and delete touches. A thank-you settles the thanks owed for a given reference. */
export function interactionHandlers(
  ctx: HandlerContext,
  deps: WorkflowDeps,
): Pick<
  Handlers,
  'interaction.log' | 'interaction.list' | 'interaction.update' | 'interaction.delete'
> {
  return {
    'interaction.log': async ({ contactId, kind, at, note, requestId }) => {
      const contact = requireActiveContact(ctx, contactId)
      const now = ctx.now().toISOString()
      const when = at ?? now
      checkNotFuture(ctx, when)
      const ops: Op[] = []
      const undo: Op[] = []
      let linkedRequest: string | null = null
      const touchId = ctx.newId()

      if (requestId !== undefined) {
        const request = ctx.store.state.requests.get(requestId)
        if (!request || request.contactId !== contactId) {
          throw invalid('requestId', `That request is not one of ${contact.name}'s.`)
        }
        linkedRequest = requestId
      }
      if (kind === 'thank-you') {
        const requests = [...ctx.store.state.requests.values()].filter(
          (r) => r.contactId === contactId,
        )
        const settled = onThankYouLogged({ contact, requests, at: when, requestId })
        for (const id of settled.thankedRequestIds) {
          const request = ctx.store.state.requests.get(id)
          if (!request) continue
          ops.push({
            op: 'put',
            coll: 'requests',
            value: { ...request, thankedAt: when, thankTouchId: touchId, updatedAt: now },
          })
          undo.push({ op: 'put', coll: 'requests', value: request })
        }
        if (linkedRequest === null && settled.thankedRequestIds.length === 1) {
          linkedRequest = settled.thankedRequestIds[0] ?? null
        }
        if (settled.contactStage !== null) {
          const moved = moveContact(ctx, contact, settled.contactStage)
          ops.push(...contactPuts(moved.after))
          undo.push(...contactPuts(moved.before))
        }
      }

      const interaction: Interaction = {
        id: touchId,
        contactId,
        kind,
        at: when,
        note,
        updateId: null,
        requestId: linkedRequest,
        createdAt: now,
      }
      ops.unshift({ op: 'put', coll: 'interactions', value: interaction })
      undo.unshift({ op: 'delete', coll: 'interactions', id: interaction.id })
      await commit(ctx, ops)
      ctx.undo.push({
        label: `Log ${interactionKindLabel(kind).toLowerCase()} with ${contact.name}`,
        undo,
        redo: ops,
      })
      return interaction
    },

    'interaction.list': ({ contactId }) =>
      deps.touches.touchesOf(contactId).sort(newestFirst((i) => i.at)),

    'interaction.update': async ({ id, kind, at, note }) => {
      const before = requireInteraction(ctx, id)
      if (at !== undefined) checkNotFuture(ctx, at)
      const after: Interaction = {
        ...before,
        ...(kind !== undefined ? { kind } : {}),
        ...(at !== undefined ? { at } : {}),
        ...(note !== undefined ? { note } : {}),
      }
      const ops: Op[] = [{ op: 'put', coll: 'interactions', value: after }]
      await commit(ctx, ops)
      ctx.undo.push({
        label: `Edit ${interactionKindLabel(before.kind).toLowerCase()}`,
        undo: [{ op: 'put', coll: 'interactions', value: before }],
        redo: ops,
      })
      return after
    },

    'interaction.delete': async ({ id }) => {
      const before = requireInteraction(ctx, id)
      const ops: Op[] = [{ op: 'delete', coll: 'interactions', id }]
      const undo: Op[] = [{ op: 'put', coll: 'interactions', value: before }]
      const contact = ctx.store.state.contacts.get(before.contactId)
      // A thank-you or reference-given touch may be what a request's thanks or reference rest on.
      const takenBack = onTouchDeleted({
        touch: before,
        requests: [...ctx.store.state.requests.values()].filter(
          (r) => r.contactId === before.contactId,
        ),
        now: ctx.now(),
      })
      if (!takenBack.ok) throw new DomainError('conflict', takenBack.message)
      for (const request of takenBack.requests) {
        const old = ctx.store.state.requests.get(request.id)
        if (!old) continue
        ops.push({ op: 'put', coll: 'requests', value: request })
        undo.push({ op: 'put', coll: 'requests', value: old })
      }
      if (contact && takenBack.contactStage !== null) {
        const { from, to } = takenBack.contactStage
        const back = takeBackStage(contact, from, to, ctx.now().toISOString())
        if (back !== null) {
          const moved = moveContact(ctx, contact, to, back)
          ops.push(...contactPuts(moved.after))
          undo.push(...contactPuts(moved.before))
        }
      }
      await commit(ctx, ops)
      const name = contact?.name
      ctx.undo.push({
        label: `Delete ${interactionKindLabel(before.kind).toLowerCase()}${name ? ` with ${name}` : ''}`,
        undo,
        redo: ops,
      })
      return { ...before, takenBack: takenBack.requests }
    },
  }
}
