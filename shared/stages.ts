/** Stage ids in board order: a person moves from being identified to being thanked. */
export const STAGE_IDS = [
  'identified',
  'building',
  'in-touch',
  'asked',
  'gave-reference',
  'thanked',
] as const

export type StageId = (typeof STAGE_IDS)[number]

const LABELS: Record<StageId, string> = {
  identified: 'Identified',
  building: 'Building',
  'in-touch': 'In touch',
  asked: 'Asked',
  'gave-reference': 'Gave reference',
  thanked: 'Thanked',
}

/** The six stages with their labels, in board order. */
export const STAGES: readonly { id: StageId; label: string }[] = STAGE_IDS.map((id) => ({
  id,
  label: LABELS[id],
}))

/** Human label of a stage id. */
export function stageLabel(stage: StageId): string {
  return LABELS[stage]
}

/** Position of a stage on the board, 0-based. */
export function stageIndex(stage: StageId): number {
  return STAGE_IDS.indexOf(stage)
}
