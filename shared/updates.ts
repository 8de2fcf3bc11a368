import { splitSentences } from './brief'
import type { CareerUpdate, Contact, Interaction } from './domain'
import type { StageId } from './stages'
import { firstName } from './templates'

/** Which contacts a career update should go to. Empty or missing criteria do not filter. */
export interface RecipientFilter {
  stages?: StageId[]
  /** Any of these tags, compared without regard to case. */
  tags?: string[]
  /** Only contacts who have not heard the latest update. */
  notHeardLatest?: boolean
}

/**
 * Contacts matching the filter, in the order given (the board's order). Trashed contacts are
 * never recipients; snoozed ones are, because sending news is the user's explicit choice.
 */
export function selectRecipients(args: {
  contacts: readonly Contact[]
  lastUpdateHeardByContact: ReadonlyMap<string, string | null>
  latestUpdateId: string | null
  filter: RecipientFilter
}): Contact[] {
  const { filter, latestUpdateId } = args
  const stages = filter.stages && filter.stages.length > 0 ? new Set(filter.stages) : null
  const tags =
    filter.tags && filter.tags.length > 0
      ? new Set(filter.tags.map((t) => t.trim().toLowerCase()))
      : null
  return args.contacts.filter((contact) => {
    if (contact.trashedAt !== null) return false
    if (stages && !stages.has(contact.stage)) return false
    if (tags && !contact.tags.some((t) => tags.has(t.trim().toLowerCase()))) return false
    if (filter.notHeardLatest && latestUpdateId !== null) {
      if (args.lastUpdateHeardByContact.get(contact.id) === latestUpdateId) return false
    }
    return true
  })
}

/**
 * The newest career update (by its date) that the contact received through an `update-sent`
 * touch; null when they received none of `updates`.
 */
export function lastUpdateHeard(
  interactions: readonly Pick<Interaction, 'kind' | 'updateId'>[],
  updates: readonly CareerUpdate[],
): CareerUpdate | null {
  const heard = new Set<string>()
  for (const i of interactions) {
    if (i.kind === 'update-sent' && i.updateId !== null) heard.add(i.updateId)
  }
  let latest: CareerUpdate | null = null
  for (const update of updates) {
    if (!heard.has(update.id)) continue
    if (latest === null || Date.parse(update.at) > Date.parse(latest.at)) latest = update
  }
  return latest
}

/** One line that makes an update personal, drawn from what the user recorded; null if nothing. */
export function personalLine(
  contact: Pick<Contact, 'notes' | 'skills' | 'howWeMet'>,
): string | null {
  const sentence = splitSentences(contact.notes)[0]
  if (sentence !== undefined) return `I still remember: ${withFullStop(sentence)}`
  const skills = contact.skills.map((s) => s.trim()).filter((s) => s !== '')
  if (skills.length > 0) {
    return `You saw my ${listInWords(skills.slice(0, 3))} work first-hand, so I wanted you to hear this from me.`
  }
  const howWeMet = contact.howWeMet.replace(/\s+/g, ' ').trim()
  if (howWeMet !== '') return `I often think back to how we met: ${withFullStop(howWeMet)}`
  return null
}

/** A personal plain-text message sharing a career update, for the user to edit and send. */
export function draftUpdateMessage(args: {
  contact: Pick<Contact, 'name' | 'notes' | 'skills' | 'howWeMet'>
  update: Pick<CareerUpdate, 'title' | 'body'>
}): string {
  const { contact, update } = args
  const lines = [
    `Hi ${firstName(contact.name)},`,
    '',
    `I wanted to share some news: ${update.title.trim()}.`,
  ]
  const body = update.body.trim()
  if (body !== '') lines.push('', body)
  const personal = personalLine(contact)
  if (personal !== null) lines.push('', personal)
  lines.push('', 'I hope you are well, and I would love to hear your news too.', '', 'Best,')
  return lines.join('\n')
}

function withFullStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`
}

function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('')
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`
}
