import { describe, expect, it } from 'vitest'
import {
  bodyUsesMarkup,
  cleanNotificationBody,
  cleanNotificationTitle,
  escapeNotificationMarkup,
} from './notificationText'

describe('cleanNotificationBody', () => {
  it('escapes markup on Linux so a name cannot restyle or hide the body', () => {
    expect(
      cleanNotificationBody('Tom & Jerry <b>bold</b> "q" \'s', 300, { platform: 'linux' }),
    ).toBe('Tom &amp; Jerry &lt;b&gt;bold&lt;/b&gt; &quot;q&quot; &apos;s')
  })

  it('escapes by default and leaves text alone on macOS and Windows', () => {
    expect(cleanNotificationBody('A & <b>')).toBe('A &amp; &lt;b&gt;')
    expect(cleanNotificationBody('A & <b>', 300, { platform: 'darwin' })).toBe('A & <b>')
    expect(cleanNotificationBody('A & <b>', 300, { platform: 'win32' })).toBe('A & <b>')
    expect(bodyUsesMarkup('freebsd')).toBe(true)
  })

  it('strips bidi overrides and control characters but keeps line breaks', () => {
    const spoof = 'Ada\u202Eecalevol\u202C \u2066x\u2069\u200E\u200F\u061C\u0007\u0000\u009B\u007F!'
    expect(cleanNotificationBody(spoof, 300, { platform: 'darwin' })).toBe('Adaecalevol x!')
    expect(cleanNotificationBody('one\r\ntwo\rthree\u2028four', 300, { platform: 'darwin' })).toBe(
      'one\ntwo\nthree\nfour',
    )
  })

  it('collapses runs of whitespace', () => {
    expect(
      cleanNotificationBody('  a \t\t b\u00A0\u00A0c \n\n\n  d  ', 300, { platform: 'darwin' }),
    ).toBe('a b c\nd')
  })

  it('truncates a 5 kB body to maxLength with an ellipsis', () => {
    const body = 'x'.repeat(5000)
    const cleaned = cleanNotificationBody(body, 300, { platform: 'darwin' })
    expect(cleaned).toHaveLength(300)
    expect(cleaned.endsWith('…')).toBe(true)
    expect(cleaned.slice(0, 299)).toBe('x'.repeat(299))
  })

  it('never cuts a surrogate pair', () => {
    const emoji = '😀'.repeat(10) // 20 UTF-16 units
    const cleaned = cleanNotificationBody(emoji, 6, { platform: 'darwin' })
    expect(cleaned).toBe('😀😀…')
    expect(cleaned).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/)
  })

  it('escapes after truncating, so an entity is never cut in half', () => {
    const cleaned = cleanNotificationBody('&'.repeat(400), 10, { platform: 'linux' })
    expect(cleaned).toBe('&amp;'.repeat(9) + '…')
    expect(cleaned.replace(/&amp;/g, '')).toBe('…')
  })

  it('handles an empty or all-invisible body', () => {
    expect(cleanNotificationBody('')).toBe('')
    expect(cleanNotificationBody('\u202E\u0000  \n ')).toBe('')
  })
})

describe('cleanNotificationTitle', () => {
  it('strips controls and bidi, joins lines, and does not escape markup', () => {
    expect(cleanNotificationTitle('Tom\n& <b>Jerry</b>\u202E\t!')).toBe('Tom & <b>Jerry</b> !')
  })

  it('truncates to 80 by default', () => {
    const title = cleanNotificationTitle('y'.repeat(5000))
    expect(title).toHaveLength(80)
    expect(title.endsWith('…')).toBe(true)
    expect(cleanNotificationTitle('short', 80)).toBe('short')
  })
})

describe('escapeNotificationMarkup', () => {
  it('escapes the ampersand first, so entities are not double-escaped wrongly', () => {
    expect(escapeNotificationMarkup('&lt;')).toBe('&amp;lt;')
  })
})
