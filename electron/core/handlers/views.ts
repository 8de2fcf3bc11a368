import { touchStatus } from '@shared/cadence'
import { coverageMatrix } from '@shared/coverage'
import type { Handlers } from '@shared/ipc'
import { validateExternalLink } from '@shared/links'
import { readinessScore } from '@shared/readiness'
import { computeToday } from '@shared/today'
import type { ContactInsight } from '@shared/workflowContract'
import type { Contact } from '@shared/domain'
import { InsightCache } from '../derived/insightCache'
import type { HandlerContext } from './context'
import { latestUpdate } from './requests'
import { invalid, type WorkflowDeps } from './workflowSupport'

/**
 * Read-only views computed from the store and the TouchIndex: Today, the board's per-card
 * insights and the coverage matrix; and link.open, which hands a checked link to the OS.
 */
export function viewHandlers(
  ctx: HandlerContext,
  deps: WorkflowDeps,
): Pick<Handlers, 'today.get' | 'board.insights' | 'coverage.get' | 'link.open'> {
  const { state } = ctx.store
  const cache = ctx.store.addIndex(new InsightCache())
  const insightOf = (contact: Contact, now: Date, latestId: string | null): ContactInsight =>
    cache.get(contact, now, () => {
      const lastTouchAt = deps.touches.lastTouchOf(contact.id)
      const heard = deps.touches.lastUpdateHeard(contact.id, state.updates)
      return {
        contactId: contact.id,
        touch: touchStatus({ contact, lastTouchAt, now, settings: state.settings }),
        lastTouchAt,
        readiness: readinessScore({
          contact,
          interactions: deps.touches.touchesOf(contact.id),
          latestUpdateId: latestId,
          now,
        }),
        lastUpdateHeard: heard === null ? null : { id: heard.id, title: heard.title, at: heard.at },
      }
    })
  return {
    'today.get': () => {
      const now = ctx.now()
      const latestId = latestUpdate(state.updates)?.id ?? null
      return computeToday({
        contacts: [...state.contacts.values()],
        lastTouchByContact: deps.touches.lastTouchByContact(),
        requests: [...state.requests.values()],
        now,
        settings: state.settings,
        statusOf: (contact) => insightOf(contact, now, latestId).touch,
      })
    },

    'board.insights': () => {
      const now = ctx.now()
      const latest = latestUpdate(state.updates)
      const contacts: ContactInsight[] = []
      for (const contact of state.contacts.values()) {
        if (contact.trashedAt === null) contacts.push(insightOf(contact, now, latest?.id ?? null))
      }
      return { now: now.toISOString(), latestUpdateId: latest?.id ?? null, contacts }
    },

    'coverage.get': () =>
      coverageMatrix({
        targetSkills: state.settings.targetSkills,
        contacts: [...state.contacts.values()],
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
