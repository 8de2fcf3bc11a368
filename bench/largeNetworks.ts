import { loadavg } from 'node:os'
import { STAGE_IDS } from '@shared/stages'
import { openCore } from '../electron/core/index'
import type { Input } from '@shared/ipc'
import { dataFolder, removeFolder, type Dataset } from './dataset'
import { LoopProbe, summarize, type Summary } from './stats'

/** The clock of the generated data (as in bench/core.ts). */
const NOW = new Date('2026-11-01T12:00:00Z')

/** Searches typed one character at a time, after an edit each (names, a company, a note word). */
const SEARCHES = ['ada lovelace', 'hopper', 'globex', 'payments', 'grace h', 'zz']

/**
 * A measure, ms: main-process blocking (the longest event-loop gap during the call, wall time),
 * the CPU time of that longest turn (turnCpu: the work that blocked, which waiting for a core
 * does not inflate) and the CPU time of the whole call (with any background slices that ran
 * between its own).
 */
export interface Measure {
  blocking: Summary
  turnCpu: Summary
  cpu: Summary
}

export interface LargeNetworkResults {
  contacts: number
  /** Each read right after one edit. */
  today: Measure
  insights60: Measure
  /** Every keystroke of a typed search (the first after an edit scans everyone). */
  search: Measure
  summary: Measure
  /** One contact.bulk over 1,000 people. */
  bulk1000: Measure
  /** Durable time of that bulk (includes the journal's fsync), ms: for information. */
  bulk1000Durable: Summary
  /** today.get and a search keystroke right after that bulk (1,000 changed people). */
  todayAfterBulk: Measure
  searchAfterBulk: Measure
  /** The load average when the size started (a shared machine inflates wall times). */
  loadAverage: number
  /** Items Today holds at this size (overdue + due soon). */
  todayItems: number
}

/**
 * Issue 11's reads and the bulk action at size: after one edit (which drops that person's
 * cached facts), the main-process blocking of today.get({limit: 50}), board.insights for the
 * 60 cards a screen shows, a search keystroke (contact.query with text over everyone) and
 * board.summary; and of contact.bulk over 1,000 people. Measured in the steady state: after
 * open has settled (touches indexed, search text and Today's lists built in the background).
 */
export async function benchLargeNetworks(
  dataset: Dataset,
  rounds: number,
): Promise<LargeNetworkResults> {
  const dir = await dataFolder(dataset, 'large')
  const loadAverage = loadavg()[0] ?? Number.NaN
  try {
    const core = await openCore({ dataDir: dir, now: () => NOW, compactAfterMs: 50 })
    await core.settled()
    const ids = dataset.file.contacts.map((c) => c.id)
    const probe = new LoopProbe()
    probe.start()
    const sample = () => ({
      blocking: [] as number[],
      turnCpu: [] as number[],
      cpu: [] as number[],
    })
    const times = {
      today: sample(),
      insights60: sample(),
      search: sample(),
      summary: sample(),
      bulk1000: sample(),
      bulk1000Durable: [] as number[],
      todayAfterBulk: sample(),
      searchAfterBulk: sample(),
    }
    let todayItems = 0
    const measure = async <T>(
      into: { blocking: number[]; turnCpu: number[]; cpu: number[] },
      command: () => Promise<T>,
    ): Promise<T> => {
      await probe.fresh()
      const cpu = process.cpuUsage()
      const value = await command()
      const used = process.cpuUsage(cpu)
      into.blocking.push(probe.takeWorst())
      into.turnCpu.push(probe.takeWorstCpu())
      into.cpu.push((used.user + used.system) / 1000)
      return value
    }
    // Warm-up rounds (JIT) are measured into a throwaway set.
    for (let n = 0; n < rounds + 3; n++) {
      const warm = n < 3
      const into = (list: ReturnType<typeof sample>) => (warm ? sample() : list)
      const id = ids[(n * 7919) % ids.length] ?? ''
      await core.call('contact.update', { id, notes: `Caught up #${n}` })
      const today = await measure(into(times.today), () => core.call('today.get', { limit: 50 }))
      todayItems = today.counts.overdue + today.counts.dueSoon
      const first = (n * 613) % Math.max(1, ids.length - 60)
      await measure(into(times.insights60), () =>
        core.call('board.insights', { ids: ids.slice(first, first + 60) }),
      )
      await measure(into(times.summary), () => core.call('board.summary', {}))
      const typed = SEARCHES[n % SEARCHES.length] ?? ''
      for (let i = 1; i <= typed.length; i++) {
        await measure(into(times.search), () =>
          core.call('contact.query', { filter: { text: typed.slice(0, i) }, limit: 100 }),
        )
      }

      const start = (n * 1543) % Math.max(1, ids.length - 1000)
      const chosen = ids.slice(start, start + 1000)
      const input: Input<'contact.bulk'> =
        n % 2 === 0
          ? { ids: chosen, set: { stage: STAGE_IDS[n % STAGE_IDS.length] } }
          : { ids: chosen, addTags: [`bulk-${n}`], set: { credibility: 1 + (n % 5) } }
      const started = performance.now()
      await measure(into(times.bulk1000), () => core.call('contact.bulk', input))
      if (!warm) times.bulk1000Durable.push(performance.now() - started)
      // The reads right after the bulk: 1,000 changed people to fold in.
      await measure(into(times.todayAfterBulk), () => core.call('today.get', { limit: 50 }))
      await measure(into(times.searchAfterBulk), () =>
        core.call('contact.query', { filter: { text: 'bulk' }, limit: 100 }),
      )
    }
    probe.stop()
    await core.close()
    const both = (m: { blocking: number[]; turnCpu: number[]; cpu: number[] }): Measure => ({
      blocking: summarize(m.blocking),
      turnCpu: summarize(m.turnCpu),
      cpu: summarize(m.cpu),
    })
    return {
      contacts: dataset.contacts,
      today: both(times.today),
      insights60: both(times.insights60),
      search: both(times.search),
      summary: both(times.summary),
      bulk1000: both(times.bulk1000),
      bulk1000Durable: summarize(times.bulk1000Durable),
      todayAfterBulk: both(times.todayAfterBulk),
      searchAfterBulk: both(times.searchAfterBulk),
      loadAverage,
      todayItems,
    }
  } finally {
    await removeFolder(dir)
  }
}

