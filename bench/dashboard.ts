import { pathToFileURL } from 'node:url'
import { STAGE_IDS } from '@shared/stages'
import { openCore } from '../electron/core/index'
import { dataFolder, makeDataset, removeFolder, type Dataset } from './dataset'
import { LoopProbe, summarize, type Summary } from './stats'

/** The clock of the generated data (bench/core.ts uses the same). */
const NOW = new Date('2026-11-01T12:00:00Z')

export interface DashboardResults {
  /** The first dashboard.get after open, which builds the series of every person (ms). */
  firstCall: number
  /** Main-process blocking of dashboard.get after an edit (a move or a touch), ms. */
  get: Summary
  /** CPU time of the same calls (user + system), ms: steadier than wall time on a loaded machine. */
  getCpu: Summary
  /** Main-process blocking of review.get, ms (it includes Today's lists). */
  review: Summary
}

/**
 * dashboard.get through openCore on a copy of the dataset: the first call (the lazy build),
 * then calls interleaved with moves and touches, as a user who keeps the dashboard open sees.
 */
export async function benchDashboard(dataset: Dataset, runs: number): Promise<DashboardResults> {
  const dir = await dataFolder(dataset, 'dashboard')
  try {
    const core = await openCore({ dataDir: dir, now: () => NOW, compactAfterMs: 600_000 })
    await core.settled()
    const ids = dataset.file.contacts.map((c) => c.id)
    // A career update sent to a few hundred: "who has not heard it" then walks the board.
    const update = await core.call('update.create', { title: 'Promoted to Staff Engineer' })
    await core.call('update.send', { updateId: update.id, contactIds: ids.slice(0, 300) })
    const probe = new LoopProbe()
    probe.start()
    await probe.fresh()
    await core.call('dashboard.get', {})
    const firstCall = probe.takeWorst()
    const get: number[] = []
    const getCpu: number[] = []
    const review: number[] = []
    for (let n = 0; n < runs; n++) {
      const id = ids[(n * 7919) % ids.length] ?? ''
      if (n % 2 === 0)
        await core.call('contact.move', {
          id,
          stage: STAGE_IDS[n % STAGE_IDS.length] ?? 'building',
        })
      else await core.call('interaction.log', { contactId: id, kind: 'call' })
      await probe.fresh()
      const cpu = process.cpuUsage()
      await core.call('dashboard.get', {})
      get.push(probe.takeWorst())
      const used = process.cpuUsage(cpu)
      getCpu.push((used.user + used.system) / 1000)
      if (n % 10 === 0) {
        await probe.fresh()
        await core.call('review.get', {})
        review.push(probe.takeWorst())
      }
    }
    probe.stop()
    await core.close()
    return { firstCall, get: summarize(get), getCpu: summarize(getCpu), review: summarize(review) }
  } finally {
    await removeFolder(dir)
  }
}

/** `node --import tsx bench/dashboard.ts`: this measurement alone, at BENCH_SIZES (default 50000). */
async function main(): Promise<void> {
  const sizes = (process.env.BENCH_SIZES ?? '50000')
    .split(',')
    .map(Number)
    .filter((n) => n > 0)
  for (const contacts of sizes) {
    const dataset = makeDataset(contacts, 10)
    const r = await benchDashboard(dataset, contacts >= 20_000 ? 60 : 120)
    const f = (n: number) => n.toFixed(2)
    console.log(
      `${contacts} contacts / ${dataset.interactions} touches: dashboard.get blocking p50 ${f(r.get.p50)} ms, ` +
        `p95 ${f(r.get.p95)} ms, max ${f(r.get.max)} ms (goal p95 ≤ 16 ms: ${r.get.p95 <= 16 ? 'met' : 'NOT met'}); ` +
        `CPU p50 ${f(r.getCpu.p50)} ms, p95 ${f(r.getCpu.p95)} ms; first call (build) ${f(r.firstCall)} ms; review.get p50 ${f(r.review.p50)} ms, p95 ${f(r.review.p95)} ms`,
    )
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
