import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { effectiveCadence, lastTouchAt, nextTouchDue } from '@shared/cadence'
import type { Contact, Interaction } from '@shared/domain'
import { STAGE_IDS } from '@shared/stages'
import { openCore } from '../electron/core'
import type { Core } from '../electron/core/types'
import { TouchIndex } from '../electron/core/derived/touchIndex'
import { DueIndex } from '../electron/core/reminders/dueIndex'
import { ReminderIndex } from '../electron/core/reminders/engine'
import { dataFolder, removeFolder, type Dataset } from './dataset'
import { LoopProbe, sleep, summarize, type Summary } from './stats'

/** The clock of the generated data: its last touches run up to this instant. */
const NOW = new Date('2026-11-01T12:00:00Z')

type CommandName = 'contact.update' | 'contact.move' | 'contact.create'

/** The n-th command of a realistic edit session: edits, moves and adds, in turn. */
function nthCommand(
  n: number,
  ids: readonly string[],
): { command: CommandName; run: (core: Core) => Promise<unknown> } {
  const id = ids[(n * 7919) % ids.length] ?? ''
  switch (n % 3) {
    case 0:
      return {
        command: 'contact.update',
        run: (core) =>
          core.call('contact.update', {
            id,
            notes: `Caught up over coffee #${n}; happy to be a reference for platform roles.`,
          }),
      }
    case 1:
      return {
        command: 'contact.move',
        run: (core) =>
          core.call('contact.move', {
            id,
            stage: STAGE_IDS[n % STAGE_IDS.length] ?? 'identified',
            index: n % 5,
          }),
      }
    default:
      return {
        command: 'contact.create',
        run: (core) =>
          core.call('contact.create', {
            name: `New Person ${n}`,
            company: 'Globex',
            title: 'Staff Engineer',
          }),
      }
  }
}

export interface CoreResults {
  /** Durable save per command through openCore, ms, by command and all together. */
  save: Record<CommandName | 'all', Summary>
  /** Worst event-loop stall per command while commands run, ms (includes background compactions). */
  blocking: Summary
  /** Compactions that ran during the blocking measurement. */
  compactionsDuringBlocking: number
  /** Stall of the reads the renderer makes after a change, ms. */
  reads: Record<string, Summary>
  coldOpen: Summary
  /** From openCore until the touches are indexed by id in the background (info). */
  openSettled: Summary
  bareParse: Summary
}

/**
 * Durable saves and event-loop blocking through openCore, on a copy of the dataset.
 * Saves are timed back to back (compaction waits for an idle moment or 1,000 entries); the
 * blocking pass pauses now and then so compaction starts, and keeps commanding while it writes.
 */
export async function benchCore(dataset: Dataset, commands: number): Promise<CoreResults> {
  const dir = await dataFolder(dataset, 'core')
  try {
    // compactAfterMs: a compaction starts after 20 ms of idle, so the blocking pass meets several.
    const core = await openCore({ dataDir: dir, now: () => NOW, compactAfterMs: 20 })
    // Saves are measured in the steady state, after the indexing that opening defers.
    await core.settled()
    const ids = dataset.file.contacts.map((c) => c.id)
    const times: Record<CommandName, number[]> = {
      'contact.update': [],
      'contact.move': [],
      'contact.create': [],
    }
    for (let n = 0; n < 30; n++) {
      await nthCommand(n, ids).run(core) // warm-up: JIT and page cache
    }
    for (let n = 30; n < 30 + commands; n++) {
      const { command, run } = nthCommand(n, ids)
      const start = performance.now()
      await run(core)
      times[command].push(performance.now() - start)
    }

    const probe = new LoopProbe()
    const stalls: number[] = []
    let compactions = 0
    probe.start()
    for (let n = 0; n < commands; n++) {
      if (n % 40 === 39) {
        // Let the idle timer start a compaction; the next commands run while it writes.
        await sleep(30)
        compactions++
      }
      const { run } = nthCommand(100_000 + n, ids)
      await probe.fresh()
      await run(core)
      stalls.push(probe.takeWorst())
    }
    const reads: Record<string, number[]> = {
      'contact.list': [],
      'board.insights': [],
      'today.get': [],
    }
    const readers = {
      'contact.list': () => core.call('contact.list', {}),
      'board.insights': () => core.call('board.insights', {}),
      'today.get': () => core.call('today.get', {}),
    }
    // These reads take seconds at 50k: a few runs show their cost.
    for (let n = 0; n < (dataset.contacts >= 20_000 ? 3 : 7); n++) {
      for (const [command, read] of Object.entries(readers)) {
        await probe.fresh()
        await read()
        reads[command]?.push(probe.takeWorst())
      }
    }
    probe.stop()
    await core.close()
    const all = [...times['contact.update'], ...times['contact.move'], ...times['contact.create']]
    return {
      save: {
        'contact.update': summarize(times['contact.update']),
        'contact.move': summarize(times['contact.move']),
        'contact.create': summarize(times['contact.create']),
        all: summarize(all),
      },
      blocking: summarize(stalls),
      compactionsDuringBlocking: compactions,
      reads: Object.fromEntries(Object.entries(reads).map(([k, v]) => [k, summarize(v)])),
      ...(await benchColdOpen(dataset, dir)),
    }
  } finally {
    await removeFolder(dir)
  }
}

const execFileAsync = promisify(execFile)

