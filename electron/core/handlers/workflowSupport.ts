import { enterStage } from '@shared/stageHistory'
import type { Contact, Interaction, ReferenceRequest } from '@shared/domain'
import { DomainError } from '@shared/result'
import type { StageId } from '@shared/stages'
import type { ContactInsights } from '../derived/insights'
import type { TodayIndex } from '../derived/todayIndex'
import type { TouchIndex } from '../derived/touchIndex'
import type { Op } from '../store/ops'
import { placeAt } from './contacts'
import type { HandlerContext } from './context'

/** What the workflow handlers need beyond the HandlerContext. */
export interface WorkflowDeps {
  touches: TouchIndex
  /** Per-contact insights, cached for the day. */
  insights: ContactInsights
  /** Today's touch sections and each kept person's touch status, kept for the day. */
  today: TodayIndex
  /** Hands a validated link to the operating system; absent in tests and scripts. */
  openExternal?: (url: string) => Promise<void>
}

/** The contact, refusing a missing or trashed one with a message that names them. */
export function requireActiveContact(ctx: HandlerContext, id: string): Contact {
  const contact = ctx.store.state.contacts.get(id)
  if (!contact) throw new DomainError('not-found', 'That contact no longer exists.')
  if (contact.trashedAt !== null) {
    throw new DomainError('not-found', `${contact.name} is in the trash. Restore them first.`)
  }
  return contact
}

/** The request, or a not-found failure. */
export function requireRequest(ctx: HandlerContext, id: string): ReferenceRequest {
  const request = ctx.store.state.requests.get(id)
  if (!request) throw new DomainError('not-found', 'That reference request no longer exists.')
  return request
}

/** The touch, or a not-found failure. */
export function requireInteraction(ctx: HandlerContext, id: string): Interaction {
  const interaction = ctx.store.state.interactions.get(id)
  if (!interaction) throw new DomainError('not-found', 'That touch no longer exists.')
  return interaction
}

/** A field-level refusal, shown next to the field it concerns. */
export function invalid(path: string, message: string): DomainError {
  return new DomainError('invalid-input', message, [{ path, message }])
}

/**
 * Contacts to put to move `contact` to the end of `stage` (with `extra` fields), and the same
 * records as they were, for undo. Usually one record; a renumbered column gives more.
 */
export function moveContact(
  ctx: HandlerContext,
  contact: Contact,
  stage: StageId,
  extra: Partial<Contact> = {},
): { after: Contact[]; before: Contact[] } {
  const moving = enterStage({ ...contact, ...extra }, stage, ctx.now().toISOString())
  const column = [...ctx.board.columnWithout(stage, contact)]
  const after = placeAt(column, moving, undefined)
  const before = after.flatMap((c) => {
    const old = ctx.store.state.contacts.get(c.id)
    return old ? [old] : []
  })
  return { after, before }
}

/** Put ops for contacts. */
export function contactPuts(contacts: readonly Contact[]): Op[] {
  return contacts.map((value) => ({ op: 'put', coll: 'contacts', value }))
}

/** Newest first by instant, then by id so equal instants keep a stable order. */
export function newestFirst<T extends { id: string }>(at: (item: T) => string) {
  return (a: T, b: T): number =>
    Date.parse(at(b)) - Date.parse(at(a)) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0)
}
