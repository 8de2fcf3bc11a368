import { describe, expect, it } from 'vitest'
import {
  fillTemplate,
  firstName,
  mailtoLink,
  THANK_YOU_TEMPLATES,
  thankYouValues,
} from './templates'
import { makeContact, makeRequest } from '@testing/builders'

const values = thankYouValues(
  makeContact({ name: '  Ada   Lovelace ' }),
  makeRequest({ role: 'Staff Engineer', company: 'Globex' }),
)

describe('thankYouValues and firstName', () => {
  it('derives the placeholders from the contact and the request', () => {
    expect(values).toEqual({
      name: 'Ada   Lovelace',
      firstName: 'Ada',
      role: 'Staff Engineer',
      company: 'Globex',
    })
    expect(firstName('Cher')).toBe('Cher')
  })
})

describe('fillTemplate', () => {
  it('replaces every placeholder, leaving unknown ones alone', () => {
    expect(fillTemplate('{firstName} ({name}): {role} @ {company}, {other}', values)).toBe(
      'Ada (Ada   Lovelace): Staff Engineer @ Globex, {other}',
    )
  })
  it('does not expand placeholders found inside values', () => {
    expect(fillTemplate('{company}', { ...values, company: '{role} Inc' })).toBe('{role} Inc')
  })
  it('fills the thank-you note, email and call script', () => {
    expect(fillTemplate(THANK_YOU_TEMPLATES.note, values)).toBe(
      'Dear Ada,\n\nThank you so much for giving me a reference for the Staff Engineer role at Globex.\n' +
        'I really appreciate you taking the time, and I will let you know how it goes.',
    )
    expect(fillTemplate(THANK_YOU_TEMPLATES.email.subject, values)).toBe(
      'Thank you for the reference, Ada',
    )
    expect(fillTemplate(THANK_YOU_TEMPLATES.email.body, values)).toContain(
      'Thank you for speaking up for me for the Staff Engineer role at Globex.',
    )
    expect(fillTemplate(THANK_YOU_TEMPLATES.callScript, values).split('\n')[1]).toBe(
      'I wanted to thank you personally for the reference for the Staff Engineer role at Globex.',
    )
    const all = [
      THANK_YOU_TEMPLATES.note,
      THANK_YOU_TEMPLATES.email.subject,
      THANK_YOU_TEMPLATES.email.body,
      THANK_YOU_TEMPLATES.callScript,
    ]
    for (const template of all) expect(fillTemplate(template, values)).not.toMatch(/\{\w+\}/)
  })
})

describe('mailtoLink', () => {
  it('percent-encodes subject and body, with CRLF line breaks in the body', () => {
    expect(
      mailtoLink({ to: 'ada@example.com', subject: 'Thanks & more?', body: 'Hi Ada,\nLine #2' }),
    ).toEqual({
      ok: true,
      url: 'mailto:ada@example.com?subject=Thanks%20%26%20more%3F&body=Hi%20Ada%2C%0D%0ALine%20%232',
    })
  })
  it('encodes the address parts but keeps the @, and trims surrounding spaces', () => {
    expect(mailtoLink({ to: ' ada+refs@example.co.uk ', subject: '', body: '' })).toEqual({
      ok: true,
      url: 'mailto:ada%2Brefs@example.co.uk',
    })
  })
  it('round-trips non-ASCII text and folds subject line breaks', () => {
    const result = mailtoLink({
      to: 'zoe@example.com',
      subject: 'Merci\r\nZoë',
      body: 'Café\r\nà bientôt\rfin',
    })
    if (!result.ok) throw new Error(result.reason)
    const query = new URLSearchParams(result.url.split('?')[1])
    expect(query.get('subject')).toBe('Merci Zoë')
    expect(query.get('body')).toBe('Café\r\nà bientôt\r\nfin')
    expect(result.url).not.toMatch(/[\s\u0080-\uffff]/)
  })
  it.each([
    ['', 'There is no email address.'],
    ['ada', '"ada" is not a single valid email address.'],
    ['ada@example', '"ada@example" is not a single valid email address.'],
    ['a@@example.com', '"a@@example.com" is not a single valid email address.'],
    [
      'a@example.com, b@example.com',
      '"a@example.com, b@example.com" is not a single valid email address.',
    ],
    [
      'a@example.com;b@example.com',
      '"a@example.com;b@example.com" is not a single valid email address.',
    ],
    ['Ada <a@example.com>', '"Ada <a@example.com>" is not a single valid email address.'],
    ['ada@exa mple.com', '"ada@exa mple.com" is not a single valid email address.'],
    [
      'a@example.com\nBcc: eve@example.com',
      'The email address contains a line break or control character.',
    ],
    ['a@example.com\r', 'The email address contains a line break or control character.'],
    ['a@exam\u0000ple.com', 'The email address contains a line break or control character.'],
  ])('refuses %j', (to, reason) => {
    expect(mailtoLink({ to, subject: 's', body: 'b' })).toEqual({ ok: false, reason })
  })
})
