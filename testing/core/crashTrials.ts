import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { AppStatus } from '@shared/ipc'
import { openCore } from '../../electron/core/index'
import { childScript } from './childScript'

const repoRoot = resolve(import.meta.dirname, '../..')

/** What one kill -9 trial found. */
export interface TrialResult {
  acked: number
  found: number
  lost: number[]
  movedLost: number[]
  problem: AppStatus['problem']
  killedAt: KillAt
}

/**
 * When to kill the child: once it has printed `acks` "ack" lines after "ready", then `ms` later.
 * Counting acknowledgements rather than waiting a fixed time bounds the work done before the
 * kill, so a trial means the same on a busy machine (a timer alone could fire before a slowed
 * child acknowledged anything); the added milliseconds still land the kill anywhere in a write.
 */
export interface KillAt {
  acks: number
  ms: number
}

/**
 * Spawn a child script (path from the repository root), bundled once by childScript, wait for its
 * "ready" line, feed every later stdout line to `onLine`, and kill it with SIGKILL at `killAt`.
 */
async function runChildUntilKilled(
  script: string,
  args: string[],
  killAt: KillAt,
  env: Record<string, string>,
  onLine: (line: string) => void,
): Promise<void> {
  const child = spawn(process.execPath, [await childScript(script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let buffer = ''
  let stderr = ''
  let acks = 0
  let enoughAcks: () => void = () => {}
  const acknowledged = new Promise<void>((done) => {
    enoughAcks = done
  })
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const ready = new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        if (line === 'ready') done()
        else {
          onLine(line)
          if (line.startsWith('ack ') && ++acks >= killAt.acks) enoughAcks()
        }
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('exit', (code) => fail(new Error(`crash child exited early (${code}): ${stderr}`)))
  })
  await ready
  if (killAt.acks > 0) {
    const first = await Promise.race([
      acknowledged.then(() => 'acknowledged' as const),
      exited.then(() => 'exited' as const),
    ])
    if (first === 'exited')
      throw new Error(`crash child exited before ${killAt.acks} acknowledgements: ${stderr}`)
  }
  await new Promise((r) => setTimeout(r, killAt.ms))
  child.kill('SIGKILL')
  await exited
  if (stderr.includes('refused')) throw new Error(`the child saw a refused write: ${stderr}`)
}

/**
 * Run the crash child on `dataDir`, kill it with SIGKILL at `killAt`, and check the folder.
 * `env` reaches the child: VOUCH_CRASH_COMPACT_MS=0 compacts constantly, a large value never.
 */
export async function runCrashTrial(
  dataDir: string,
  start: number,
  killAt: KillAt,
  env: Record<string, string> = {},
): Promise<TrialResult> {
  const acked = new Set<number>()
  const moved = new Set<number>()
  await runChildUntilKilled(
    'testing/core/crashChild.ts',
    [dataDir, String(start)],
    killAt,
    env,
    (line) => {
      const m = /^(ack|moved) (\d+)$/.exec(line)
      if (m?.[1] === 'ack') acked.add(Number(m[2]))
      if (m?.[1] === 'moved') moved.add(Number(m[2]))
    },
  )

  // The file must be valid JSON whenever it exists: a reader never sees a half-written snapshot.
  const text = await readFile(join(dataDir, 'vouch.json'), 'utf8').catch(() => null)
  if (text !== null) JSON.parse(text)

  const core = await openCore({ dataDir })
  try {
    const contacts = await core.call('contact.list', {})
    const status = await core.call('app.status', {})
    const byName = new Map(contacts.map((c) => [c.name, c]))
    const lost = [...acked].filter((n) => !byName.has(`crash-${n}`))
    const movedLost = [...moved].filter((n) => byName.get(`crash-${n}`)?.stage !== 'in-touch')
    return {
      acked: acked.size,
      found: contacts.filter((c) => c.name.startsWith('crash-')).length,
      lost,
      movedLost,
      problem: status.problem,
      killedAt: killAt,
    }
  } finally {
    await core.close()
  }
}

/** What one kill -9 during contact.bulk found. */
export interface BulkTrialResult {
  /** The last round the child saw acknowledged, or -1. */
  lastAcked: number
  /** The distinct rounds found across the people after reopening (all or nothing: one). */
  roundsFound: number[]
  people: number
  problem: AppStatus['problem']
}

/**
 * Run bulkCrashChild on a seeded folder (every person kept), kill it with SIGKILL during its
 * rounds of contact.bulk, reopen and report which round each person carries: each round sets
 * cadenceDays to round + 1 on everyone at once, so a torn bulk shows as two rounds.
 */
export async function runBulkCrashTrial(
  dataDir: string,
  start: number,
  killAt: KillAt,
): Promise<BulkTrialResult> {
  let lastAcked = -1
  await runChildUntilKilled(
    'testing/core/bulkCrashChild.ts',
    [dataDir, String(start)],
    killAt,
    {},
    (line) => {
      const m = /^ack (\d+)$/.exec(line)
      if (m) lastAcked = Math.max(lastAcked, Number(m[1]))
    },
  )
  const core = await openCore({ dataDir })
  try {
    const contacts = await core.call('contact.list', {})
    const status = await core.call('app.status', {})
    const rounds = new Set(contacts.map((c) => (c.cadenceDays ?? 0) - 1))
    return {
      lastAcked,
      roundsFound: [...rounds].sort((a, b) => a - b),
      people: contacts.length,
      problem: status.problem,
    }
  } finally {
    await core.close()
  }
}
