import type { Contact } from '@shared/domain'
import type { ImportedContact } from './types'

/** Why a row is taken for a contact already known. */
export type DuplicateReason = 'email' | 'linkedin' | 'phone' | 'name-company'

/** One row of an import that matches an existing contact or an earlier row of the same file. */
export interface Duplicate {
  index: number
  /** The matching contact; null when the match is an earlier row of the same file. */
  existingId: string | null
  duplicateOfIndex?: number
  reason: DuplicateReason
  /** Same name and company but different emails: maybe another person; never skipped by default. */
  weak?: boolean
}

type Matchable = Pick<Partial<Contact>, 'email' | 'links' | 'phone' | 'company' | 'profiles'> & {
  name: string
}

/** Lower-cased, trimmed email, or null. */
export function emailKey(email: string | undefined): string | null {
  const v = (email ?? '').trim().toLowerCase()
  return v === '' ? null : v
}

/** A LinkedIn profile URL without protocol, www./country sub-domain, query, fragment, trailing slash and case. */
export function linkedInKey(url: string): string | null {
  let v = url.trim().toLowerCase()
  v = v
    .replace(/^[a-z]+:\/\//, '')
    .replace(/[?#].*$/, '')
    .replace(/\/+$/, '')
  v = v.replace(/^(www\.|[a-z]{2}\.)/, '')
  try {
    v = decodeURIComponent(v)
  } catch {
    // A malformed percent sequence: compare the URL as written.
  }
  return v.startsWith('linkedin.com/') ? v : null
}

/** The last digits of a phone number (at least 9 of them), or null for short numbers. */
export function phoneKey(phone: string | undefined): string | null {
  const digits = (phone ?? '').replace(/\D/g, '')
  return digits.length >= 9 ? digits.slice(-9) : null
}

/** Name without accents, case and extra spaces, plus the company likewise. */
export function nameCompanyKey(name: string, company: string | undefined): string | null {
  const norm = (s: string) =>
    s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim()
  const n = norm(name)
  return n === '' ? null : `${n}\u0000${norm(company ?? '')}`
}

/** The LinkedIn profiles of a contact, from its links and its profiles. */
function linkedInKeys(c: Matchable): Set<string> {
  const out = new Set<string>()
  for (const url of [...(c.links ?? []), ...(c.profiles ?? []).map((p) => p.handle)]) {
    const k = linkedInKey(url)
    if (k !== null) out.add(k)
  }
  return out
}

/**
 * How a name-and-company match stands against the stronger signals: 'different' when both have
 * LinkedIn profiles and none is shared (two people), 'weak' when both have emails that differ,
 * else 'possible'.
 */
export function nameMatchStrength(a: Matchable, b: Matchable): 'possible' | 'weak' | 'different' {
  const la = linkedInKeys(a)
  const lb = linkedInKeys(b)
  if (la.size > 0 && lb.size > 0 && ![...la].some((k) => lb.has(k))) return 'different'
  const ea = emailKey(a.email)
  const eb = emailKey(b.email)
  if (ea !== null && eb !== null && ea !== eb) return 'weak'
  return 'possible'
}

function keysOf(c: Matchable): [DuplicateReason, string][] {
  const keys: [DuplicateReason, string][] = []
  const email = emailKey(c.email)
  if (email !== null) keys.push(['email', email])
  for (const k of linkedInKeys(c)) keys.push(['linkedin', k])
  const phone = phoneKey(c.phone)
  if (phone !== null) keys.push(['phone', phone])
  const nc = nameCompanyKey(c.name, c.company)
  if (nc !== null) keys.push(['name-company', nc])
  return keys
}

const ORDER: DuplicateReason[] = ['email', 'linkedin', 'phone', 'name-company']

/**
 * Rows of an import that match an existing contact or an earlier row: by email, then LinkedIn URL,
 * then phone, then name and company. A name-and-company match counts only when no stronger
 * signal disagrees (nameMatchStrength): a different LinkedIn profile means another person, a
 * different email makes it a weak match. Linear: every key goes through a Map once (a name key
 * keeps every contact that shares it, so a namesake does not hide the right one).
 */
export function findDuplicates(candidates: ImportedContact[], existing: Contact[]): Duplicate[] {
  const known = new Map<string, Contact[]>()
  for (const c of existing) {
    for (const [reason, key] of keysOf(c)) {
      const k = `${reason}:${key}`
      const list = known.get(k)
      if (list === undefined) known.set(k, [c])
      else if (reason === 'name-company') list.push(c)
    }
  }
  const seen = new Map<string, number[]>()
  const out: Duplicate[] = []
  candidates.forEach((c, index) => {
    const keys = keysOf(c).sort((a, b) => ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]))
    let found: Duplicate | null = null
    for (const [reason, key] of keys) {
      const matches = known.get(`${reason}:${key}`) ?? []
      const match = pick(c, reason, matches)
      if (match !== null) {
        found = { index, existingId: match.other.id, reason, ...(match.weak ? { weak: true } : {}) }
        break
      }
    }
    if (found === null) {
      for (const [reason, key] of keys) {
        const earlier = (seen.get(`${reason}:${key}`) ?? []).map((i) => ({ i, c: candidates[i] }))
        const match = pick(
          c,
          reason,
          earlier.flatMap((e) => (e.c === undefined ? [] : [{ ...e.c, index: e.i }])),
        )
        if (match !== null) {
          found = {
            index,
            existingId: null,
            duplicateOfIndex: match.other.index,
            reason,
            ...(match.weak ? { weak: true } : {}),
          }
          break
        }
      }
    }
    for (const [reason, key] of keys) {
      const k = `${reason}:${key}`
      const list = seen.get(k)
      if (list === undefined) seen.set(k, [index])
      else if (reason === 'name-company') list.push(index)
    }
    if (found !== null) out.push(found)
  })
  return out
}

/** The first match that counts for this reason: any for strong keys, a consistent one for names. */
function pick<T extends Matchable>(
  row: Matchable,
  reason: DuplicateReason,
  matches: T[],
): { other: T; weak: boolean } | null {
  if (reason !== 'name-company') {
    const other = matches[0]
    return other === undefined ? null : { other, weak: false }
  }
  let weak: T | null = null
  for (const other of matches) {
    const strength = nameMatchStrength(row, other)
    if (strength === 'possible') return { other, weak: false }
    if (strength === 'weak' && weak === null) weak = other
  }
  return weak === null ? null : { other: weak, weak: true }
}
