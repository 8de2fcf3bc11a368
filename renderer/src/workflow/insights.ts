import type { ContactInsight } from '@shared/workflowContract'
import { insightsStore, useQuery } from '../store/queries'

const cache = new WeakMap<object, ReadonlyMap<string, ContactInsight>>()

/** Insights keyed by contact id, built once per answer of board.insights. */
export function useInsightsById(): ReadonlyMap<string, ContactInsight> {
  const { value } = useQuery(insightsStore)
  if (value === null) return new Map()
  let byId = cache.get(value)
  if (!byId) {
    byId = new Map(value.contacts.map((c) => [c.contactId, c]))
    cache.set(value, byId)
  }
  return byId
}

/** The core's clock as of the last insights answer: the UI never trusts its own for due dates. */
export function useCoreNow(): Date | null {
  const { value } = useQuery(insightsStore)
  return value === null ? null : new Date(value.now)
}

/** Tooltip text explaining a readiness score part by part. */
export function readinessExplanation(insight: ContactInsight): string {
  const lines = insight.readiness.parts.map(
    (p) => `${p.label}: ${p.points}/${p.max}. ${p.explanation}`,
  )
  return [`Readiness ${insight.readiness.score} of 100`, ...lines].join('\n')
}
