import { coverageMatrix } from '@shared/coverage'
import type { Handlers } from '@shared/ipc'
import { validateExternalLink } from '@shared/links'
import { isOnToday, requestSections } from '@shared/today'
import type { ContactInsight } from '@shared/workflowContract'
import type { Contact } from '@shared/domain'
import type { HandlerContext } from './context'
import { latestUpdate } from './requests'
import { invalid, type WorkflowDeps } from './workflowSupport'

/**
 * Read-only views computed from the store and its indexes: Today (TodayIndex), the board's
 * per-card insights (ContactInsights) and the coverage matrix, each over kept people only; and link.open, which hands a checked link to the OS.
 */
export function viewHandlers(
  ctx: HandlerContext,
  deps: WorkflowDeps,
): Pick<Handlers, 'today.get' | 'board.insights' | 'coverage.get' | 'link.open'> {
  const { state } = ctx.store
  const insightOf = (contact: Contact, now: Date, latestId: string | null): ContactInsight =>
    deps.insights.of(contact, now, latestId)
  return {
    'today.get': async ({ limit }) => {
      const now = ctx.now()
      // Changed people (many after a bulk or an undo of one) are folded in slices first.
      await deps.today.settle(now, ctx.slicer)
      const { overdue, dueSoon } = deps.today.sections(now)
      const { thanksOwed, requestFollowUps } = requestSections(
        [...state.requests.values()],
        (id) => {
          const contact = state.contacts.get(id)
          return contact && isOnToday(contact, now) ? contact : undefined
        },
        now,
      )
      return {
        overdue: overdue.slice(0, limit),
        dueSoon: dueSoon.slice(0, limit),
        thanksOwed: thanksOwed.slice(0, limit),
        requestFollowUps: requestFollowUps.slice(0, limit),
        counts: {
          overdue: overdue.length,
          dueSoon: dueSoon.length,
          thanksOwed: thanksOwed.length,
          requestFollowUps: requestFollowUps.length,
        },
      }
    },

    'board.insights': ({ ids }) => {
      const now = ctx.now()
      const latest = latestUpdate(state.updates)
      const contacts: ContactInsight[] = []
      if (ids === undefined) {
        for (const contact of ctx.board.all()) {
          contacts.push(insightOf(contact, now, latest?.id ?? null))
        }
      } else {
        for (const id of new Set(ids)) {
          const contact = state.contacts.get(id)
          if (contact && contact.trashedAt === null) {
            contacts.push(insightOf(contact, now, latest?.id ?? null))
          }
        }
      }
      return { now: now.toISOString(), latestUpdateId: latest?.id ?? null, contacts }
    },

    'coverage.get': () =>
      coverageMatrix({
        targetSkills: state.settings.targetSkills,
        contacts: ctx.board.all(),
        requests: [...state.requests.values()],
        now: ctx.now(),
      }),

    'link.open': async ({ url }) => {
      const check = validateExternalLink(url)
      if (!check.ok) throw invalid('url', check.reason)
      if (!deps.openExternal) return { opened: false }
      await deps.openExternal(check.url)
      return { opened: true }
    },
  }
}
