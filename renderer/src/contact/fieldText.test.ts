import { describe, expect, it } from 'vitest'
import { addressLines, birthdayText } from './fieldText'

describe('field text', () => {
  it('formats birthdays with and without the year', () => {
    const stored = ['1980-04-23', '--12-01', '--02-29', '0980-04-23']
    expect(stored.map(birthdayText)).toEqual([
      '23 April 1980',
      '1 December',
      '29 February',
      '23 April 0980',
    ])
  })

  it('shows a birthday that is no day as it is stored', () => {
    const noDays = ['2021-02-29', '--04-31', 'April 15']
    expect(noDays.map(birthdayText)).toEqual(noDays)
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
