import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { writeFile } from 'node:fs/promises'
import { cpus, freemem, totalmem } from 'node:os'
import { resolve } from 'node:path'
import { benchLowdb, benchSqlite, loadSqlite } from './baselines'
import { benchBoard, type BoardResults } from './board'
import { benchCore, benchScan, type CoreResults, type ScanResults } from './core'
import { benchDashboard, type DashboardResults } from './dashboard'
import { makeDataset } from './dataset'
import { benchLargeNetworks, largeNetworkRows, type LargeNetworkResults } from './largeNetworks'
import type { Summary } from './stats'

/**
 * `npm run bench`: generates data at each size and measures, side by side, durable saves,
 * main-process blocking, cold open, the due scan and the board in Chromium, then prints a
 * table of medians, p95s and ratios and writes bench/results.json.
 * BENCH_SIZES=5000 (contacts, comma-separated) and BENCH_BOARD=5000,50000 (cards; "0" skips
 * the browser) pick a subset. BENCH_SECTION=large-networks runs only issue 11's rows (Today,
 * insights, search, bulk at each size), a couple of minutes instead of ten.
 */

const BENCH_DIR = import.meta.dirname
const sizes = (process.env.BENCH_SIZES ?? '5000,50000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)
const boardSizes = (process.env.BENCH_BOARD ?? '5000,50000')
  .split(',')
  .map(Number)
  .filter((n) => n > 0)

/** Install bench/package.json's better-sqlite3 on first use; a failed native build is reported, not fatal. */
function ensureSqlite(): void {
  if (
    existsSync(resolve(BENCH_DIR, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'))
  )
    return
  console.log(
    'Installing better-sqlite3 for the SQLite floor (bench/ only; a native build can take minutes)…',
  )
  try {
    // bench/package.json's allowScripts lets npm 11 run better-sqlite3's build script.
    execFileSync('npm', ['--prefix', BENCH_DIR, 'install', '--no-audit', '--no-fund'], {
      stdio: 'inherit',
    })
  } catch (error) {
    console.log(
      `better-sqlite3 install failed: ${error instanceof Error ? error.message : String(error)}`,
    )
  }
}

interface SizeResults {
  contacts: number
  interactions: number
  fileMB: number
  core: CoreResults
  sqlite: Summary | { unavailable: string }
  lowdb: Summary
  scan: ScanResults
  dashboard: DashboardResults
}

const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–')
const ratio = (a: number, b: number) =>
  Number.isFinite(a / b) ? `${(a / b).toFixed(a / b < 10 ? 2 : 0)}×` : '–'

function isSummary(value: Summary | { unavailable: string }): value is Summary {
  return 'p50' in value
}

/** Only the large-network rows: BENCH_SECTION=large-networks. */
async function mainLargeNetworks(): Promise<void> {
  const large: LargeNetworkResults[] = []
  for (const contacts of sizes) {
    console.log(`\n== ${contacts} contacts, ${contacts * 10} interactions: generating…`)
    const dataset = makeDataset(contacts, 10)
    console.log('   large networks (Today, insights, search, bulk)…')
    large.push(await benchLargeNetworks(dataset, contacts >= 20_000 ? 40 : 60))
  }
  const table = largeNetworkRows(large).join('\n')
  console.log(table)
  await writeFile(
    resolve(BENCH_DIR, 'results-large-networks.json'),
    `${JSON.stringify({ at: new Date().toISOString(), sizes: large, table }, null, 2)}\n`,
  )
}

async function main(): Promise<void> {
  const started = performance.now()
  ensureSqlite()
  const Sqlite = loadSqlite()
  if (typeof Sqlite === 'string')
    console.log(`SQLITE FLOOR NOT MEASURED: better-sqlite3 could not be loaded (${Sqlite}).`)

  const results: SizeResults[] = []
  const large: LargeNetworkResults[] = []
  for (const contacts of sizes) {
    console.log(`\n== ${contacts} contacts, ${contacts * 10} interactions: generating…`)
    const dataset = makeDataset(contacts, 10)
    const big = contacts >= 20_000
    console.log('   core (save, blocking, reads, cold open)…')
    const core = await benchCore(dataset, big ? 150 : 300)
    console.log('   SQLite floor…')
    const sqlite =
      typeof Sqlite === 'string' ? { unavailable: Sqlite } : await benchSqlite(Sqlite, dataset, 300)
    console.log('   naive lowdb…')
    const lowdb = await benchLowdb(dataset, big ? 5 : 15)
    console.log('   due scan…')
    const scan = benchScan(dataset, 200)
    console.log('   large networks (Today, insights, search, bulk)…')
    large.push(await benchLargeNetworks(dataset, big ? 40 : 60))
    console.log('   dashboard…')
    const dashboard = await benchDashboard(dataset, big ? 60 : 120)
    results.push({
      contacts,
      interactions: dataset.interactions,
      fileMB: Buffer.byteLength(dataset.text) / 1e6,
      core,
      sqlite,
      lowdb,
      scan,
      dashboard,
    })
  }

  const boards: BoardResults[] = []
  for (const cards of boardSizes) {
    console.log(`\n== board with ${cards} cards in Chromium…`)
    try {
      boards.push(await benchBoard(cards, cards >= 20_000 ? 3 : 5))
    } catch (error) {
      console.log(`board bench failed: ${error instanceof Error ? error.stack : String(error)}`)
    }
  }

  const lines: string[] = []
  const row = (...cells: string[]) => lines.push(`| ${cells.join(' | ')} |`)
  lines.push('', '### Store (ms)', '')
  row(
    'contacts / interactions',
    'measure',
    'Vouch p50',
    'Vouch p95',
    'baseline',
    'baseline p50',
    'baseline p95',
    'ratio (p50)',
    'goal',
  )
  row('---', '---', '---:', '---:', '---', '---:', '---:', '---:', '---')
  for (const r of results) {
    const size = `${r.contacts} / ${r.interactions} (${r.fileMB.toFixed(0)} MB)`
    const s = r.core.save.all
    const floor = isSummary(r.sqlite) ? r.sqlite : null
    row(
      size,
      'durable save (update/move/create)',
      ms(s.p50),
      ms(s.p95),
      'SQLite WAL, sync=FULL',
      floor ? ms(floor.p50) : 'n/a',
      floor ? ms(floor.p95) : 'n/a',
      floor ? ratio(s.p50, floor.p50) : 'n/a',
      floor ? (s.p50 <= 3 * floor.p50 ? 'met (≤ 3×)' : 'NOT met (≤ 3×)') : 'unmeasured',
    )
    for (const c of ['contact.update', 'contact.move', 'contact.create'] as const) {
      const x = r.core.save[c]
      row(
        size,
        `  ${c}`,
        ms(x.p50),
        ms(x.p95),
        '',
        '',
        '',
        floor ? ratio(x.p50, floor.p50) : '',
        '',
      )
    }
    row(
      size,
      'durable save',
      ms(s.p50),
      ms(s.p95),
      'naive lowdb write()',
      ms(r.lowdb.p50),
      ms(r.lowdb.p95),
      `${ratio(r.lowdb.p50, s.p50)} faster`,
      '',
    )
    const b = r.core.blocking
    row(
      size,
      `blocking per command (${r.core.compactionsDuringBlocking} compactions)`,
      ms(b.p50),
      ms(b.p95),
      'max',
      ms(b.max),
      '',
      '',
      b.p95 <= 4 ? 'met (p95 ≤ 4 ms)' : 'NOT met (p95 ≤ 4 ms)',
    )
    for (const [command, x] of Object.entries(r.core.reads))
      row(size, `  blocking of ${command}`, ms(x.p50), ms(x.p95), '', '', '', '', 'info')
    const o = r.core.coldOpen
    row(
      size,
      'cold open',
      ms(o.p50),
      ms(o.p95),
      'readFile + JSON.parse',
      ms(r.core.bareParse.p50),
      ms(r.core.bareParse.p95),
      ratio(o.p50, r.core.bareParse.p50),
      o.p50 <= 1.5 * r.core.bareParse.p50 ? 'met (≤ 1.5×)' : 'NOT met (≤ 1.5×)',
    )
    const settled = r.core.openSettled
    row(
      size,
      '  open until touches are indexed by id',
      ms(settled.p50),
      ms(settled.p95),
      '',
      '',
      '',
      ratio(settled.p50, r.core.bareParse.p50),
      'info',
    )
    const sc = r.scan
    row(
      size,
      `due scan (${sc.due} due)`,
      ms(sc.maintained.p50),
      ms(sc.maintained.p95),
      'rebuild last touch',
      ms(sc.rebuild.p50),
      ms(sc.rebuild.p95),
      `${ratio(sc.rebuild.p50, sc.maintained.p50)} faster`,
      sc.rebuild.p50 >= 50 * sc.maintained.p50 ? 'met (≥ 50×)' : 'NOT met (≥ 50×)',
    )
    row(
      size,
      `  reminder engine dueAt (${sc.engineDue} items)`,
      ms(sc.engine.p50),
      ms(sc.engine.p95),
      '',
      '',
      '',
      `${ratio(sc.rebuild.p50, sc.engine.p50)} faster`,
      'info',
    )
    const d = r.dashboard
    row(
      size,
      'blocking of dashboard.get after an edit',
      ms(d.get.p50),
      ms(d.get.p95),
      'max',
      ms(d.get.max),
      '',
      '',
      d.get.p95 <= 16 ? 'met (p95 ≤ 16 ms)' : 'NOT met (p95 ≤ 16 ms)',
    )
    row(
      size,
      '  first dashboard.get (builds the series)',
      ms(d.firstCall),
      '',
      '',
      '',
      '',
      '',
      'info',
    )
    row(
      size,
      '  blocking of review.get',
      ms(d.review.p50),
      ms(d.review.p95),
      '',
      '',
      '',
      '',
      'info',
    )
  }
  lines.push(...largeNetworkRows(large))
  if (boards.length > 0) {
    lines.push('', '### App and board in Chromium (ms to the next frame)', '')
    row('cards', 'measure', 'p50', 'p95', 'goal')
    row('---', '---', '---:', '---:', '---')
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`
    for (const b of boards) {
      const v = b.virtualized
      const screenGoal = b.cards >= 50_000 ? 2000 : b.cards <= 5_000 ? 1000 : null
      row(
        String(b.cards),
        'first screen (navigation → app with content)',
        ms(v.firstScreen.p50),
        ms(v.firstScreen.p95),
        screenGoal === null
          ? ''
          : v.firstScreen.p95 <= screenGoal
            ? `met (≤ ${screenGoal} ms)`
            : `NOT met (≤ ${screenGoal} ms)`,
      )
      // Bytes may grow only with what is shown and the counts, not with the network: a bound
      // far below one contact per person (the full list was 2.5 MB at 5k).
      const bound = (bytes: number, limit: number) =>
        bytes <= limit ? `met (≤ ${kb(limit)} at any size)` : `NOT met (≤ ${kb(limit)} at any size)`
      row(
        String(b.cards),
        'bytes moved at open',
        kb(v.openBytes),
        '',
        bound(v.openBytes, 64 * 1024),
      )
      row(
        String(b.cards),
        'bytes moved to show the board',
        kb(v.boardBytes),
        '',
        bound(v.boardBytes, 512 * 1024),
      )
      for (const m of ['firstRender', 'filterKeystroke', 'clearFilter', 'moveCard'] as const)
        row(String(b.cards), m, ms(v[m].p50), ms(v[m].p95), '')
      row(
        String(b.cards),
        'DOM nodes',
        String(v.domNodes),
        '',
        v.domNodes <= 2000 ? 'met (≤ 2,000)' : 'NOT met (≤ 2,000)',
      )
    }
  }
  const table = lines.join('\n')
  console.log(table)
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round(totalmem() / 1e9),
    freeGB: Math.round(freemem() / 1e9),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  }
  const totalSeconds = (performance.now() - started) / 1000
  await writeFile(
    resolve(BENCH_DIR, 'results.json'),
    `${JSON.stringify({ at: new Date().toISOString(), machine, totalSeconds, sizes: results, large, boards, table }, null, 2)}\n`,
  )
  console.log(`\nWrote bench/results.json (${totalSeconds.toFixed(0)} s).`)
}

if (process.env.BENCH_SECTION === 'large-networks') await mainLargeNetworks()
else await main()
