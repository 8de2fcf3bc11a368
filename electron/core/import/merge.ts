import { LIMITS, type Contact, type ContactFields } from '@shared/domain'
import type { ImportFormat } from './types'

/** The tag an imported contact carries, naming where it came from. */
export function sourceTag(format: ImportFormat): string {
  switch (format) {
    case 'linkedin-csv':
      return 'import:linkedin'
    case 'google-csv':
    case 'google-csv-legacy':
      return 'import:google'
    case 'vcard':
      return 'import:vcard'
    case 'csv':
      return 'import:csv'
    case 'vouch-json':
      return 'import:vouch'
  }
}

/** A list with new items appended, without case-insensitive repeats, capped. */
export function union(
  existing: readonly string[],
  extra: readonly string[],
  max: number,
): string[] {
  const seen = new Set(existing.map((v) => v.toLowerCase()))
  const out = [...existing]
  for (const item of extra) {
    if (out.length >= max) break
    const key = item.toLowerCase()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(item)
  }
  return out
}

const TEXT_FIELDS = [
  'title',
  'company',
  'field',
  'email',
  'phone',
  'howWeMet',
  'workedTogether',
] as const satisfies readonly (keyof ContactFields)[]

/**
 * Merge an imported row into a contact without overwriting anything the user wrote: fill empty
 * fields, union tags, links and skills, and append notes the contact does not already hold.
 */
export function mergeInto(
  target: Contact,
  incoming: Partial<ContactFields>,
  updatedAt: string,
): Contact {
  const out: Contact = { ...target }
  for (const key of TEXT_FIELDS) {
    const value = incoming[key]
    if (out[key].trim() === '' && value !== undefined && value.trim() !== '') out[key] = value
  }
  if (out.relationship === 'other' && incoming.relationship !== undefined)
    out.relationship = incoming.relationship
  if (out.cadenceDays === null && incoming.cadenceDays != null)
    out.cadenceDays = incoming.cadenceDays
  if (out.credibility === null && incoming.credibility != null)
    out.credibility = incoming.credibility
  out.tags = union(out.tags, incoming.tags ?? [], LIMITS.tags)
  out.links = union(out.links, incoming.links ?? [], LIMITS.links)
  out.skills = union(out.skills, incoming.skills ?? [], LIMITS.skills)
  const notes = (incoming.notes ?? '').trim()
  if (notes !== '' && !out.notes.includes(notes)) {
    const joined = out.notes.trim() === '' ? notes : `${out.notes}\n\n${notes}`
    // The user's notes already fit the cap, so only the appended part is ever shortened.
    out.notes = joined.slice(0, LIMITS.notes)
  }
  const changed = JSON.stringify(out) !== JSON.stringify(target)
  return changed ? { ...out, updatedAt } : target
}
