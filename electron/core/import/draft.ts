import { Birthday, LIMITS, emptyAddress } from '@shared/domain'
import type { PostalAddress, SocialProfile } from '@shared/domain'
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
  /** Honorific before the name (Mr., Dr., Frau); kept in the notes, not in the name. */
  prefix: string
  /** Jr., III, PhD: appended to a name composed from its parts. */
  suffix: string
  nicknames: string[]
  /** A birthday as the source wrote it; read by readBirthday. */
  birthday: string
  addresses: PostalAddress[]
  profiles: SocialProfile[]
  /** yyyy-MM-dd or ''. */
  connectedOn: string
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
    prefix: '',
    suffix: '',
    nicknames: [],
    birthday: '',
    addresses: [],
    profiles: [],
    connectedOn: '',
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

const isBirthday = (v: string) => Birthday.safeParse(v).success

function realDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day))
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
}

const pad = (n: number) => String(n).padStart(2, '0')

/**
 * A birthday as Vouch stores it (yyyy-MM-dd, or --MM-dd without a year), '' for an empty or
 * "no date" value (Outlook writes 0/0/00), or null when it cannot be read. Reads vCard forms
 * (19800315, 1980-03-15, --0315, --03-15, with or without a time) and numeric dates with
 * separators: year first, else day first unless `order` is 'mdy' (US Outlook).
 */
export function readBirthday(raw: string, order: 'dmy' | 'mdy' = 'dmy'): string | null {
  const v = raw.trim()
  if (v === '' || /^0+[./-]0+[./-]0+$/.test(v)) return ''
  const iso = /^(?:(\d{4})|--)-?(\d{2})-?(\d{2})(?:T.*)?$/.exec(v)
  let year: number | null
  let month: number
  let day: number
  if (iso) {
    year = iso[1] === undefined ? null : Number(iso[1])
    month = Number(iso[2])
    day = Number(iso[3])
  } else {
    const parts = /^(\d{1,4})[./-](\d{1,2})[./-](\d{1,4})(?:[ T].*)?$/.exec(v)
    if (parts === null) return null
    const [a, b, c] = [parts[1] ?? '', parts[2] ?? '', parts[3] ?? '']
    if (a.length === 4) [year, month, day] = [Number(a), Number(b), Number(c)]
    else {
      const y = Number(c)
      year = c.length <= 2 ? (y > 30 ? 1900 + y : 2000 + y) : y
      ;[month, day] = order === 'mdy' ? [Number(a), Number(b)] : [Number(b), Number(a)]
    }
  }
  if (year !== null && year >= 1 && year <= 9999) {
    if (!realDate(year, month, day)) return null
    const full = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`
    return isBirthday(full) ? full : null
  }
  if (year !== null) return null
  const partial = `--${pad(month)}-${pad(day)}`
  return isBirthday(partial) && realDate(2000, month, day) ? partial : null
}

/**
 * A person's name guessed from an email address: "jane.doe@example.com" gives "Jane Doe";
 * "+tags" and digits are dropped. The address itself when nothing readable is left.
 */
export function nameFromEmailAddress(address: string): string {
  const local = (address.split('@')[0] ?? '').replace(/\+.*$/, '')
  const words = local
    .split(/[._-]+/)
    .map((w) => w.replace(/\d+/g, ''))
    .filter((w) => w !== '')
    .map((w) => w.charAt(0).toLocaleUpperCase('en') + w.slice(1))
  return words.length === 0 ? address.trim() : words.join(' ')
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

  const parts = [...draft.givenNames, draft.familyName].map((s) => s.trim()).filter((s) => s !== '')
  const suffix = draft.suffix.trim()
  const assembled =
    parts.length > 0 && suffix !== '' ? `${parts.join(' ')} ${suffix}` : parts.join(' ')
  const named = [draft.formattedName, assembled, draft.company]
    .map((s) => s.replace(/\s+/g, ' ').trim())
    .find((s) => s !== '')
  const fromEmail = named === undefined && email.primary !== undefined
  const rawName = named ?? (email.primary ? nameFromEmailAddress(email.primary.value) : undefined)
  if (rawName === undefined || rawName === '') {
    warn('No name, organisation or email address: this entry was skipped.')
    return null
  }

  const contact: ImportedContact = { name: capped('The name', rawName, LIMITS.name), source }
  if (fromEmail) contact.nameFromEmail = true
  const company = draft.company.trim()
  if (company !== '') contact.company = capped('The organisation', company, LIMITS.short)
  const title = draft.title.trim()
  if (title !== '') contact.title = capped('The job title', title, LIMITS.short)

  const extra: string[] = []
  const prefix = draft.prefix.replace(/\s+/g, ' ').trim()
  if (prefix !== '' && !contact.name.includes(prefix)) extra.push(`Honorific: ${prefix}`)
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

  const nicknames = cleanTags(draft.nicknames, LIMITS.nicknames, 'nicknames', warn)
  if (nicknames.length > 0) contact.nicknames = nicknames
  if (draft.birthday.trim() !== '') {
    const birthday = readBirthday(draft.birthday)
    if (birthday === null) extra.push(`Birthday: ${truncate(draft.birthday.trim(), 100)}`)
    else if (birthday !== '') contact.birthday = birthday
  }
  const addresses = cleanAddresses(draft.addresses, warn)
  if (addresses.length > 0) contact.addresses = addresses
  const profiles = cleanProfiles(draft.profiles, warn)
  if (profiles.length > 0) contact.profiles = profiles
  const connectedOn = /^\d{4}-\d{2}-\d{2}$/.test(draft.connectedOn)
    ? readBirthday(draft.connectedOn)
    : null
  if (connectedOn) contact.connectedOn = connectedOn

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

const ADDRESS_CAPS: [keyof PostalAddress, number][] = [
  ['label', LIMITS.short],
  ['street', LIMITS.short * 2],
  ['city', LIMITS.short],
  ['region', LIMITS.short],
  ['postalCode', LIMITS.phone],
  ['country', LIMITS.short],
]

function cleanAddresses(raw: PostalAddress[], warn: (m: string) => void): PostalAddress[] {
  const out: PostalAddress[] = []
  const seen = new Set<string>()
  for (const a of raw) {
    const clean = emptyAddress()
    for (const [key, cap] of ADDRESS_CAPS) {
      const v = a[key]
        .replace(/\s*\n\s*/g, ', ')
        .replace(/\s+/g, ' ')
        .trim()
      clean[key] = truncate(v, cap).trim()
    }
    const { label: _label, ...place } = clean
    if (Object.values(place).every((v) => v === '')) continue
    const key = JSON.stringify(place).toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(clean)
  }
  if (out.length > LIMITS.addresses) {
    warn(`Only the first ${LIMITS.addresses} addresses were kept (of ${out.length}).`)
    return out.slice(0, LIMITS.addresses)
  }
  return out
}

function cleanProfiles(raw: SocialProfile[], warn: (m: string) => void): SocialProfile[] {
  const out: SocialProfile[] = []
  const seen = new Set<string>()
  for (const p of raw) {
    const handle = p.handle.trim()
    if (handle === '' || handle.length > LIMITS.url) continue
    const service = truncate(p.service.replace(/\s+/g, ' ').trim(), LIMITS.short)
    const key = `${service}\u0000${handle}`.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ service, handle })
  }
  if (out.length > LIMITS.profiles) {
    warn(`Only the first ${LIMITS.profiles} profiles were kept (of ${out.length}).`)
    return out.slice(0, LIMITS.profiles)
  }
  return out
}
