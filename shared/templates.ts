import type { Contact, ReferenceRequest } from './domain'

/** Values a template's placeholders are filled with. */
export interface TemplateValues {
  name: string
  firstName: string
  role: string
  company: string
}

/** The placeholders a template may use. */
export const PLACEHOLDERS = ['{name}', '{firstName}', '{role}', '{company}'] as const

/** The three ways to say thank you after a reference. */
export interface ThankYouTemplates {
  note: string
  email: { subject: string; body: string }
  callScript: string
}

/** Default thank-you templates, with placeholders. */
export const THANK_YOU_TEMPLATES: ThankYouTemplates = {
  note: [
    'Dear {firstName},',
    '',
    'Thank you so much for giving me a reference for the {role} role at {company}.',
    'I really appreciate you taking the time, and I will let you know how it goes.',
  ].join('\n'),
  email: {
    subject: 'Thank you for the reference, {firstName}',
    body: [
      'Hi {firstName},',
      '',
      'Thank you for speaking up for me for the {role} role at {company}.',
      'It means a lot that you took the time, and I will keep you posted on the outcome.',
      '',
      'If I can ever return the favour, please just ask.',
      '',
      'With thanks,',
    ].join('\n'),
  },
  callScript: [
    'Hi {firstName}, do you have two minutes?',
    'I wanted to thank you personally for the reference for the {role} role at {company}.',
    'Ask: how did the call go, and was there anything they asked that surprised you?',
    'Offer: let me know if I can ever help you the same way.',
    'Promise: I will tell you how it turns out.',
  ].join('\n'),
}

/** The first word of a name, for greetings; the whole name when it has one word. */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? ''
}

/** Placeholder values for thanking a contact for one request. */
export function thankYouValues(
  contact: Pick<Contact, 'name'>,
  request: Pick<ReferenceRequest, 'role' | 'company'>,
): TemplateValues {
  const name = contact.name.trim()
  return { name, firstName: firstName(name), role: request.role, company: request.company }
}

/**
 * Replace {name}, {firstName}, {role} and {company}. One pass, so a value that itself contains
 * "{role}" is not expanded again; unknown placeholders are left as they are.
 */
export function fillTemplate(template: string, values: TemplateValues): string {
  const table: Record<string, string> = { ...values }
  return template.replace(
    /\{(name|firstName|role|company)\}/g,
    (match: string, key: string) => table[key] ?? match,
  )
}

// Plausible, not RFC 5322 complete: one local part, one dotted domain, none of the characters
// that would separate addresses or start a header (, ; : < > ( ) [ ] \ " and whitespace).
const PLAUSIBLE_EMAIL = /^[^\s@,;:<>()[\]\\"]+@[^\s@,;:<>()[\]\\".]+(\.[^\s@,;:<>()[\]\\".]+)+$/
// eslint-disable-next-line no-control-regex -- the point is to find control characters
const CONTROL = /[\u0000-\u001f\u007f]/
const MAX_EMAIL = 254

/** Whether an address is one plausible email address, without control characters. */
export function isPlausibleEmail(address: string): boolean {
  return address.length <= MAX_EMAIL && !CONTROL.test(address) && PLAUSIBLE_EMAIL.test(address)
}

/**
 * A `mailto:` URL per RFC 6068 (https://www.rfc-editor.org/rfc/rfc6068): the address with its
 * parts percent-encoded, subject and body as encoded query fields, body line breaks as %0D%0A.
 */
export function mailtoLink(args: {
  to: string
  subject: string
  body: string
}): { ok: true; url: string } | { ok: false; reason: string } {
  if (CONTROL.test(args.to)) {
    return { ok: false, reason: 'The email address contains a line break or control character.' }
  }
  const to = args.to.trim()
  if (to === '') return { ok: false, reason: 'There is no email address.' }
  if (!isPlausibleEmail(to)) {
    return { ok: false, reason: `"${to.slice(0, 80)}" is not a single valid email address.` }
  }
  const at = to.lastIndexOf('@')
  const address = `${encodeURIComponent(to.slice(0, at))}@${encodeURIComponent(to.slice(at + 1))}`
  // A subject is one header line: fold any line breaks into spaces.
  const subject = args.subject.replace(/\r\n|\r|\n/g, ' ')
  // RFC 6068 §5: line breaks in the body must be encoded as %0D%0A.
  const body = args.body.replace(/\r\n|\r|\n/g, '\r\n')
  const fields: string[] = []
  if (subject !== '') fields.push(`subject=${encodeURIComponent(subject)}`)
  if (body !== '') fields.push(`body=${encodeURIComponent(body)}`)
  const query = fields.length === 0 ? '' : `?${fields.join('&')}`
  return { ok: true, url: `mailto:${address}${query}` }
}
