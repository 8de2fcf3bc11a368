import { Settings } from '@shared/domain'
import type { Handlers } from '@shared/ipc'
import { describeIssues } from '@shared/ipc'
import { DomainError } from '@shared/result'
import type { SettingsPatch } from '@shared/workflowContract'
import type { Op } from '../store/ops'
import { commit, type HandlerContext } from './context'

/** Settings with a patch applied; the nested objects merge field by field. */
export function mergeSettings(current: Settings, patch: SettingsPatch): Settings {
  const { quietHours, cadenceByStage, wipLimits, weeklyReview, ...rest } = patch
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined))
  const merged = {
    ...current,
    ...defined,
    quietHours: { ...current.quietHours, ...quietHours },
    cadenceByStage: { ...current.cadenceByStage, ...cadenceByStage },
    wipLimits: { ...current.wipLimits, ...wipLimits },
    weeklyReview: { ...current.weeklyReview, ...weeklyReview },
  }
  // The patch was validated field by field; parsing the whole keeps the stored settings valid.
  const parsed = Settings.safeParse(merged)
  if (!parsed.success) {
    const failure = describeIssues(parsed.error)
    throw new DomainError('invalid-input', failure.message, failure.issues)
  }
  return parsed.data
}

/** Read and change the user's preferences, generically over the whole Settings schema. */
export function settingsHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'settings.get' | 'settings.update'> {
  return {
    'settings.get': () => ctx.store.state.settings,

    'settings.update': async (patch) => {
      const before = ctx.store.state.settings
      const after = mergeSettings(before, patch)
      const ops: Op[] = [{ op: 'settings', value: after }]
      await commit(ctx, ops)
      ctx.undo.push({
        label: 'Change settings',
        undo: [{ op: 'settings', value: before }],
        redo: ops,
      })
      return after
    },
  }
}
