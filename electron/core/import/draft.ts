import { LIMITS } from '@shared/domain'
import { validateExternalLink } from '@shared/links'
import type { ImportedContact, ImportWarning } from './types'

/** One labelled value of a multi-valued field (email, phone). */
export interface Labelled {
  value: string
  label: string
  preferred: boolean
}

/** What a reader collected for one card or row, before names are chosen and caps applied. */
export interface Draft {
  formattedName: string
  givenNames: string[]
  familyName: string
  company: string
  units: string[]
  title: string
  emails: Labelled[]
  phones: Labelled[]
  links: string[]
  /** Notes text from the source, kept first. */
  notes: string[]
  /** Extra lines for notes (birthday, other emails…), kept after the source notes. */
  extraNotes: string[]
  howWeMet: string
  tags: string[]
  field: string
  relationship: ImportedContact['relationship']
  skills: string[]
  workedTogether: string
  cadenceDays: number | null | undefined
  credibility: number | null | undefined
}

/** An empty draft. */
export function newDraft(): Draft {
  return {
    formattedName: '',
    givenNames: [],
    familyName: '',
    company: '',
    units: [],
    title: '',
    emails: [],
    phones: [],
    links: [],
    notes: [],
    extraNotes: [],
    howWeMet: '',
    tags: [],
    field: '',
    relationship: undefined,
    skills: [],
    workedTogether: '',
    cadenceDays: undefined,
    credibility: undefined,
  }
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "Birthday: 15 March 1980" from 19800315, 1980-03-15, --0315, --03-15; null when unreadable. */
export function birthdayLine(raw: string): string | null {
  const v = raw.trim()
  const m = /^(?:(\d{4})|--)-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(v)
  if (m === null) return v === '' ? null : `Birthday: ${v}`
  const month = MONTHS[Number(m[2]) - 1]
  const day = Number(m[3])
  if (month === undefined || day < 1 || day > 31) return `Birthday: ${v}`
  return m[1] === undefined ? `Birthday: ${day} ${month}` : `Birthday: ${day} ${month} ${m[1]}`
}

/** Cuts a string to max UTF-16 units without splitting a surrogate pair. */
export function truncate(value: string, max: number): string {
  if (value.length <= max) return value
  let cut = value.slice(0, max)
  const last = cut.charCodeAt(cut.length - 1)
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1)
  return cut
}

/**
 * A web link as given (https:// added to a bare host name) when the app would open it
 * (shared/links.ts), else null.
 */
