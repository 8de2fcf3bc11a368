const dateFormat = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
})
const numberFormat = new Intl.NumberFormat()

/** A yyyy-MM-dd day as the user reads dates ("14 May 2026"); '' stays ''. */
export function formatDay(day: string): string {
  if (day === '') return ''
  const date = new Date(`${day}T00:00:00Z`)
  return Number.isNaN(date.getTime()) ? day : dateFormat.format(date)
}

/** A count with the user's digit grouping ("4,870"). */
export function formatCount(n: number): string {
  return numberFormat.format(n)
}

/** "1 person" / "2,000 people". */
export function people(n: number): string {
  return n === 1 ? '1 person' : `${formatCount(n)} people`
}

/** A link without its scheme and "www.", for reading. */
export function shortLink(url: string): string {
  return url.replace(/^https?:\/\/(www\.)?/i, '').replace(/\/$/, '')
}
