import { describe, expect, it } from 'vitest'
import { validateExternalLink } from './links'

function accepted(raw: string): string {
  const check = validateExternalLink(raw)
  if (!check.ok) throw new Error(`expected ${JSON.stringify(raw)} to pass: ${check.reason}`)
  return check.url
}

function refusal(raw: string): string {
  const check = validateExternalLink(raw)
  if (check.ok) throw new Error(`expected ${JSON.stringify(raw)} to be refused, got ${check.url}`)
  return check.reason
}

describe('validateExternalLink', () => {
  it('accepts web and email links and normalises them', () => {
    expect(accepted('https://www.linkedin.com/in/ada')).toBe('https://www.linkedin.com/in/ada')
    expect(accepted('http://example.com')).toBe('http://example.com/')
    expect(accepted('HTTPS://Example.COM/Path?q=1#top')).toBe('https://example.com/Path?q=1#top')
    expect(accepted('mailto:ada@example.com')).toBe('mailto:ada@example.com')
    expect(accepted('MailTo:ada@example.com?subject=Thanks')).toBe(
      'mailto:ada@example.com?subject=Thanks',
    )
  })

  it('strips surrounding whitespace', () => {
    expect(accepted('  https://example.com/a \n')).toBe('https://example.com/a')
    expect(accepted('\thttps://example.com/')).toBe('https://example.com/')
  })

  it('refuses empty and over-long input', () => {
    expect(refusal('')).toMatch(/empty/)
    expect(refusal('   ')).toMatch(/empty/)
    expect(refusal(`https://example.com/${'a'.repeat(2100)}`)).toMatch(/at most/)
  })

  it('refuses credentials in the authority', () => {
    expect(refusal('https://good.com@evil.com')).toMatch(/user name/)
    expect(refusal('https://user:pass@example.com/')).toMatch(/user name/)
    expect(refusal('https://@evil.com')).toMatch(/user name/)
    expect(refusal('http://good.com%40x@evil.com/')).toMatch(/user name/)
  })

  it('refuses UNC paths and backslashes', () => {
    expect(refusal('\\\\server\\share')).toMatch(/backslash/)
    expect(refusal('https:\\\\evil.com')).toMatch(/backslash/)
    expect(refusal('https://example.com\\@evil.com')).toMatch(/backslash/)
  })

  it('refuses file, data, javascript and custom schemes', () => {
    expect(refusal('file:///etc/passwd')).toMatch(/"file:"/)
    expect(refusal('FILE://server/share')).toMatch(/"file:"/)
    expect(refusal('data:text/html,<script>alert(1)</script>')).toMatch(/"data:"/)
    expect(refusal('javascript:alert(1)')).toMatch(/"javascript:"/)
    expect(refusal('JaVaScRiPt:alert(1)')).toMatch(/"javascript:"/)
    expect(refusal('vbscript:msgbox')).toMatch(/"vbscript:"/)
    expect(refusal('ms-msdt:/id PCWDiagnostic')).toMatch(/"ms-msdt:"/)
    expect(refusal('slack://open')).toMatch(/"slack:"/)
    expect(refusal('  javascript:alert(1)')).toMatch(/"javascript:"/)
  })

  it('refuses javascript: hidden by tabs, newlines and control characters', () => {
    for (const raw of [
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      'java\rscript:alert(1)',
      'java\u0000script:alert(1)',
      'jav\u0001ascript:alert(1)',
      'https://exa\tmple.com/',
      'https://example.com/\u007f',
      'https://example.com/\u0085',
    ]) {
      expect(refusal(raw)).toMatch(/hidden or control/)
    }
  })

  it('refuses bidi overrides and zero-width characters', () => {
    for (const raw of [
      'https://example.com/\u202egnp.exe',
      'https://exa\u200bmple.com/',
      'https://example.com/\u2066x\u2069',
      'https://example.com/\ufeffx',
      'https://example.com/\u061c',
    ]) {
      expect(refusal(raw)).toMatch(/hidden or control/)
    }
  })

  it('refuses links without a scheme or host', () => {
    expect(refusal('example.com')).toMatch(/must start with/)
    expect(refusal('//example.com/')).toMatch(/must start with/)
    expect(refusal('/relative/path')).toMatch(/must start with/)
    expect(refusal('http:example.com')).toMatch(/look like/)
    expect(refusal('https://')).toMatch(/not a valid address/)
    expect(refusal('mailto:')).toMatch(/needs an address/)
    expect(refusal('mailto://evil.com/x')).toMatch(/needs an address/)
  })

  it('keeps an id-like "__proto__" path intact', () => {
    expect(accepted('https://example.com/__proto__')).toBe('https://example.com/__proto__')
  })
})
