import { describe, expect, it } from 'vitest'
import { buildTrayModel, trayTooltip, type TrayDueEntry, type TrayItem } from './trayMenu'

const entry = (over: Partial<TrayDueEntry> & Pick<TrayDueEntry, 'name'>): TrayDueEntry => ({
  contactId: over.name.toLowerCase(),
  kind: 'contact-due',
  detail: '',
  ...over,
})

const labels = (items: TrayItem[]) =>
  items.map((item) => (item.type === 'separator' ? '---' : item.label))

describe('buildTrayModel', () => {
  it('shows nothing due and the fixed actions when nothing is due', () => {
    const model = buildTrayModel({ due: [], platform: 'linux' })
    expect(model.tooltip).toBe('Vouch — nothing due')
    expect(model.badgeCount).toBe(0)
    expect(model.title).toBeUndefined()
    expect(labels(model.items)).toEqual([
      'Nothing due — all caught up',
      '---',
      'Log touch…',
      'Snooze all for a day',
      '---',
      'Open Vouch',
      'Quit',
    ])
    expect(model.items).toContainEqual({
      type: 'item',
      id: 'snooze-all-day',
      label: 'Snooze all for a day',
      action: { type: 'snooze-all-day' },
      enabled: false,
    })
    expect(model.items.at(-1)).toEqual({
      type: 'item',
      id: 'quit',
      label: 'Quit',
      action: { type: 'quit' },
    })
  })

  it('lists thank-yous, then requests, then contacts most overdue first, each opening its contact', () => {
    const model = buildTrayModel({
      platform: 'win32',
      due: [
        entry({ name: 'Linus', dueAt: '2025-03-03T09:00:00Z', detail: '3 days overdue' }),
        entry({ name: 'Ada', dueAt: '2025-03-01T09:00:00Z', detail: '5 days overdue' }),
        entry({ name: 'Grace', kind: 'thanks-owed', detail: 'by Friday' }),
        entry({ name: 'Barbara', kind: 'request-due', detail: 'Acme, Monday' }),
      ],
    })
    const dueItems = model.items.filter(
      (item) => item.type === 'item' && item.id.startsWith('due-'),
    )
    expect(dueItems).toEqual([
      {
        type: 'item',
        id: 'due-0',
        label: 'Thank Grace — by Friday',
        action: { type: 'open-contact', contactId: 'grace' },
      },
      {
        type: 'item',
        id: 'due-1',
        label: 'Reference due: Barbara — Acme, Monday',
        action: { type: 'open-contact', contactId: 'barbara' },
      },
      {
        type: 'item',
        id: 'due-2',
        label: 'Ada — 5 days overdue',
        action: { type: 'open-contact', contactId: 'ada' },
      },
      {
        type: 'item',
        id: 'due-3',
        label: 'Linus — 3 days overdue',
        action: { type: 'open-contact', contactId: 'linus' },
      },
    ])
    expect(model.tooltip).toBe('2 people to contact · 1 thank-you owed · 1 reference due soon')
    expect(model.badgeCount).toBe(4)
    expect(model.title).toBeUndefined()
  })

  it('shows the top 5 and a "+N more…" entry that opens the app', () => {
    const due = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((name) => entry({ name }))
    const model = buildTrayModel({ due, platform: 'darwin' })
    expect(labels(model.items).slice(0, 7)).toEqual([
      'Due now',
      'A',
      'B',
      'C',
      'D',
      'E',
      '+2 more…',
    ])
    expect(model.items[6]).toEqual({
      type: 'item',
      id: 'more',
      label: '+2 more…',
      action: { type: 'open' },
    })
    expect(model.title).toBe('7')
    expect(model.tooltip).toBe('7 people to contact')
  })

  it('cleans labels: no control or bidi characters, at most 60 characters, literal ampersands', () => {
    const model = buildTrayModel({
      platform: 'linux',
      due: [
        entry({ name: 'Eve\u202E\u0007 Smith\n&Co', detail: 'x'.repeat(200) }),
        entry({ name: ' \u202E ', kind: 'thanks-owed', detail: '' }),
      ],
    })
    const [second, first] = model.items.filter(
      (item) => item.type === 'item' && item.id.startsWith('due-'),
    )
    expect(second?.type === 'item' && second.label).toBe('Thank Someone')
    if (first?.type !== 'item') throw new Error('expected a due item')
    expect(first.label.startsWith('Eve Smith &&Co — xxx')).toBe(true)
    expect(first.label.replace('&&', '&')).toHaveLength(60)
    expect(first.label.endsWith('…')).toBe(true)
    expect(first.label).not.toMatch(/\p{Cc}|[\u202a-\u202e]/u)
  })
})

describe('trayTooltip', () => {
  it('uses singular and plural forms', () => {
    expect(trayTooltip([{ kind: 'contact-due' }])).toBe('1 person to contact')
    expect(trayTooltip([{ kind: 'thanks-owed' }, { kind: 'thanks-owed' }])).toBe(
      '2 thank-yous owed',
    )
    expect(trayTooltip([{ kind: 'request-due' }])).toBe('1 reference due soon')
  })
})