/** The rows of the "Large networks" table for docs/PERFORMANCE.md. */
export function largeNetworkRows(results: readonly LargeNetworkResults[]): string[] {
  const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–')
  const lines: string[] = []
  const row = (...cells: string[]) => lines.push(`| ${cells.join(' | ')} |`)
  lines.push('', '### Large networks (ms)', '')
  row(
    'contacts',
    'measure',
    'blocking p50',
    'blocking p95',
    'longest turn CPU p50',
    'longest turn CPU p95',
    'CPU p50',
    'CPU p95',
    'goal',
  )
  row('---', '---', '---:', '---:', '---:', '---:', '---:', '---:', '---')
  const small = results.find((r) => r.contacts <= 5000)
  for (const r of results) {
    const goal16 = (m: Measure) =>
      r.contacts >= 50_000
        ? m.blocking.p95 <= 16
          ? 'met (p95 ≤ 16 ms)'
          : 'NOT met (p95 ≤ 16 ms)'
        : ''
    const ratioGoal = (pick: (x: LargeNetworkResults) => Measure) => {
      if (!small || small === r || r.contacts < 50_000) return ''
      const q = pick(r).blocking.p95 / pick(small).blocking.p95
      return `; 50k/5k p95 ${q.toFixed(2)}× ${q <= 2 ? 'met (≤ 2)' : 'NOT met (≤ 2)'}`
    }
    const size = `${r.contacts} (load ${r.loadAverage.toFixed(1)})`
    const line = (label: string, m: Measure, goal: string) =>
      row(
        size,
        label,
        ms(m.blocking.p50),
        ms(m.blocking.p95),
        ms(m.turnCpu.p50),
        ms(m.turnCpu.p95),
        ms(m.cpu.p50),
        ms(m.cpu.p95),
        goal,
      )
    line(
      `today.get({limit: 50}) after an edit (${r.todayItems} items due)`,
      r.today,
      goal16(r.today) + ratioGoal((x) => x.today),
    )
    line(
      'board.insights for 60 ids after an edit',
      r.insights60,
      goal16(r.insights60) + ratioGoal((x) => x.insights60),
    )
    line('search keystroke (contact.query, typed, limit 100)', r.search, goal16(r.search))
    line('contact.bulk of 1,000 people', r.bulk1000, goal16(r.bulk1000))
    const d = r.bulk1000Durable
    row(
      size,
      '  contact.bulk of 1,000, durable (fsync included)',
      ms(d.p50),
      ms(d.p95),
      '',
      '',
      '',
      '',
      'info',
    )
    line(
      '  today.get({limit: 50}) right after that bulk',
      r.todayAfterBulk,
      goal16(r.todayAfterBulk),
    )
    line('  search keystroke right after that bulk', r.searchAfterBulk, goal16(r.searchAfterBulk))
    line('board.summary (column and triage counts)', r.summary, 'info')
  }
  return lines
}
