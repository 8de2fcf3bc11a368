import type { Handlers } from '@shared/ipc'
import type { workflowContract } from '@shared/workflowContract'
import type { HandlerContext } from './context'
import { interactionHandlers } from './interactions'
import { requestHandlers } from './requests'
import { settingsHandlers } from './settings'
import { snoozeHandlers } from './snooze'
import { updateHandlers } from './updates'
import { viewHandlers } from './views'
import type { WorkflowDeps } from './workflowSupport'

/** Every command of the reference workflow (shared/workflowContract.ts). */
export function workflowHandlers(
  ctx: HandlerContext,
  deps: WorkflowDeps,
): Pick<Handlers, keyof typeof workflowContract> {
  return {
    ...interactionHandlers(ctx, deps),
    ...requestHandlers(ctx, deps),
    ...settingsHandlers(ctx),
    ...snoozeHandlers(ctx),
    ...updateHandlers(ctx),
    ...viewHandlers(ctx, deps),
  }
}
