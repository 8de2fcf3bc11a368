import { differenceInCalendarDays, format, parseISO } from 'date-fns'
import { describeLastTouch, lastTouchAt } from './cadence'
import {
  relationshipLabel,
  type CareerUpdate,
  type Contact,
  type Interaction,
  type ReferenceRequest,
} from './domain'

/** How many stories or skills a brief asks the referee to highlight. */
export const BRIEF_STORY_COUNT = 3

/** Escape characters that Markdown would read as formatting, so user text stays literal. */
export function escapeMarkdown(text: string): string {
  return text
    .split('\n')
    .map((line) =>
      line
        // Backslash escapes work on any ASCII punctuation in CommonMark; these are the ones
        // that can start emphasis, code, links, HTML, tables, strikethrough or entities.
        .replace(/[\\`*_[\]<>#|~!&]/g, '\\$&')
        // Line-start markers: lists, block quotes (already escaped '>'), headings via "===".
        .replace(/^(\s*)([-+=])/, '$1\\$2')
        .replace(/^(\s*\d+)([.)])/, '$1\\$2'),
    )
    .join('\n')
}

/** User text for one line: whitespace (newlines included) collapsed, then escaped. */
export function inlineText(text: string): string {
  return escapeMarkdown(text.replace(/\s+/g, ' ').trim())
}

/** Sentences of free text, in order: split after . ! ? and at line breaks. */
export function splitSentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
}

/** Up to `limit` things to highlight: skills, then sentences of notes, then recent touch notes. */
export function storiesToHighlight(
  contact: Pick<Contact, 'id' | 'skills' | 'notes'>,
  interactions: readonly Interaction[],
  limit = BRIEF_STORY_COUNT,
): string[] {
  const recentNotes = interactions
    .filter((i) => i.contactId === contact.id && i.note.trim() !== '')
    .sort((a, b) => Date.parse(b.at) - Date.parse(a.at))
    .map((i) => splitSentences(i.note)[0] ?? '')
  const candidates = [...contact.skills, ...splitSentences(contact.notes), ...recentNotes]
  const seen = new Set<string>()
  const picked: string[] = []
  for (const candidate of candidates) {
    const text = candidate.replace(/\s+/g, ' ').trim()
    const key = text.toLowerCase()
    if (text === '' || seen.has(key)) continue
    seen.add(key)
    picked.push(text)
    if (picked.length === limit) break
  }
  return picked
}

const DATE = 'd MMMM yyyy'

/** A one-page Markdown brief to send a referee before a reference call. */
export function requestBrief(args: {
  request: ReferenceRequest
  contact: Contact
  interactions: readonly Interaction[]
  latestUpdate: CareerUpdate | null
  now: Date
}): string {
  const { request, contact, latestUpdate, now } = args
  const interactions = args.interactions.filter((i) => i.contactId === contact.id)
  const role = inlineText(request.role)
  const company = inlineText(request.company)
  const name = inlineText(contact.name)

  const position = [contact.title, contact.company].map((s) => s.trim())
  const titleAtCompany = position
    .filter((s) => s !== '')
    .map(inlineText)
    .join(' @ ')
  const referee = [name, titleAtCompany].filter((s) => s !== '').join(', ')

  const dueBy = request.dueBy === null ? 'no date set' : format(parseISO(request.dueBy), DATE)
  const worked =
    contact.workedTogether.trim() === '' ? 'not recorded' : inlineText(contact.workedTogether)
  const last = lastTouchAt(interactions)
  const lastTouch =
    last === null
      ? 'never touched'
      : `${format(new Date(last), DATE)} (${describeLastTouch(
          differenceInCalendarDays(now, new Date(last)),
        ).replace(/^last touch /, '')})`

  const stories = storiesToHighlight(contact, interactions)
  const storyLines = stories.map((s, index) => `${index + 1}. ${escapeMarkdown(s)}`)
  if (stories.length < BRIEF_STORY_COUNT) {
    const found =
      stories.length === 0
        ? 'No stories or skills are recorded yet.'
        : `Only ${stories.length} of ${BRIEF_STORY_COUNT} stories or skills are recorded.`
    storyLines.push(
      '',
      `_${found} Add skills or notes to ${name}'s card so this brief can suggest ${BRIEF_STORY_COUNT}._`,
    )
  }

  const updateLines =
    latestUpdate === null
      ? ['No career update recorded yet.']
      : [`**${inlineText(latestUpdate.title)}**`, ...bodyLines(latestUpdate.body)]

  return [
    `# Reference brief: ${role} at ${company}`,
    '',
    `- **Needed by:** ${dueBy}`,
    `- **Referee:** ${referee}`,
    `- **Relationship:** ${relationshipLabel(contact.relationship)}`,
    `- **Who may call:** someone from ${company}, hiring for ${role}`,
    `- **Worked together:** ${worked}`,
    `- **Last touch:** ${lastTouch}`,
    '',
    '## Stories and skills to highlight',
    '',
    ...storyLines,
    '',
    '## Latest update',
    '',
    ...updateLines,
    '',
  ].join('\n')
}

function bodyLines(body: string): string[] {
  const trimmed = body.trim()
  return trimmed === '' ? [] : ['', escapeMarkdown(trimmed)]
}
