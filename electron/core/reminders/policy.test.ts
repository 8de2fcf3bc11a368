// A zone with DST changes, set before any Date exists (vitest runs each file in its own worker).
process.env.TZ = 'Europe/Paris'

import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain'
import { planDeliveries, requestAlertAt, type PlanInput } from './policy'
import { emptyDeliveryLog, parseDeliveryLog, type DeliveryLog, type DueItem } from './types'

const local = (y: number, mo: number, d: number, h = 0, mi = 0) => new Date(y, mo - 1, d, h, mi)
const MINUTE = 60_000

const settings = {
  digestTime: DEFAULT_SETTINGS.digestTime,
  quietHours: DEFAULT_SETTINGS.quietHours,
  notificationsEnabled: true,
}

function contact(name: string, dueAt: Date): DueItem {
  const id = name.toLowerCase()
  return {
    key: `contact:${id}:x`,
    kind: 'contact-due',
    contactId: id,
    title: name,
    detail: '',
    dueAt: dueAt.toISOString(),
  }
}
function thanks(id: string, owedAt: Date): DueItem {
  return {
    key: `thanks:${id}`,
    kind: 'thanks-owed',
    contactId: `c-${id}`,
    title: `Person ${id}`,
    detail: 'For the reference to Acme',
    dueAt: owedAt.toISOString(),
    deadline: new Date(owedAt.getTime() + 2 * 86_400_000).toISOString(),
  }
}

/** Ticks every minute from `from` to `to` (inclusive), as a running app would. */
function run(
  from: Date,
  to: Date,
  options: Partial<Omit<PlanInput, 'now' | 'lastTickAt'>> & { lastTickAt?: string | null } = {},
) {
  let log = options.log ?? emptyDeliveryLog()
  let lastTickAt =
    options.lastTickAt === undefined
      ? new Date(from.getTime() - MINUTE).toISOString()
      : options.lastTickAt
  const delivered: {
    at: Date
    kind: string
    title: string
    body: string
    late: boolean
    keys: string[]
  }[] = []
  for (let t = from.getTime(); t <= to.getTime(); t += MINUTE) {
    const now = new Date(t)
    const result = planDeliveries({
      now,
      lastTickAt,
      settings: options.settings ?? settings,
      due: options.due ?? [],
      log,
    })
    for (const n of result.deliveries) {
      delivered.push({
        at: now,
        kind: n.kind,
        title: n.title,
        body: n.body,
        late: n.late === true,
        keys: n.keys,
      })
    }
    log = result.log
    lastTickAt = now.toISOString()
  }
  return { delivered, log }
}

