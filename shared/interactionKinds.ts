import type { InteractionKind } from './domain'

const LABELS: Record<InteractionKind, string> = {
  message: 'Message',
  call: 'Call',
  meeting: 'Meeting',
  event: 'Event',
  'help-offered': 'Help offered',
  'help-received': 'Help received',
  'update-sent': 'Update sent',
  'article-shared': 'Article shared',
  'thank-you': 'Thank-you',
  'reference-given': 'Reference given',
  note: 'Note',
}

/** Human label of a kind of touch, e.g. "Help offered". */
export function interactionKindLabel(kind: InteractionKind): string {
  return LABELS[kind]
}

/** Kinds the user logs by hand; `reference-given` and `update-sent` come from their own actions. */
export const LOGGABLE_KINDS: readonly InteractionKind[] = [
  'message',
  'call',
  'meeting',
  'event',
  'help-offered',
  'help-received',
  'article-shared',
  'thank-you',
  'note',
]
