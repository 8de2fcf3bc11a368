import { useEffect, useRef } from 'react'
import type { Settings } from '@shared/domain'
import { STAGE_IDS, stageLabel, type StageId } from '@shared/stages'
import { useToasts } from '../ui/toasts'
import type { BoardSnapshot } from './boardData'
import { people } from './boardModel'

/**
 * A gentle note when a column grows past its soft WIP limit (by a drop, a request, a bulk
 * move): nothing is refused. Only whole columns count, so not while a filter narrows them.
 */
export function useWipNote(data: BoardSnapshot, settings: Settings | null): void {
  const toasts = useToasts()
  const lastCounts = useRef<{ counts: Record<StageId, number>; filter: object } | null>(null)
  useEffect(() => {
    const summary = data.summary
    if (!summary) return
    const before = lastCounts.current
    lastCounts.current = { counts: summary.counts, filter: data.query.filter }
    if (!before || before.filter !== data.query.filter || Object.keys(data.query.filter).length > 0)
      return
    for (const stage of STAGE_IDS) {
      const limit = settings?.wipLimits[stage] ?? null
      const count = summary.counts[stage]
      if (limit !== null && count > limit && count > before.counts[stage])
        toasts.show({
          message: `${stageLabel(stage)} now has ${people(count)}, over your soft limit of ${limit}. Nothing was refused.`,
        })
    }
  }, [data.summary, data.query.filter, settings, toasts])
}
