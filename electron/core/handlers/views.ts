import { touchStatus } from '@shared/cadence'
import { coverageMatrix } from '@shared/coverage'
import type { Handlers } from '@shared/ipc'
import { validateExternalLink } from '@shared/links'
import { readinessScore } from '@shared/readiness'
import { computeToday } from '@shared/today'
import type { ContactInsight } from '@shared/workflowContract'
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
  return {
    'today.get': () =>
      computeToday({
        contacts: [...state.contacts.values()],
        lastTouchByContact: deps.touches.lastTouchByContact(),
        requests: [...state.requests.values()],
        now: ctx.now(),
        settings: state.settings,
      }),

    'board.insights': () => {
      const now = ctx.now()
      const latest = latestUpdate(state.updates)
      const contacts: ContactInsight[] = []
      for (const contact of state.contacts.values()) {
        if (contact.trashedAt !== null) continue
        const lastTouchAt = deps.touches.lastTouchOf(contact.id)
        const heard = deps.touches.lastUpdateHeard(contact.id, state.updates)
        contacts.push({
          contactId: contact.id,
          touch: touchStatus({ contact, lastTouchAt, now, settings: state.settings }),
          lastTouchAt,
          readiness: readinessScore({
            contact,
            interactions: deps.touches.touchesOf(contact.id),
            latestUpdateId: latest?.id ?? null,
            now,
          }),
          lastUpdateHeard:
            heard === null ? null : { id: heard.id, title: heard.title, at: heard.at },
        })
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
