import type { ContactInsight } from '@shared/workflowContract'

export { useCoreNow, useInsight } from '../store/insights'

/** Tooltip text explaining a readiness score part by part. */
export function readinessExplanation(insight: ContactInsight): string {
  const lines = insight.readiness.parts.map(
    (p) => `${p.label}: ${p.points}/${p.max}. ${p.explanation}`,
  )
  return [`Readiness ${insight.readiness.score} of 100`, ...lines].join('\n')
}
