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
}

type Matchable = Pick<Partial<Contact>, 'email' | 'links' | 'phone' | 'company'> & { name: string }

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

function keysOf(c: Matchable): [DuplicateReason, string][] {
  const keys: [DuplicateReason, string][] = []
  const email = emailKey(c.email)
  if (email !== null) keys.push(['email', email])
  for (const link of c.links ?? []) {
    const k = linkedInKey(link)
    if (k !== null) keys.push(['linkedin', k])
  }
  const phone = phoneKey(c.phone)
  if (phone !== null) keys.push(['phone', phone])
  const nc = nameCompanyKey(c.name, c.company)
  if (nc !== null) keys.push(['name-company', nc])
  return keys
}

const ORDER: DuplicateReason[] = ['email', 'linkedin', 'phone', 'name-company']

/**
 * Rows of an import that match an existing contact or an earlier row: by email, then LinkedIn URL,
 * then phone, then name and company. Linear: every key goes through a Map once.
 */
export function findDuplicates(candidates: ImportedContact[], existing: Contact[]): Duplicate[] {
  const known = new Map<string, string>()
  for (const c of existing) {
    for (const [reason, key] of keysOf(c)) {
      const k = `${reason}:${key}`
      if (!known.has(k)) known.set(k, c.id)
    }
  }
  const seen = new Map<string, number>()
  const out: Duplicate[] = []
  candidates.forEach((c, index) => {
    const keys = keysOf(c).sort((a, b) => ORDER.indexOf(a[0]) - ORDER.indexOf(b[0]))
    let found: Duplicate | null = null
    for (const [reason, key] of keys) {
      const existingId = known.get(`${reason}:${key}`)
      if (existingId !== undefined) {
        found = { index, existingId, reason }
        break
      }
    }
    if (found === null) {
      for (const [reason, key] of keys) {
        const earlier = seen.get(`${reason}:${key}`)
        if (earlier !== undefined) {
          found = { index, existingId: null, duplicateOfIndex: earlier, reason }
          break
        }
      }
    }
    for (const [reason, key] of keys) {
      const k = `${reason}:${key}`
      if (!seen.has(k)) seen.set(k, index)
    }
    if (found !== null) out.push(found)
  })
  return out
}
