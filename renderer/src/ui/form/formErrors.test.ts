import { describe, expect, it } from 'vitest'
import { formErrors, plainMessage, refusal } from './formErrors'

describe('form errors', () => {
  it('places issues beside their field, by the longest matching path', () => {
    const result = formErrors(
      [
        { path: 'links.2', message: 'Links must be web addresses, like https://example.com' },
        { path: 'quietHours.start', message: 'Use a 24-hour time like 09:00' },
        { path: 'email', message: 'first' },
        { path: 'email', message: 'second' },
      ],
      ['links', 'email', 'quietHours', 'quietHours.start'],
    )
    expect(result.fields).toEqual({
      links: 'Links must be web addresses, like https://example.com.',
      'quietHours.start': 'Use a 24-hour time like 09:00.',
      email: 'first.',
    })
    expect(result.other).toEqual([])
  })

  it('says an issue for no field without its path', () => {
    const result = formErrors([{ path: 'role', message: 'Role is required' }], ['company'])
    expect(result.other).toEqual(['Role is required.'])
    expect(result.other.join(' ')).not.toContain('role:')
  })

  it("rewrites zod's stock messages in plain words", () => {
    expect(plainMessage('Invalid input: expected number, received NaN')).toBe('Enter a number.')
    expect(plainMessage('Too small: expected number to be >=1')).toBe('Enter 1 or more.')
    expect(plainMessage('Too big: expected number to be <=3650')).toBe('Enter 3650 or less.')
    expect(plainMessage('Invalid ISO date')).toBe('Use a date like 2025-03-31.')
    expect(plainMessage('Name is required')).toBe('Name is required.')
    expect(plainMessage('Already a sentence.')).toBe('Already a sentence.')
  })

  it('falls back to the failure message only when no issue was placed', () => {
    expect(refusal({ message: 'The store is read-only.' }, ['name'])).toEqual({
      fields: {},
      summary: 'The store is read-only.',
    })
    expect(
      refusal(
        {
          message: 'name: Name is required',
          issues: [{ path: 'name', message: 'Name is required' }],
        },
        ['name'],
      ),
    ).toEqual({ fields: { name: 'Name is required.' }, summary: null })
  })
})
