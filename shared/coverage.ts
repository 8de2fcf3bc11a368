import { subMonths } from 'date-fns'
import type { Contact, ReferenceRequest } from './domain'

/** A contact named in the coverage matrix. */
export interface CoverageContact {
  contactId: string
  name: string
}

/** One target skill and who can vouch for it. */
export interface CoverageRow {
  skill: string
  contacts: CoverageContact[]
  /** True when nobody can vouch for this skill. */
  gap: boolean
}

/** A contact asked for references more often than is kind. */
export interface OverAsked extends CoverageContact {
  askedCount: number
}

/** Who covers which target skill, and who has been asked too often. */
export interface Coverage {
  rows: CoverageRow[]
  overAsked: OverAsked[]
}

/** More requests than this in the last 12 months marks a contact as over-asked. */
export const OVER_ASKED_LIMIT = 2

/** A skill reduced for matching: accents removed, case folded, whitespace collapsed. */
export function normalizeSkill(skill: string): string {
  return skill.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
}

/**
 * Rows per target skill (in the order given, duplicates merged) with the contacts whose skills
 * match it, and the contacts asked more than OVER_ASKED_LIMIT times in the 12 months before `now`.
 * Only kept people count: trashed, inbox and archived people count for neither.
 */
export function coverageMatrix(args: {
  targetSkills: readonly string[]
  contacts: readonly Contact[]
  requests: readonly ReferenceRequest[]
  now: Date
}): Coverage {
  const active = args.contacts.filter((c) => c.trashedAt === null && c.triage === 'kept')

  const seen = new Set<string>()
  const rows: CoverageRow[] = []
  for (const skill of args.targetSkills) {
    const key = normalizeSkill(skill)
    if (key === '' || seen.has(key)) continue
    seen.add(key)
    const contacts = active
      .filter((c) => c.skills.some((s) => normalizeSkill(s) === key))
      .map((c) => ({ contactId: c.id, name: c.name }))
    rows.push({ skill: skill.trim(), contacts, gap: contacts.length === 0 })
  }

  const since = subMonths(args.now, 12).getTime()
  const until = args.now.getTime()
  const askedCount = new Map<string, number>()
  for (const request of args.requests) {
    const asked = Date.parse(request.askedAt)
    if (asked <= since || asked > until) continue
    askedCount.set(request.contactId, (askedCount.get(request.contactId) ?? 0) + 1)
  }
  const overAsked: OverAsked[] = []
  for (const contact of active) {
    const count = askedCount.get(contact.id) ?? 0
    if (count > OVER_ASKED_LIMIT) {
      overAsked.push({ contactId: contact.id, name: contact.name, askedCount: count })
    }
  }
  overAsked.sort((a, b) => b.askedCount - a.askedCount || a.name.localeCompare(b.name, 'en'))
  return { rows, overAsked }
}
