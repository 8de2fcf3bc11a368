import { spawn } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import type { Contact } from '@shared/domain'
import type { AppStatus } from '@shared/ipc'
import { openCore } from '../../electron/core'

const repoRoot = resolve(import.meta.dirname, '../..')

/** What one kill -9 trial found. */
export interface TrialResult {
  acked: number
  found: number
  lost: number[]
  movedLost: number[]
  problem: AppStatus['problem']
  killedAfterMs: number
}

/**
 * Run the crash child on `dataDir`, kill it with SIGKILL after `killAfterMs`, and check the folder.
 * `env` reaches the child: VOUCH_CRASH_COMPACT_MS=0 compacts constantly, a large value never.
 */
export async function runCrashTrial(
  dataDir: string,
  start: number,
  killAfterMs: number,
  env: Record<string, string> = {},
): Promise<TrialResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(repoRoot, 'testing/core/crashChild.ts'), dataDir, String(start)],
    {
      cwd: repoRoot,
      env: { ...process.env, ...env, TSX_TSCONFIG_PATH: join(repoRoot, 'tsconfig.node.json') },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  const acked = new Set<number>()
  const moved = new Set<number>()
  let buffer = ''
  let stderr = ''
  const exited = new Promise<void>((done) => child.once('exit', () => done()))
  const ready = new Promise<void>((done, fail) => {
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8')
      let nl: number
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, nl)
        buffer = buffer.slice(nl + 1)
        if (line === 'ready') done()
        const m = /^(ack|moved) (\d+)$/.exec(line)
        if (m?.[1] === 'ack') acked.add(Number(m[2]))
        if (m?.[1] === 'moved') moved.add(Number(m[2]))
      }
    })
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')))
    child.once('exit', (code) => fail(new Error(`crash child exited early (${code}): ${stderr}`)))
  })
  await ready
  await new Promise((r) => setTimeout(r, killAfterMs))
  child.kill('SIGKILL')
  await exited
  if (stderr.includes('refused')) throw new Error(`the child saw a refused write: ${stderr}`)

  // The file must be valid JSON whenever it exists: a reader never sees a half-written snapshot.
  const text = await readFile(join(dataDir, 'vouch.json'), 'utf8').catch(() => null)
  if (text !== null) JSON.parse(text)

  const core = await openCore({ dataDir })
  try {
    const listed = await core.invoke('contact.list', {})
    const status = await core.invoke('app.status', {})
    if (!listed.ok || !status.ok) throw new Error('reopen failed')
    const contacts = listed.value as Contact[]
    const byName = new Map(contacts.map((c) => [c.name, c]))
    const lost = [...acked].filter((n) => !byName.has(`crash-${n}`))
    const movedLost = [...moved].filter((n) => byName.get(`crash-${n}`)?.stage !== 'in-touch')
    return {
      acked: acked.size,
      found: contacts.filter((c) => c.name.startsWith('crash-')).length,
      lost,
      movedLost,
      problem: (status.value as AppStatus).problem,
      killedAfterMs: killAfterMs,
    }
  } finally {
    await core.close()
  }
}