/** One measurement by bench/coldOpen.ts in a fresh Node process. */
async function coldOpenChild(
  mode: 'open' | 'parse',
  dir: string,
): Promise<{ ms: number; settledMs: number }> {
  const script = fileURLToPath(new URL('./coldOpen.ts', import.meta.url))
  const { stdout } = await execFileAsync(
    process.execPath,
    ['--import', 'tsx', script, mode, dir, NOW.toISOString()],
    { cwd: fileURLToPath(new URL('..', import.meta.url)), maxBuffer: 1 << 20 },
  )
  const line = stdout.trim().split('\n').at(-1) ?? ''
  return JSON.parse(line) as { ms: number; settledMs: number }
}

/**
 * Cold open through openCore (read, checksum or validate, migrate, replay, build indexes)
 * against readFile + JSON.parse of the same vouch.json; and, for information, the time until
 * the touches are also indexed by id (done in the background after open). Each measurement
 * runs in a fresh process, as a launch does: the bench's own copy of the data would otherwise
 * sit in the heap and make every garbage collection of the open slower. The two alternate,
 * so both see the same machine load. The folder was closed cleanly just before, as after a
 * normal quit; the first open also made today's backup, as on a real day.
 */
async function benchColdOpen(
  dataset: Dataset,
  dir: string,
): Promise<{ coldOpen: Summary; openSettled: Summary; bareParse: Summary }> {
  const runs = dataset.contacts >= 20_000 ? 5 : 9
  const open: number[] = []
  const settled: number[] = []
  const parse: number[] = []
  for (let run = 0; run < runs + 1; run++) {
    const parsed = await coldOpenChild('parse', dir)
    const opened = await coldOpenChild('open', dir)
    if (run === 0) continue // warm-up: page cache, tsx's transform cache
    parse.push(parsed.ms)
    open.push(opened.ms)
    settled.push(opened.settledMs)
  }
  return { coldOpen: summarize(open), openSettled: summarize(settled), bareParse: summarize(parse) }
}

export interface ScanResults {
  contacts: number
  due: number
  /** DueIndex.dueBefore over maintained due instants, ms. */
  maintained: Summary
  /** The reminder engine's scan (ReminderIndex.dueAt: contacts, thanks and requests due), ms. */
  engine: Summary
  engineDue: number
  /** Grouping every interaction by contact and recomputing last touch and due, ms. */
  rebuild: Summary
}

/** Due instant of a contact from its last touch, or null when it has no cadence or no touch. */
function dueAt(contact: Contact, lastTouch: string | null, dataset: Dataset): number | null {
  const cadence = effectiveCadence(contact, dataset.file.settings)
  if (cadence === null || lastTouch === null || contact.trashedAt !== null) return null
  return nextTouchDue(new Date(lastTouch), cadence).getTime()
}

/**
 * The due-reminder scan. Maintained: the due instants live in a DueIndex fed from the
 * TouchIndex (as the core keeps them), so a scan reads only who is due. Rebuild: group all
 * interactions by contact and recompute each last touch and due day on every scan.
 */
export function benchScan(dataset: Dataset, scans: number): ScanResults {
  const { contacts, interactions } = dataset.file
  const touches = new TouchIndex()
  const state = {
    contacts: new Map(contacts.map((c) => [c.id, c])),
    interactions: new Map(interactions.map((i) => [i.id, i])),
    requests: new Map(),
    updates: new Map(),
    settings: dataset.file.settings,
    reminders: dataset.file.reminders,
    importBatches: new Map(),
  }
  touches.rebuild(state)
  const engine = new ReminderIndex(touches)
  engine.rebuild(state)
  const index = new DueIndex()
  for (const c of contacts) index.upsert(c.id, dueAt(c, touches.lastTouchOf(c.id), dataset))
  const now = NOW.getTime()

  const rebuildOnce = (): string[] => {
    const byContact = new Map<string, Interaction[]>()
    for (const i of interactions) {
      const list = byContact.get(i.contactId)
      if (list) list.push(i)
      else byContact.set(i.contactId, [i])
    }
    const due: Array<[string, number]> = []
    for (const c of contacts) {
      const at = dueAt(c, lastTouchAt(byContact.get(c.id) ?? []), dataset)
      if (at !== null && at <= now) due.push([c.id, at])
    }
    return due.sort((a, b) => a[1] - b[1]).map(([id]) => id)
  }

  const expected = rebuildOnce()
  const got = index.dueBefore(now)
  if (expected.length !== got.length)
    throw new Error(
      `The scans disagree: ${expected.length} due by rebuild, ${got.length} by index.`,
    )

  const engineDue = engine.dueAt(NOW).length
  const engineTimes: number[] = []
  const maintained: number[] = []
  const rebuild: number[] = []
  for (let s = 0; s < scans; s++) {
    let start = performance.now()
    index.dueBefore(now)
    maintained.push(performance.now() - start)
    start = performance.now()
    engine.dueAt(NOW)
    engineTimes.push(performance.now() - start)
    if (s < Math.max(5, scans / 10)) {
      start = performance.now()
      rebuildOnce()
      rebuild.push(performance.now() - start)
    }
  }
  return {
    contacts: contacts.length,
    due: got.length,
    maintained: summarize(maintained),
    engine: summarize(engineTimes),
    engineDue,
    rebuild: summarize(rebuild),
  }
}
