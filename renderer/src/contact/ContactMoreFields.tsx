import type { Contact, PostalAddress } from '@shared/domain'
import { call } from '../api/client'
import { useToasts } from '../ui/toasts'

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

/** "23 April 1980" from 1980-04-23, "23 April" from --04-23. */
export function birthdayText(birthday: string): string {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(birthday)
  if (m === null) return birthday
  const date = `${Number(m[3])} ${MONTHS[Number(m[2]) - 1] ?? ''}`
  return m[1] === '-' ? date : `${date} ${m[1]}`
}

/** One line per address part, without empty parts. */
export function addressLines(a: PostalAddress): string[] {
  const place = [a.postalCode, a.city].filter((v) => v !== '').join(' ')
  return [a.street, [place, a.region].filter((v) => v !== '').join(', '), a.country].filter(
    (v) => v !== '',
  )
}

const isWebLink = (v: string) => /^https?:\/\//i.test(v)

/**
 * The fields imports bring and the form does not edit (nicknames, birthday, addresses, profiles,
 * the date connected), read-only; nothing when the contact has none.
 */
export function ContactMoreFields({ contact }: { contact: Contact }) {
  const { nicknames, birthday, addresses, profiles, connectedOn } = contact
  const toasts = useToasts()
  const open = async (url: string) => {
    const result = await call('link.open', { url })
    if (!result.ok) toasts.show({ tone: 'error', message: result.message })
  }
  if (
    nicknames.length === 0 &&
    birthday === '' &&
    addresses.length === 0 &&
    profiles.length === 0 &&
    connectedOn === ''
  )
    return null
  return (
    <section
      className="contact-more"
      aria-label="More about this person"
      data-testid="contact-more"
    >
      <dl>
        {nicknames.length > 0 && (
          <>
            <dt>Also known as</dt>
            <dd>{nicknames.join(', ')}</dd>
          </>
        )}
        {birthday !== '' && (
          <>
            <dt>Birthday</dt>
            <dd>{birthdayText(birthday)}</dd>
          </>
        )}
        {connectedOn !== '' && (
          <>
            <dt>Connected on</dt>
            <dd>{birthdayText(connectedOn)}</dd>
          </>
        )}
        {addresses.map((a, i) => (
          <div key={`a${i}`} className="contact-more-row">
            <dt>{a.label === '' ? 'Address' : a.label}</dt>
            <dd>
              {addressLines(a).map((line) => (
                <span key={line} className="contact-more-line">
                  {line}
                </span>
              ))}
            </dd>
          </div>
        ))}
        {profiles.map((p, i) => (
          <div key={`p${i}`} className="contact-more-row">
            <dt>{p.service === '' ? 'Profile' : p.service}</dt>
            <dd>
              {isWebLink(p.handle) ? (
                <button type="button" className="link-button" onClick={() => void open(p.handle)}>
                  {p.handle}
                </button>
              ) : (
                p.handle
              )}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  )
}
