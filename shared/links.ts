import { LIMITS } from './domain'

/** The outcome of checking a link before handing it to the operating system. */
export type LinkCheck = { ok: true; url: string } | { ok: false; reason: string }

const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:'])

// C0 and C1 controls, DEL, and the invisible characters that reorder or hide text (bidi
// overrides and isolates, zero-width joiners, BOM): they make a link read differently
// from where it goes. https://trojansource.codes/
const HIDDEN_CHARACTERS =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/u

const SCHEME = /^([a-z][a-z0-9+.-]*):/i

/**
 * Decide whether a link typed or imported by the user may be opened by the operating system:
 * only http, https and mailto, with no credentials, no backslashes and no hidden characters.
 */
export function validateExternalLink(raw: string): LinkCheck {
  const text = raw.trim()
  if (text === '') return { ok: false, reason: 'The link is empty.' }
  if (text.length > LIMITS.url) {
    return { ok: false, reason: `A link is at most ${LIMITS.url} characters.` }
  }
  if (HIDDEN_CHARACTERS.test(text)) {
    return { ok: false, reason: 'The link contains hidden or control characters.' }
  }
  // Browsers read "\" as "/" in web URLs and Windows reads "\\host\share" as a network path.
  if (text.includes('\\')) return { ok: false, reason: 'The link contains a backslash.' }

  const scheme = SCHEME.exec(text)?.[1]?.toLowerCase()
  if (!scheme) {
    return { ok: false, reason: 'A link must start with http://, https:// or mailto:.' }
  }
  if (!ALLOWED_PROTOCOLS.has(`${scheme}:`)) {
    return { ok: false, reason: `Links of type "${scheme.slice(0, 30)}:" are not opened.` }
  }

  let url: URL
  try {
    url = new URL(text)
  } catch {
    return { ok: false, reason: 'The link is not a valid address.' }
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) {
    return { ok: false, reason: 'A link must start with http://, https:// or mailto:.' }
  }

  if (url.protocol === 'mailto:') {
    if (url.pathname === '' || url.pathname.startsWith('/')) {
      return { ok: false, reason: 'An email link needs an address, like mailto:ada@example.com.' }
    }
    return { ok: true, url: url.href }
  }

  // "https://good.com@evil.com" goes to evil.com; refuse any "@" in the authority, even an
  // empty user name, which the URL parser drops silently.
  const authority = /^[a-z]+:\/\/([^/?#]*)/i.exec(text)?.[1]
  if (authority === undefined) {
    return { ok: false, reason: 'A web link must look like https://example.com.' }
  }
  if (authority.includes('@') || url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'The link carries a user name or password.' }
  }
  if (url.hostname === '') return { ok: false, reason: 'The link has no host.' }
  return { ok: true, url: url.href }
}
