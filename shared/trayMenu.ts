import { cleanNotificationTitle } from './notificationText'

/** What a tray entry does when clicked. */
export type TrayAction =
  | { type: 'open-contact'; contactId: string }
  | { type: 'log-touch' }
  | { type: 'snooze-all-day' }
  | { type: 'open' }
  | { type: 'quit' }

/** One entry of the tray menu, as plain data for the Electron adapter. */
export type TrayItem =
  | { type: 'item'; id: string; label: string; action: TrayAction; enabled?: boolean }
  | { type: 'separator' }
  | { type: 'header'; label: string }

/** One thing due, as the tray shows it. */
export interface TrayDueEntry {
  contactId: string
  name: string
  kind: 'contact-due' | 'thanks-owed' | 'request-due'
  detail: string
  /** ISO instant it fell due; earlier sorts first within a kind. Absent keeps the given order. */
  dueAt?: string
}

/** Input of buildTrayModel. */
export interface TrayInput {
  due: readonly TrayDueEntry[]
  platform: 'darwin' | 'win32' | 'linux'
}

/** The tray icon's tooltip, badge, macOS menu-bar title and menu. */
export interface TrayModel {
  tooltip: string
  badgeCount: number
  /** Text beside the icon in the macOS menu bar; absent elsewhere and when nothing is due. */
  title?: string
  items: TrayItem[]
}

/** How many due entries the menu lists before "+N more…". */
export const TRAY_DUE_SHOWN = 5
const LABEL_MAX = 60
// Windows truncates tray tooltips at 127 characters (NOTIFYICONDATA.szTip is 128 wide).
const TOOLTIP_MAX = 127

const KIND_ORDER = { 'thanks-owed': 0, 'request-due': 1, 'contact-due': 2 } as const

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** "3 people to contact · 1 thank-you owed", or "Vouch — nothing due". */
export function trayTooltip(due: readonly Pick<TrayDueEntry, 'kind'>[]): string {
  const count = (kind: TrayDueEntry['kind']) => due.filter((entry) => entry.kind === kind).length
  const parts: string[] = []
  const contacts = count('contact-due')
  const thanks = count('thanks-owed')
  const requests = count('request-due')
  if (contacts > 0) parts.push(`${plural(contacts, 'person', 'people')} to contact`)
  if (thanks > 0) parts.push(`${plural(thanks, 'thank-you', 'thank-yous')} owed`)
  if (requests > 0) parts.push(`${plural(requests, 'reference', 'references')} due soon`)
  return parts.length > 0
    ? cleanNotificationTitle(parts.join(' · '), TOOLTIP_MAX)
    : 'Vouch — nothing due'
}

function dueLabel(entry: TrayDueEntry): string {
  const name = cleanNotificationTitle(entry.name, LABEL_MAX) || 'Someone'
  const lead =
    entry.kind === 'thanks-owed'
      ? `Thank ${name}`
      : entry.kind === 'request-due'
        ? `Reference due: ${name}`
        : name
  const detail = entry.detail.trim()
  return detail === '' ? lead : `${lead} — ${detail}`
}

/** Electron reads "&" in menu labels as a mnemonic marker on every platform; "&&" shows one "&". */
function escapeMnemonic(label: string): string {
  // https://github.com/electron/electron/issues/9584
  return label.replace(/&/g, '&&')
}

/** The tray as plain data: the top due entries (thank-yous, then requests, then contacts most overdue first) and the fixed actions. */
export function buildTrayModel(input: TrayInput): TrayModel {
  const sorted = input.due
    .map((entry, index) => ({ entry, index }))
    .sort(
      (a, b) =>
        KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
        compareDueAt(a.entry.dueAt, b.entry.dueAt) ||
        a.index - b.index,
    )
    .map(({ entry }) => entry)
  const shown = sorted.slice(0, TRAY_DUE_SHOWN)
  const hidden = sorted.length - shown.length
  const count = input.due.length

  const items: TrayItem[] = []
  if (count === 0) {
    items.push({ type: 'header', label: 'Nothing due — all caught up' })
  } else {
    items.push({ type: 'header', label: 'Due now' })
    shown.forEach((entry, i) => {
      items.push({
        type: 'item',
        id: `due-${i}`,
        label: escapeMnemonic(cleanNotificationTitle(dueLabel(entry), LABEL_MAX)),
        action: { type: 'open-contact', contactId: entry.contactId },
      })
    })
    if (hidden > 0) {
      items.push({ type: 'item', id: 'more', label: `+${hidden} more…`, action: { type: 'open' } })
    }
  }
  items.push(
    { type: 'separator' },
    { type: 'item', id: 'log-touch', label: 'Log touch…', action: { type: 'log-touch' } },
    {
      type: 'item',
      id: 'snooze-all-day',
      label: 'Snooze all for a day',
      action: { type: 'snooze-all-day' },
      enabled: count > 0,
    },
    { type: 'separator' },
    { type: 'item', id: 'open', label: 'Open Vouch', action: { type: 'open' } },
    { type: 'item', id: 'quit', label: 'Quit', action: { type: 'quit' } },
  )

  const model: TrayModel = { tooltip: trayTooltip(input.due), badgeCount: count, items }
  if (input.platform === 'darwin' && count > 0) model.title = String(count)
  return model
}

function compareDueAt(a: string | undefined, b: string | undefined): number {
  if (a === undefined || b === undefined) return 0
  return Date.parse(a) - Date.parse(b)
}
