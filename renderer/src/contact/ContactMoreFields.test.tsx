import { cleanup, render, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { makeContact } from '@testing/builders'
import { addressLines, birthdayText, ContactMoreFields } from './ContactMoreFields'

afterEach(cleanup)

describe('ContactMoreFields', () => {
  it('shows nicknames, birthday, date connected, addresses and profiles', () => {
    render(
      <ContactMoreFields
        contact={makeContact({
          name: 'Anna',
          nicknames: ['Anni', 'AM'],
          birthday: '--07-03',
          connectedOn: '2021-03-04',
          addresses: [
            {
              label: 'Work',
              street: 'Hauptstraße 1',
              city: 'München',
              region: 'Bayern',
              postalCode: '80331',
              country: 'Deutschland',
            },
          ],
          profiles: [
            { service: 'LinkedIn', handle: 'https://www.linkedin.com/in/anna' },
            { service: 'Skype', handle: 'anna.m' },
          ],
        })}
      />,
    )
    const section = screen.getByTestId('contact-more')
    expect(section.textContent).toBe(
      [
        'Also known asAnni, AM',
        'Birthday3 July',
        'Connected on4 March 2021',
        'WorkHauptstraße 180331 München, BayernDeutschland',
        'LinkedInhttps://www.linkedin.com/in/anna',
        'Skypeanna.m',
      ].join(''),
    )
    expect(screen.getByRole('button', { name: 'https://www.linkedin.com/in/anna' })).toBeTruthy()
  })

  it('renders nothing for a contact without these fields', () => {
    render(<ContactMoreFields contact={makeContact({ name: 'Plain' })} />)
    expect(screen.queryByTestId('contact-more')).toBeNull()
  })

  it('formats birthdays and address lines', () => {
    expect(birthdayText('1980-04-23')).toBe('23 April 1980')
    expect(birthdayText('--12-01')).toBe('1 December')
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
