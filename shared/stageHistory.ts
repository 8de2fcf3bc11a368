import {
  LIMITS,
  type Contact,
  type Interaction,
  type ReferenceRequest,
  type StageEntry,
} from './domain'
import { stageIndex, type StageId } from './stages'

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

/** What a record says about a contact's past stages: the requests and touches that name them. */
export interface StageEvidence {
  requests: readonly Pick<ReferenceRequest, 'askedAt' | 'givenAt' | 'thankedAt'>[]
  touches: readonly Pick<Interaction, 'kind' | 'at' | 'requestId'>[]
}

/**
 * A stage history rebuilt from what is known, for data written before histories were kept
 * (schema 2). Each request says the person entered Asked at askedAt, Gave reference at givenAt
 * and Thanked at thankedAt; a reference-given touch says Gave reference, a thank-you touch
 * tied to a request says Thanked (a thank-you for other help says nothing about the stage).
 *
 * The stage a person was created in is not recorded anywhere. Without a request they are taken
 * to have been in their current stage all along, so counts never invent moves. With one, they
 * are taken to have entered the lower of their current stage and In touch when created (asking
 * usually follows being in touch). The history always ends in the current stage: when the
 * evidence ends elsewhere, the current stage is entered at the last update.
 */
export function knownStageHistory(
  contact: Pick<Contact, 'stage' | 'createdAt' | 'updatedAt'>,
  evidence: StageEvidence,
): StageEntry[] {
  const events: { stage: StageId; at: string; time: number }[] = []
  const add = (stage: StageId, at: string | null) => {
    if (at === null) return
    const time = Date.parse(at)
    if (Number.isFinite(time)) events.push({ stage, at, time })
  }
  for (const request of evidence.requests) {
    add('asked', request.askedAt)
    add('gave-reference', request.givenAt)
    add('thanked', request.thankedAt)
  }
  for (const touch of evidence.touches) {
    if (touch.kind === 'reference-given') add('gave-reference', touch.at)
    else if (touch.kind === 'thank-you' && touch.requestId !== null) add('thanked', touch.at)
  }
  // Equal instants keep board order, so a reference given and thanked at once ends in Thanked.
  events.sort((a, b) => a.time - b.time || stageIndex(a.stage) - stageIndex(b.stage))

  const createdTime = Date.parse(contact.createdAt)
  const first = events[0]
  const createdStage: StageId =
    first === undefined || stageIndex(contact.stage) < stageIndex('in-touch')
      ? contact.stage
      : 'in-touch'
  const createdAt = first !== undefined && first.time < createdTime ? first.at : contact.createdAt
  const history: StageEntry[] = [{ stage: createdStage, at: createdAt }]
  for (const event of events) {
    if (history[history.length - 1]?.stage !== event.stage)
      history.push({ stage: event.stage, at: event.at })
  }
  const last = history[history.length - 1]
  if (last !== undefined && last.stage !== contact.stage) {
    const at = Date.parse(contact.updatedAt) >= Date.parse(last.at) ? contact.updatedAt : last.at
    history.push({ stage: contact.stage, at })
  }
  return history.length > LIMITS.stageHistory ? history.slice(-LIMITS.stageHistory) : history
}

/**
 * The contact taken back from `from` to `to`, as when what moved them is deleted. When the
 * history's last step is exactly that move (`to`, then `from`), the step is removed, so the
 * dashboard never counts a stage that did not happen; otherwise the move back is recorded at
 * `at`. A contact no longer in `from` (the user moved them since) is left where they are: null.
 */
export function takeBackStage(
  contact: Contact,
  from: StageId,
  to: StageId,
  at: string,
): Contact | null {
  if (contact.stage !== from) return null
  const history = contact.stageHistory
  const last = history.at(-1)
  const previous = history.at(-2)
  if (last?.stage === from && previous?.stage === to) {
    return { ...contact, stage: to, stageHistory: history.slice(0, -1), updatedAt: at }
  }
  return enterStage(contact, to, at)
}
