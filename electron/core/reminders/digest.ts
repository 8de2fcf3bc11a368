import type { DueItem, VouchNotification } from './types'

const NAMES_SHOWN = 3

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** The first word of a name: "Ada Lovelace" → "Ada". */
export function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? ''
}

function nameList(items: readonly DueItem[]): string {
  const names = items.slice(0, NAMES_SHOWN).map((item) => firstName(item.title) || item.title)
  const more = items.length - names.length
  return more > 0 ? `${names.join(', ')} and ${more} more` : names.join(', ')
}

const byDueAt = (a: DueItem, b: DueItem) => (a.dueAt < b.dueAt ? -1 : a.dueAt > b.dueAt ? 1 : 0)

/** One line counting what is due, e.g. "3 people to contact: Ada, Grace, Linus · 1 thank-you owed". */
export function summarizeDue(items: readonly DueItem[]): string {
  const contacts = items.filter((item) => item.kind === 'contact-due').sort(byDueAt)
  const thanks = items.filter((item) => item.kind === 'thanks-owed')
  const requests = items.filter((item) => item.kind === 'request-due')
  const parts: string[] = []
  if (contacts.length > 0) {
    parts.push(`${plural(contacts.length, 'person', 'people')} to contact: ${nameList(contacts)}`)
  }
  if (thanks.length > 0) parts.push(`${plural(thanks.length, 'thank-you', 'thank-yous')} owed`)
  if (requests.length > 0)
    parts.push(`${plural(requests.length, 'reference', 'references')} due soon`)
  return parts.length > 0 ? parts.join(' · ') : 'Nothing due'
}

/** The daily digest covering everything currently due. */
export function digestNotification(items: readonly DueItem[], late: boolean): VouchNotification {
  return {
    kind: 'digest',
    title: late ? 'Vouch — missed while you were away' : 'Vouch — due today',
    body: summarizeDue(items),
    late,
    keys: items.map((item) => item.key),
  }
}

const ALERT_TITLES = {
  'thanks-owed': { one: 'Thank-you owed', many: 'thank-yous owed' },
  'request-due': { one: 'Reference due soon', many: 'references due soon' },
} as const

/** One alert for a single thank-you owed or request coming due. */
export function alertNotification(
  item: DueItem & { kind: 'thanks-owed' | 'request-due' },
  late: boolean,
): VouchNotification {
  return {
    kind: item.kind,
    title: `${ALERT_TITLES[item.kind].one}: ${item.title}`,
    body: late ? `${item.detail}\nMissed while you were away.` : item.detail,
    contactId: item.contactId,
    late,
    keys: [item.key],
  }
}

/** One alert standing for several of the same kind, so a wake-up does not bring a flood. */
export function groupedAlertNotification(
  kind: 'thanks-owed' | 'request-due',
  items: readonly DueItem[],
  late: boolean,
): VouchNotification {
  return {
    kind,
    title: `${items.length} ${ALERT_TITLES[kind].many}`,
    body: late ? `${nameList(items)}\nMissed while you were away.` : nameList(items),
    late,
    keys: items.map((item) => item.key),
  }
}

/** The weekly review's one notification. */
export function weeklyReviewNotification(late: boolean): VouchNotification {
  return {
    kind: 'weekly-review',
    title: 'Vouch — your weekly review',
    body: late
      ? 'Five minutes to look back on the week, who is overdue and thanks owed. Missed while you were away.'
      : 'Five minutes to look back on the week, who is overdue and thanks owed.',
    late,
    keys: [],
  }
}
