import { format } from 'date-fns'
import { enUS } from 'date-fns/locale'
import type { PostalAddress } from '@shared/domain'

/** "23 April 1980" from 1980-04-23, "23 April" from --04-23; anything else as given. */
export function birthdayText(birthday: string): string {
  const m = /^(\d{4}|-)-(\d{2})-(\d{2})$/.exec(birthday)
  if (m === null) return birthday
  const [month, day] = [Number(m[2]) - 1, Number(m[3])]
  // A leap year stands in when there is none, so --02-29 is a day.
  const date = new Date(2000, month, day)
  if (m[1] !== '-') date.setFullYear(Number(m[1]), month, day)
  if (date.getMonth() !== month || date.getDate() !== day) return birthday
  return format(date, m[1] === '-' ? 'd MMMM' : 'd MMMM yyyy', { locale: enUS })
}

/** One line per address part, without empty parts. */
export function addressLines(a: PostalAddress): string[] {
  const place = [a.postalCode, a.city].filter((v) => v !== '').join(' ')
  return [a.street, [place, a.region].filter((v) => v !== '').join(', '), a.country].filter(
    (v) => v !== '',
  )
}