describe('planDeliveries: digest', () => {
  const due = [
    contact('Grace Hopper', local(2025, 1, 2, 10)),
    contact('Ada Lovelace', local(2025, 1, 1, 10)),
    contact('Linus Torvalds', local(2025, 1, 3, 10)),
    thanks('r1', local(2025, 1, 5, 12)),
  ]
  const digestsOf = (delivered: { at: Date; kind: string }[]) =>
    delivered.filter((d) => d.kind === 'digest').map((d) => d.at.toISOString())

  it('sends one digest at 09:00 local listing counts and first names', () => {
    const { delivered } = run(local(2025, 5, 6, 8), local(2025, 5, 7, 12), {
      due,
      log: { ...emptyDeliveryLog(), lastDigestDay: '2025-05-05' },
    })
    const digests = delivered.filter((d) => d.kind === 'digest')
    expect(digests.map((d) => d.at)).toEqual([local(2025, 5, 6, 9), local(2025, 5, 7, 9)])
    expect(digests[0]?.body).toBe('3 people to contact: Ada, Grace, Linus · 1 thank-you owed')
    expect(digests[0]?.late).toBe(false)
    expect(digests[0]?.keys).toHaveLength(4)
  })

  it('skips the digest when nothing is due, and does not send it later that day', () => {
    const later = contact('Ada', local(2025, 5, 6, 12))
    const { delivered } = run(local(2025, 5, 6, 8), local(2025, 5, 6, 20), {
      due: [later],
      log: { ...emptyDeliveryLog(), lastDigestDay: '2025-05-05' },
    })
    expect(delivered).toEqual([])
  })

  it('waits for quiet hours to end when the digest time is inside them', () => {
    const { delivered } = run(local(2025, 5, 6, 20), local(2025, 5, 7, 23), {
      due,
      settings: { ...settings, digestTime: '22:00' },
      log: {
        ...emptyDeliveryLog(),
        lastDigestDay: '2025-05-05',
        awakeSince: local(2025, 5, 6, 20).toISOString(),
      },
    })
    const digests = delivered.filter((d) => d.kind === 'digest')
    expect(digests.map((d) => [d.at, d.late])).toEqual([[local(2025, 5, 7, 8), false]])
  })

  it('fires at 09:00 local on both sides of both DST changes', () => {
    for (const [day, utcHour] of [
      [local(2025, 3, 29), 8],
      [local(2025, 3, 30), 7],
      [local(2025, 10, 26), 8],
      [local(2025, 10, 27), 8],
    ] as const) {
      const yesterday = new Date(day.getTime() - 86_400_000)
      const { delivered } = run(
        new Date(day.getTime() + 6 * 3_600_000),
        new Date(day.getTime() + 12 * 3_600_000),
        {
          due,
          log: { ...emptyDeliveryLog(), lastDigestDay: yesterday.toLocaleDateString('sv') },
        },
      )
      expect(digestsOf(delivered).map((iso) => iso.slice(11, 16))).toEqual([`0${utcHour}:00`])
    }
  })

  it('fires once at the jump when the digest time is skipped by spring-forward', () => {
    const noQuiet = {
      ...settings,
      digestTime: '02:30',
      quietHours: { start: '00:00', end: '00:00' },
    }
    const { delivered } = run(local(2025, 3, 29, 23), local(2025, 3, 30, 12), {
      due,
      settings: noQuiet,
      log: { ...emptyDeliveryLog(), lastDigestDay: '2025-03-29' },
    })
    expect(digestsOf(delivered)).toEqual(['2025-03-30T01:00:00.000Z'])
    expect(new Date('2025-03-30T01:00:00.000Z').getHours()).toBe(3)
  })

  it('fires once, at the first occurrence, when fall-back repeats the digest time', () => {
    const noQuiet = {
      ...settings,
      digestTime: '02:30',
      quietHours: { start: '12:00', end: '12:00' },
    }
    const { delivered } = run(local(2025, 10, 25, 23), local(2025, 10, 26, 12), {
      due,
      settings: noQuiet,
      log: { ...emptyDeliveryLog(), lastDigestDay: '2025-10-25' },
    })
    expect(digestsOf(delivered)).toEqual(['2025-10-26T00:30:00.000Z'])
  })
})

describe('planDeliveries: alerts', () => {
  const awake = (at: Date): DeliveryLog => ({
    ...emptyDeliveryLog(),
    lastDigestDay: '2099-01-01',
    awakeSince: at.toISOString(),
  })

  it('announces a thank-you at once outside quiet hours, and only once', () => {
    const item = thanks('r1', local(2025, 5, 6, 14, 3))
    const { delivered } = run(local(2025, 5, 6, 14), local(2025, 5, 6, 16), {
      due: [item],
      log: awake(local(2025, 5, 6, 14)),
    })
    expect(delivered).toEqual([
      {
        at: local(2025, 5, 6, 14, 3),
        kind: 'thanks-owed',
        title: 'Thank-you owed: Person r1',
        body: 'For the reference to Acme',
        late: false,
        keys: ['thanks:r1'],
      },
    ])
  })

  it('holds a thank-you owed in quiet hours until they end, not late', () => {
    const item = thanks('r1', local(2025, 5, 6, 23, 10))
    const { delivered } = run(local(2025, 5, 6, 22), local(2025, 5, 7, 9), {
      due: [item],
      log: awake(local(2025, 5, 6, 22)),
    })
    expect(delivered.map((d) => [d.at, d.late])).toEqual([[local(2025, 5, 7, 8), false]])
  })

  it('announces a request two days before it is needed, once, after quiet hours', () => {
    expect(requestAlertAt('2025-06-12')).toEqual(local(2025, 6, 10))
    const item: DueItem = {
      key: 'request-due:q1',
      kind: 'request-due',
      contactId: 'c1',
      title: 'Ada',
      detail: 'Acme · needed by 12 June',
      dueAt: requestAlertAt('2025-06-12').toISOString(),
    }
    const { delivered } = run(local(2025, 6, 9, 12), local(2025, 6, 11, 12), {
      due: [item],
      log: awake(local(2025, 6, 9, 12)),
    })
    expect(delivered.map((d) => [d.at, d.kind, d.title])).toEqual([
      [local(2025, 6, 10, 8), 'request-due', 'Reference due soon: Ada'],
    ])
  })

  it('ignores items not yet due', () => {
    const { delivered } = run(local(2025, 5, 6, 10), local(2025, 5, 6, 11), {
      due: [thanks('r1', local(2025, 5, 6, 12))],
      log: awake(local(2025, 5, 6, 10)),
    })
    expect(delivered).toEqual([])
  })
})

