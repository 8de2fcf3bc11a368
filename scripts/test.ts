// `npm test`: every check CI runs, in three phases: tsc, ESLint and Prettier side by side, then
// the unit tests, then the end-to-end tests (why these phases: scripts/testStages.ts).
//
//   npm test                      every stage
//   npm test -- unit e2e          only these stages
//   npm test -- --serial          one stage at a time
//
// Each stage's output goes to test-results/logs/<stage>.log and is printed whole when the stage
// ends, so outputs never interleave. A failing phase stops the run; the exit code is then 1.
import { spawn, type ChildProcess } from 'node:child_process'
import { createWriteStream, mkdirSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { STAGES, formatDuration, parseArgs, phasesOf, type StageName } from './testStages'

const root = resolve(import.meta.dirname, '..')
const logDir = resolve(root, 'test-results/logs')

interface Outcome {
  stage: StageName
  ok: boolean
  ms: number
}

const running = new Map<StageName, { child: ChildProcess; started: number }>()

function runStage(stage: StageName): Promise<Outcome> {
  const { script } = STAGES[stage]
  const logFile = resolve(logDir, `${stage}.log`)
  const log = createWriteStream(logFile)
  const started = Date.now()
  return new Promise((done) => {
    const child = spawn('npm', ['run', '--silent', script], {
      cwd: root,
      // Keep colours when a person is watching; each stage writes to a file, not a terminal.
      env: process.stdout.isTTY ? { ...process.env, FORCE_COLOR: '1' } : process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Its own process group, so Ctrl+C stops the stage's whole tree (browsers and workers too).
      detached: process.platform !== 'win32',
      shell: process.platform === 'win32',
    })
    running.set(stage, { child, started })
    child.stdout.pipe(log, { end: false })
    child.stderr.pipe(log, { end: false })
    let finished = false
    // 'error' (npm could not start) may be followed by 'close': report the stage once.
    const finish = (ok: boolean, note?: string) => {
      if (finished) return
      finished = true
      running.delete(stage)
      if (note) log.write(`\n${note}\n`)
      log.end(() => {
        const ms = Date.now() - started
        printLog(stage, logFile, ok, ms)
        done({ stage, ok, ms })
      })
    }
    child.on('error', (error) => finish(false, `could not start: ${error.message}`))
    child.on('close', (code, signal) =>
      finish(code === 0, code === 0 ? undefined : `exited with ${signal ?? `code ${code}`}`),
    )
  })
}

function printLog(stage: StageName, logFile: string, ok: boolean, ms: number): void {
  const rule = '='.repeat(8)
  process.stdout.write(`\n${rule} ${stage}: ${STAGES[stage].what} ${rule}\n`)
  // The stream has been flushed and closed: the file is whole.
  process.stdout.write(readFileSync(logFile, 'utf8'))
  process.stdout.write(
    `${rule} ${stage} ${ok ? 'passed' : 'FAILED'} in ${formatDuration(ms)} (log: ${logFile})\n`,
  )
}

function stopAll(): void {
  for (const { child } of running.values()) {
    if (child.pid === undefined) continue
    try {
      if (process.platform === 'win32') child.kill()
      else process.kill(-child.pid, 'SIGTERM')
    } catch {
      // Already gone.
    }
  }
}

async function main(): Promise<number> {
  const { stages, serial } = parseArgs(process.argv.slice(2))
  mkdirSync(logDir, { recursive: true })
  const started = Date.now()
  const phases = phasesOf(stages, serial)
  console.log(
    `npm test: ${phases.map((phase) => phase.join(' + ')).join(', then ')} (logs in test-results/logs/)`,
  )

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      stopAll()
      process.exit(130)
    })
  }
  // A line now and then, so a long quiet run is visibly alive.
  const heartbeat = setInterval(() => {
    const now = Date.now()
    const list = [...running.entries()].map(
      ([stage, { started: s }]) => `${stage} ${formatDuration(now - s)}`,
    )
    if (list.length > 0)
      console.log(`… ${formatDuration(now - started)}: still running ${list.join(', ')}`)
  }, 30_000)

  const outcomes: Outcome[] = []
  for (const phase of phases) {
    const results = await Promise.all(phase.map(runStage))
    outcomes.push(...results)
    if (results.some((outcome) => !outcome.ok)) break
  }
  clearInterval(heartbeat)

  console.log('\nnpm test:')
  for (const stage of stages) {
    const outcome = outcomes.find((o) => o.stage === stage)
    const status = outcome === undefined ? 'not run' : outcome.ok ? 'passed' : 'FAILED'
    const time = outcome === undefined ? '' : formatDuration(outcome.ms)
    console.log(`  ${stage.padEnd(10)} ${status.padEnd(8)} ${time}`)
  }
  const failed = outcomes.filter((o) => !o.ok).length + (stages.length - outcomes.length)
  console.log(
    `  ${failed === 0 ? 'all passed' : `${failed} of ${stages.length} stages failed or did not run`} in ${formatDuration(Date.now() - started)}`,
  )
  return failed === 0 ? 0 : 1
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error)
    stopAll()
    process.exit(1)
  },
)
