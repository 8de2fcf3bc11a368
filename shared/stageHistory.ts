import { LIMITS, type Contact, type StageEntry } from './domain'
import type { StageId } from './stages'

/**
 * The contact in `stage` as of `at`, with the move recorded in its stage history. Every change
 * of stage goes through here, so the dashboard's week-by-week series can be rebuilt from the
 * history. Staying in the same stage records nothing; the oldest entries go first past the cap.
 */
export function enterStage(contact: Contact, stage: StageId, at: string): Contact {
  if (contact.stage === stage) return { ...contact, updatedAt: at }
  const entry: StageEntry = { stage, at }
  const history = [...contact.stageHistory, entry]
  return {
    ...contact,
    stage,
    stageHistory:
      history.length > LIMITS.stageHistory ? history.slice(-LIMITS.stageHistory) : history,
    updatedAt: at,
  }
}
