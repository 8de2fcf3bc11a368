import { requestBrief } from '@shared/brief'
import type { CareerUpdate, Interaction, ReferenceRequest, RequestStatus } from '@shared/domain'
import type { Handlers } from '@shared/ipc'
import { onRequestCreated, onRequestStatusChange } from '@shared/requests'
import { DomainError } from '@shared/result'
import type { Op } from '../store/ops'
import { definedOnly } from './contacts'
import { commit, type HandlerContext } from './context'
import {
  contactPuts,
  moveContact,
  newestFirst,
  requireActiveContact,
  requireRequest,
  type WorkflowDeps,
} from './workflowSupport'

/** The newest career update by its date, or null. */
export function latestUpdate(updates: ReadonlyMap<string, CareerUpdate>): CareerUpdate | null {
  let latest: CareerUpdate | null = null
  for (const update of updates.values()) {
    if (latest === null || Date.parse(update.at) > Date.parse(latest.at)) latest = update
  }
  return latest
}

/** A file name for a brief: letters, digits and dashes only. */
function briefFileName(request: ReferenceRequest): string {
  const slug = `${request.role} ${request.company}`
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase()
    .slice(0, 80)
  return `reference-brief-${slug || 'request'}.md`
}

const STATUS_NOTES: Record<RequestStatus, string> = {
  asked: 'Asked again for a reference',
  agreed: 'Agreed to give a reference',
  declined: 'Declined to give a reference',
  given: 'Gave a reference',
  withdrawn: 'Withdrew the reference request',
}

/**
 * Asking is contact: a request and each status change log a message on the timeline, which
 * resets the keep-in-touch clock like any other touch.
 */
function askTouch(ctx: HandlerContext, request: ReferenceRequest, note: string): Interaction {
  const now = ctx.now().toISOString()
  return {
    id: ctx.newId(),
    contactId: request.contactId,
    kind: 'message',
    at: now,
    note,
    updateId: null,
    requestId: request.id,
    createdAt: now,
  }
}

/**
 * Reference requests. Each command is one commit and one undo entry, including the stage moves
 * and the `reference-given` touch a status change brings.
 */
export function requestHandlers(
  ctx: HandlerContext,
  deps: WorkflowDeps,
): Pick<Handlers, 'request.create' | 'request.update' | 'request.list' | 'request.brief'> {
  return {
    'request.create': async ({ contactId, company, role, dueBy, notes }) => {
      const contact = requireActiveContact(ctx, contactId)
      const now = ctx.now().toISOString()
      const request: ReferenceRequest = {
        id: ctx.newId(),
        contactId,
        company,
        role,
        dueBy: dueBy ?? null,
        notes,
        status: 'asked',
        outcome: 'unknown',
        askedAt: now,
        givenAt: null,
        thankBy: null,
        thankedAt: null,
        createdAt: now,
        updatedAt: now,
        givenTouchId: null,
        thankTouchId: null,
      }
      const asking = askTouch(ctx, request, `Asked for a reference for ${role} at ${company}`)
      const ops: Op[] = [
        { op: 'put', coll: 'requests', value: request },
        { op: 'put', coll: 'interactions', value: asking },
      ]
      const undo: Op[] = [
        { op: 'delete', coll: 'requests', id: request.id },
        { op: 'delete', coll: 'interactions', id: asking.id },
      ]
      const { stage } = onRequestCreated(contact)
      if (stage !== null) {
        const moved = moveContact(ctx, contact, stage)
        ops.push(...contactPuts(moved.after))
        undo.push(...contactPuts(moved.before))
      }
      await commit(ctx, ops)
      ctx.undo.push({ label: `Ask ${contact.name} for a reference`, undo, redo: ops })
      return request
    },

    'request.update': async ({ id, status, outcome, ...fields }) => {
      const before = requireRequest(ctx, id)
      const contact = requireActiveContact(ctx, before.contactId)
      const now = ctx.now()
      let request: ReferenceRequest = before
      const ops: Op[] = []
      const undo: Op[] = []
      const statusChanges = status !== undefined && status !== before.status
      if (statusChanges || outcome !== undefined) {
        const change = onRequestStatusChange({
          request: before,
          contact,
          ...(statusChanges ? { status } : {}),
          ...(outcome !== undefined ? { outcome } : {}),
          now,
          settings: ctx.store.state.settings,
        })
        if (!change.ok) throw new DomainError('conflict', change.message)
        request = change.request
        if (change.contactStage !== null) {
          const moved = moveContact(ctx, contact, change.contactStage)
          ops.push(...contactPuts(moved.after))
          undo.push(...contactPuts(moved.before))
        }
        if (change.logInteraction !== null) {
          const touch: Interaction = {
            id: ctx.newId(),
            contactId: contact.id,
            kind: change.logInteraction.kind,
            at: change.logInteraction.at,
            note: `Reference for ${before.role} at ${before.company}`,
            updateId: null,
            requestId: before.id,
            createdAt: now.toISOString(),
          }
          ops.push({ op: 'put', coll: 'interactions', value: touch })
          undo.push({ op: 'delete', coll: 'interactions', id: touch.id })
          request = { ...request, givenTouchId: touch.id }
        } else if (statusChanges && status !== undefined) {
          // Hearing "yes", "no" or withdrawing is contact too: it resets the keep-in-touch clock.
          const note = `${STATUS_NOTES[status]} for ${before.role} at ${before.company}`
          const touch = askTouch(ctx, before, note)
          ops.push({ op: 'put', coll: 'interactions', value: touch })
          undo.push({ op: 'delete', coll: 'interactions', id: touch.id })
        }
      }
      const edits = definedOnly(fields)
      if (Object.keys(edits).length > 0) {
        request = { ...request, ...edits, updatedAt: now.toISOString() }
      }
      if (request === before) return before
      ops.unshift({ op: 'put', coll: 'requests', value: request })
      undo.unshift({ op: 'put', coll: 'requests', value: before })
      await commit(ctx, ops)
      const label =
        statusChanges && status !== undefined
          ? `Mark ${contact.name}'s reference ${status}`
          : `Edit ${contact.name}'s reference request`
      ctx.undo.push({ label, undo, redo: ops })
      return request
    },

    'request.list': ({ contactId }) =>
      [...ctx.store.state.requests.values()]
        .filter((r) => contactId === undefined || r.contactId === contactId)
        .sort(newestFirst((r) => r.askedAt)),

    'request.brief': ({ id }) => {
      const request = requireRequest(ctx, id)
      const contact = ctx.store.state.contacts.get(request.contactId)
      if (!contact) throw new DomainError('not-found', 'That contact no longer exists.')
      const markdown = requestBrief({
        request,
        contact,
        interactions: deps.touches.touchesOf(contact.id),
        latestUpdate: latestUpdate(ctx.store.state.updates),
        now: ctx.now(),
      })
      return { markdown, fileName: briefFileName(request) }
    },
  }
}
