import type { PostalAddress } from '@shared/domain'

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
