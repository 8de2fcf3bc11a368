import type { Interaction, ReferenceRequest } from '@shared/domain'
import { interactionKindLabel } from '@shared/interactionKinds'
import type { Handlers } from '@shared/ipc'
import { onThankYouLogged, onTouchDeleted, onTouchRedated } from '@shared/requests'
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
      const undo: Op[] = [{ op: 'put', coll: 'interactions', value: before }]
      // The touch that recorded a reference or its thanks: a new kind takes that back, a new
      // day moves it.
      const followed =
        after.kind !== before.kind
          ? takeBack(before)
          : after.at !== before.at
            ? redate(before, after.at)
            : { ops: [], undo: [] }
      ops.push(...followed.ops)
      undo.push(...followed.undo)
      await commit(ctx, ops)
      ctx.undo.push({
        label: `Edit ${interactionKindLabel(before.kind).toLowerCase()}`,
        undo,
        redo: ops,
      })
      return after
    },

    'interaction.delete': async ({ id }) => {
      const before = requireInteraction(ctx, id)
      const followed = takeBack(before)
      const ops: Op[] = [{ op: 'delete', coll: 'interactions', id }, ...followed.ops]
      const undo: Op[] = [{ op: 'put', coll: 'interactions', value: before }, ...followed.undo]
      await commit(ctx, ops)
      const name = ctx.store.state.contacts.get(before.contactId)?.name
      ctx.undo.push({
        label: `Delete ${interactionKindLabel(before.kind).toLowerCase()}${name ? ` with ${name}` : ''}`,
        undo,
        redo: ops,
      })
      return { ...before, takenBack: followed.requests }
    },
  }

  /** The contact's requests, for the rules about what a touch recorded. */
  function requestsOf(contactId: string): ReferenceRequest[] {
    return [...ctx.store.state.requests.values()].filter((r) => r.contactId === contactId)
  }

  /**
   * What a touch stops recording when it is deleted or becomes another kind: a request's thanks
   * (owed again) or its given reference (reopened), and the stage that went with it.
   */
  function takeBack(touch: Interaction): { ops: Op[]; undo: Op[]; requests: ReferenceRequest[] } {
    const ops: Op[] = []
    const undo: Op[] = []
    const takenBack = onTouchDeleted({
      touch,
      requests: requestsOf(touch.contactId),
      now: ctx.now(),
    })
    if (!takenBack.ok) throw new DomainError('conflict', takenBack.message)
    for (const request of takenBack.requests) {
      const old = ctx.store.state.requests.get(request.id)
      if (!old) continue
      ops.push({ op: 'put', coll: 'requests', value: request })
      undo.push({ op: 'put', coll: 'requests', value: old })
    }
    const contact = ctx.store.state.contacts.get(touch.contactId)
    if (contact && takenBack.contactStage !== null) {
      const { from, to } = takenBack.contactStage
      const back = takeBackStage(contact, from, to, ctx.now().toISOString())
      if (back !== null) {
        const moved = moveContact(ctx, contact, to, back)
        ops.push(...contactPuts(moved.after))
        undo.push(...contactPuts(moved.before))
      }
    }
    return { ops, undo, requests: takenBack.requests }
  }

  /** A re-dated touch re-dates the thanks or the reference it recorded. */
  function redate(touch: Interaction, at: string): { ops: Op[]; undo: Op[] } {
    const ops: Op[] = []
    const undo: Op[] = []
    const moved = onTouchRedated({
      touch,
      requests: requestsOf(touch.contactId),
      at,
      now: ctx.now(),
      settings: ctx.store.state.settings,
    })
    for (const request of moved) {
      const old = ctx.store.state.requests.get(request.id)
      if (!old) continue
      ops.push({ op: 'put', coll: 'requests', value: request })
      undo.push({ op: 'put', coll: 'requests', value: old })
    }
    return { ops, undo }
  }
}