export function normaliseLink(raw: string): string | null {
  const v = raw.trim()
  if (v === '') return null
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(v)
    ? v
    : /^[\w-]+(\.[\w-]+)+([/?#].*)?$/.test(v)
      ? `https://${v}`
      : v
  return validateExternalLink(withScheme).ok ? withScheme : null
}

/** The address inside `"Name" <addr>`, else the trimmed value. */
function cleanEmail(raw: string): string {
  const v = raw.trim()
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(v)
  return angle?.[1] ?? v
}

function pickPrimary(values: Labelled[]): { primary: Labelled | undefined; others: Labelled[] } {
  const index = Math.max(
    0,
    values.findIndex((v) => v.preferred),
  )
  return { primary: values[index], others: values.filter((_, i) => i !== index) }
}

function withLabel(value: string, label: string): string {
  return label === '' ? value : `${value} (${label})`
}

/**
 * Turns a draft into a contact within the caps of shared/domain.ts, or null (with a warning) when
 * nothing names it. Over-long values are cut and reported; invalid links are dropped and reported.
 */
export function finishDraft(
  draft: Draft,
  where: string,
  source: ImportedContact['source'],
  warnings: ImportWarning[],
): ImportedContact | null {
  const warn = (message: string) => warnings.push({ where, message })
  const capped = (label: string, value: string, max: number): string => {
    const v = value.trim()
    if (v.length <= max) return v
    warn(`${label} was longer than ${max} characters and was shortened.`)
    return truncate(v, max).trim()
  }

  const emails = draft.emails
    .map((e) => ({ ...e, value: cleanEmail(e.value) }))
    .filter((e) => e.value !== '')
  const phones = draft.phones
    .map((p) => ({ ...p, value: p.value.trim() }))
    .filter((p) => p.value !== '')
  const email = pickPrimary(emails)
  const phone = pickPrimary(phones)

  const assembled = [...draft.givenNames, draft.familyName]
    .map((s) => s.trim())
    .filter((s) => s !== '')
    .join(' ')
  const rawName = [draft.formattedName, assembled, draft.company, email.primary?.value ?? '']
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .find((s) => s !== '')
  if (rawName === undefined) {
    warn('No name, organisation or email address: this entry was skipped.')
    return null
  }

  const contact: ImportedContact = { name: capped('The name', rawName, LIMITS.name), source }
  const company = draft.company.trim()
  if (company !== '') contact.company = capped('The organisation', company, LIMITS.short)
  const title = draft.title.trim()
  if (title !== '') contact.title = capped('The job title', title, LIMITS.short)

  const extra: string[] = []
  const units = draft.units.map((u) => u.trim()).filter((u) => u !== '')
  let field = draft.field.trim()
  if (units.length > 0) {
    if (field === '') field = units.join(', ')
    else extra.push(`Department: ${units.join(', ')}`)
  }
  if (field !== '') contact.field = capped('The field', field, LIMITS.short)

  if (email.primary !== undefined)
    contact.email = capped('The email address', email.primary.value, LIMITS.email)
  for (const e of email.others) extra.push(`Other email: ${withLabel(e.value, e.label)}`)
  if (phone.primary !== undefined)
    contact.phone = capped('The phone number', phone.primary.value, LIMITS.phone)
  for (const p of phone.others) extra.push(`Other phone: ${withLabel(p.value, p.label)}`)

  const links: string[] = []
  const seenLinks = new Set<string>()
  for (const raw of draft.links) {
    const link = normaliseLink(raw)
    if (link === null) {
      warn(`"${truncate(raw.trim(), 80)}" is not a web link and was left out.`)
      continue
    }
    if (link.length > LIMITS.url) {
      warn(`A link longer than ${LIMITS.url} characters was left out.`)
      continue
    }
    if (seenLinks.has(link)) continue
    seenLinks.add(link)
    if (links.length < LIMITS.links) links.push(link)
    else extra.push(`Other link: ${link}`)
  }
  if (links.length > 0) contact.links = links

  const howWeMet = draft.howWeMet.trim()
  if (howWeMet !== '') contact.howWeMet = capped('How you met', howWeMet, LIMITS.howWeMet)

  const notes = [
    ...draft.notes.map((n) => n.trim()).filter((n) => n !== ''),
    ...extra,
    ...draft.extraNotes,
  ]
    .join('\n')
    .trim()
  if (notes !== '') contact.notes = capped('The notes text', notes, LIMITS.notes)

  const tags = cleanTags(draft.tags, LIMITS.tags, 'tags', warn)
  if (tags.length > 0) contact.tags = tags
  const skills = cleanTags(draft.skills, LIMITS.skills, 'skills', warn)
  if (skills.length > 0) contact.skills = skills

  if (draft.relationship !== undefined) contact.relationship = draft.relationship
  const worked = draft.workedTogether.trim()
  if (worked !== '') contact.workedTogether = capped('Worked together', worked, LIMITS.short)
  if (draft.cadenceDays !== undefined) contact.cadenceDays = draft.cadenceDays
  if (draft.credibility !== undefined) contact.credibility = draft.credibility
  return contact
}

function cleanTags(raw: string[], max: number, what: string, warn: (m: string) => void): string[] {
  const out: string[] = []
  const seen = new Set<string>()
  for (const t of raw) {
    let tag = t.replace(/\s+/g, ' ').trim()
    if (tag === '') continue
    if (tag.length > LIMITS.tag) {
      warn(
        `The label "${truncate(tag, 40)}…" was longer than ${LIMITS.tag} characters and was shortened.`,
      )
      tag = truncate(tag, LIMITS.tag).trim()
    }
    const key = tag.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(tag)
  }
  if (out.length > max) {
    warn(`Only the first ${max} ${what} were kept (of ${out.length}).`)
    return out.slice(0, max)
  }
  return out
}
