import { describe, expect, it } from 'vitest'
import { EmailInput, LinkInput } from './contactInput'

describe('contact input checks', () => {
  it('accepts empty and real email addresses and refuses the rest in plain words', () => {
    expect(EmailInput.parse('')).toBe('')
    expect(EmailInput.parse(' zoë@exämple.fr ')).toBe('zoë@exämple.fr')
    const refused = EmailInput.safeParse('not-an-email')
    expect(refused.success).toBe(false)
    expect(refused.error?.issues[0]?.message).toBe(
      'This is not an email address. Write it like name@example.com',
    )
    expect(EmailInput.safeParse('a@b').success).toBe(false)
    expect(EmailInput.safeParse('a b@c.com').success).toBe(false)
  })

  it('accepts web addresses with or without a scheme and refuses other links', () => {
    for (const ok of ['https://example.com', 'linkedin.com/in/ada', 'http://a.b.co:8080/x?y#z']) {
      expect(LinkInput.safeParse(ok).success).toBe(true)
    }
    for (const bad of ['javascript:alert(1)', 'not a link', 'file:///etc/passwd', 'example']) {
      const refused = LinkInput.safeParse(bad)
      expect(refused.success).toBe(false)
      expect(refused.error?.issues[0]?.message).toBe(
        'Links must be web addresses, like https://example.com',
      )
    }
  })
})
