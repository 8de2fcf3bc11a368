import { describe, expect, it } from 'vitest'
import { addressLines, birthdayText } from './fieldText'

describe('field text', () => {
  it('formats birthdays with and without the year', () => {
    expect(birthdayText('1980-04-23')).toBe('23 April 1980')
    expect(birthdayText('--12-01')).toBe('1 December')
  })

  it('writes an address as its lines, postal code before the city, without empty parts', () => {
    expect(
      addressLines({
        label: 'Work',
        street: 'Hauptstraße 1',
        city: 'München',
        region: 'Bayern',
        postalCode: '80331',
        country: 'Deutschland',
      }),
    ).toEqual(['Hauptstraße 1', '80331 München, Bayern', 'Deutschland'])
    expect(
      addressLines({
        label: '',
        street: '',
        city: 'Basel',
        region: '',
        postalCode: '',
        country: '',
      }),
    ).toEqual(['Basel'])
  })
})