describe('planDeliveries: sleep, restarts and switching off', () => {
  const due = [contact('Ada', local(2025, 5, 1)), thanks('r1', local(2025, 5, 4, 15))]

  it('after a sleep, delivers what was missed once, marked late', () => {
    const before: DeliveryLog = {
      ...emptyDeliveryLog(),
      lastDigestDay: '2025-05-03',
      awakeSince: local(2025, 5, 1).toISOString(),
    }
    const { delivered } = run(local(2025, 5, 6, 10), local(2025, 5, 6, 20), {
      due,
      log: before,
      lastTickAt: local(2025, 5, 3, 12).toISOString(),
    })
    expect(delivered.map((d) => [d.at, d.kind, d.late])).toEqual([
      [local(2025, 5, 6, 10), 'thanks-owed', true],
      [local(2025, 5, 6, 10), 'digest', true],
    ])
    expect(delivered[1]?.title).toBe('Vouch — missed while you were away')
  })

  it('waking in quiet hours, waits until they end, still late, and sends no second digest that day', () => {
    const before: DeliveryLog = {
      ...emptyDeliveryLog(),
      lastDigestDay: '2025-05-03',
      awakeSince: local(2025, 5, 1).toISOString(),
    }
    const { delivered } = run(local(2025, 5, 5, 23), local(2025, 5, 6, 12), {
      due,
      log: before,
      lastTickAt: local(2025, 5, 3, 12).toISOString(),
    })
    expect(delivered.map((d) => [d.at, d.kind, d.late])).toEqual([
      [local(2025, 5, 6, 8), 'thanks-owed', true],
      [local(2025, 5, 6, 8), 'digest', true],
    ])
  })

  it('on a first launch with items already due, delivers them late', () => {
    const result = planDeliveries({
      now: local(2025, 5, 6, 15),
      lastTickAt: null,
      settings,
      due,
      log: emptyDeliveryLog(),
    })
    expect(result.deliveries.map((d) => [d.kind, d.late])).toEqual([
      ['thanks-owed', true],
      ['digest', true],
    ])
    expect(result.log.lastDigestDay).toBe('2025-05-06')
  })

  it('groups more than three alerts of a kind into one', () => {
    const many = ['a', 'b', 'c', 'd', 'e'].map((id) => thanks(id, local(2025, 5, 5, 12)))
    const result = planDeliveries({
      now: local(2025, 5, 6, 15),
      lastTickAt: null,
      settings,
      due: many,
      log: { ...emptyDeliveryLog(), lastDigestDay: '2025-05-06' },
    })
    expect(result.deliveries).toEqual([
      {
        kind: 'thanks-owed',
        title: '5 thank-yous owed',
        body: 'Person, Person, Person and 2 more\nMissed while you were away.',
        late: true,
        keys: ['thanks:a', 'thanks:b', 'thanks:c', 'thanks:d', 'thanks:e'],
      },
    ])
  })

  it('with notifications off, shows nothing but marks what fell due, so turning them on does not flood', () => {
    const off = { ...settings, notificationsEnabled: false }
    const first = run(local(2025, 5, 6, 8), local(2025, 5, 6, 22), { due, settings: off })
    expect(first.delivered).toEqual([])
    expect(first.log.delivered['thanks:r1']).toBeDefined()
    expect(first.log.lastDigestDay).toBe('2025-05-06')
    const second = run(local(2025, 5, 6, 22, 1), local(2025, 5, 7, 8, 59), { due, log: first.log })
    expect(second.delivered).toEqual([])
    const third = run(local(2025, 5, 7, 9), local(2025, 5, 7, 9), { due, log: second.log })
    expect(third.delivered.map((d) => d.kind)).toEqual(['digest'])
  })

  it('forgets delivered keys after 60 days unless the item is still due', () => {
    const old = local(2025, 1, 1).toISOString()
    const log: DeliveryLog = {
      ...emptyDeliveryLog(),
      delivered: Object.assign(Object.create(null) as Record<string, string>, {
        'thanks:r1': old,
        'thanks:gone': old,
      }),
      lastDigestDay: '2025-05-05',
    }
    const result = planDeliveries({
      now: local(2025, 5, 6, 9),
      lastTickAt: null,
      settings,
      due,
      log,
    })
    expect(Object.keys(result.log.delivered)).toEqual(['thanks:r1'])
    expect(result.deliveries.map((d) => d.kind)).toEqual(['digest'])
  })

  it('returns the same log object when nothing changed', () => {
    const log: DeliveryLog = {
      ...emptyDeliveryLog(),
      lastDigestDay: '2025-05-06',
      awakeSince: local(2025, 5, 6).toISOString(),
    }
    const result = planDeliveries({
      now: local(2025, 5, 6, 12),
      lastTickAt: local(2025, 5, 6, 11, 59).toISOString(),
      settings,
      due: [],
      log,
    })
    expect(result.log).toBe(log)
  })
})

describe('planDeliveries: weekly review', () => {
  const weekly = (over: Partial<typeof DEFAULT_SETTINGS.weeklyReview> = {}) => ({
    ...settings,
    weeklyReview: { ...DEFAULT_SETTINGS.weeklyReview, ...over },
  })
  const reviewsOf = (delivered: { at: Date; kind: string; late: boolean }[]) =>
    delivered
      .filter((d) => d.kind === 'weekly-review')
      .map((d) => `${d.at.toISOString()}${d.late ? ' late' : ''}`)

  it('is delivered once a week, on the day and at the local time set', () => {
    // Monday 5 May to Sunday 18 May 2025; the default is Friday 16:00.
    const { delivered, log } = run(local(2025, 5, 5), local(2025, 5, 18, 23, 59), {
      settings: weekly(),
    })
    expect(reviewsOf(delivered)).toEqual([
      local(2025, 5, 9, 16).toISOString(),
      local(2025, 5, 16, 16).toISOString(),
    ])
    expect(log.lastReviewWeek).toBe('2025-05-12')
  })

  it('waits for quiet hours to end, and a Sunday review belongs to the week that began on Monday', () => {
    const { delivered, log } = run(local(2025, 5, 5), local(2025, 5, 12, 12), {
      settings: weekly({ day: 0, time: '22:30' }),
    })
    // Sunday 11 May 22:30 is inside quiet hours (21:00–08:00): shown at 08:00 on Monday.
    expect(reviewsOf(delivered)).toEqual([local(2025, 5, 12, 8).toISOString()])
    expect(log.lastReviewWeek).toBe('2025-05-05')
  })

  it('fires at the jump when its time is skipped by the spring-forward change', () => {
    // Sunday 30 March 2025: 02:00 → 03:00 in Paris; no quiet hours.
    const { delivered } = run(local(2025, 3, 29, 12), local(2025, 3, 30, 12), {
      settings: {
        ...weekly({ day: 0, time: '02:30' }),
        quietHours: { start: '00:00', end: '00:00' },
      },
    })
    expect(reviewsOf(delivered)).toEqual([new Date('2025-03-30T01:00:00.000Z').toISOString()])
  })

  it('catches up once, late, when the app was closed at the time', () => {
    const { delivered } = run(local(2025, 5, 10, 10), local(2025, 5, 10, 12), {
      settings: weekly(),
      lastTickAt: null,
      log: { ...emptyDeliveryLog(), lastReviewWeek: '2025-04-28' },
    })
    expect(reviewsOf(delivered)).toEqual([`${local(2025, 5, 10, 10).toISOString()} late`])
  })

  it('is not shown when the review was done this week already, nor when it is off', () => {
    const done = run(local(2025, 5, 9, 15), local(2025, 5, 9, 17), {
      settings: weekly({ lastDoneAt: local(2025, 5, 8, 18).toISOString() }),
      log: { ...emptyDeliveryLog(), lastReviewWeek: '2025-04-28' },
    })
    expect(reviewsOf(done.delivered)).toEqual([])
    expect(done.log.lastReviewWeek).toBe('2025-05-05')
    const off = run(local(2025, 5, 9, 15), local(2025, 5, 9, 17), {
      settings: weekly({ enabled: false }),
      log: { ...emptyDeliveryLog(), lastReviewWeek: '2025-04-28' },
    })
    expect(reviewsOf(off.delivered)).toEqual([])
  })

  it('reads a log written before weekly reviews existed', () => {
    const old = { delivered: {}, lastDigestDay: null, lastDigestAt: null, awakeSince: null }
    expect(parseDeliveryLog(old)?.lastReviewWeek).toBeNull()
  })
})

describe('parseDeliveryLog', () => {
  it('round-trips through JSON and keeps a "__proto__" key as a key', () => {
    const result = planDeliveries({
      now: local(2025, 5, 6, 15),
      lastTickAt: null,
      settings,
      due: [{ ...thanks('x', local(2025, 5, 6, 12)), key: '__proto__' }],
      log: emptyDeliveryLog(),
    })
    const parsed = parseDeliveryLog(JSON.parse(JSON.stringify(result.log)))
    expect(parsed).not.toBeNull()
    expect(Object.keys(parsed?.delivered ?? {})).toEqual(['__proto__'])
    expect(Object.getPrototypeOf(parsed?.delivered)).toBeNull()
  })

  it('rejects what is not a log', () => {
    expect(parseDeliveryLog({ delivered: [], lastDigestDay: 5 })).toBeNull()
    expect(parseDeliveryLog(null)).toBeNull()
  })
})
