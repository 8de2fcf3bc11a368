/**
 * kill -9 during writes, many times: `npm run crash-trials [-- <trials>]` (default 200).
 * Each trial starts a writer on one shared data folder, kills it with SIGKILL at a random
 * moment (a third of the trials compact constantly, a third never), reopens the folder and
 * checks that the file is valid and every acknowledged write is there. Exits 1 on any loss.
 */
import { makeTempDir } from '@testing/core/tempDir'
import { runCrashTrial } from '@testing/core/crashTrials'
import { createRandom } from '@testing/random'

const trials = Number(process.argv[2] ?? '200')
const seed = Number(process.env.VOUCH_CRASH_SEED ?? Date.now() % 1_000_000)

const modes = [
  { name: 'idle compaction', env: { VOUCH_CRASH_COMPACT_MS: '2' } },
  { name: 'constant compaction', env: { VOUCH_CRASH_COMPACT_MS: '0' } },
  { name: 'journal appends only', env: { VOUCH_CRASH_COMPACT_MS: String(10 * 60_000) } },
]

// A failing run replays with VOUCH_CRASH_SEED.
const next = createRandom(seed).next
const { dir, remove } = await makeTempDir('vouch-crash-trials-')
const problems = new Map<string, number>()
let acked = 0
let lost = 0
let movesLost = 0
const started = Date.now()
try {
  for (let trial = 0; trial < trials; trial++) {
    const mode = modes[trial % modes.length] ?? modes[0]
    if (!mode) throw new Error('no crash mode')
    const result = await runCrashTrial(
      dir,
      trial * 100_000,
      { acks: Math.floor(next() * 3), ms: 20 + Math.floor(next() * 300) },
      mode.env,
    )
    acked += result.acked
    lost += result.lost.length
    movesLost += result.movedLost.length
    const kind = result.problem?.kind ?? 'none'
    problems.set(kind, (problems.get(kind) ?? 0) + 1)
    if (result.lost.length > 0 || result.movedLost.length > 0 || kind === 'quarantined') {
      console.error(`trial ${trial} (${mode.name}): ${JSON.stringify(result)}`)
    }
    if ((trial + 1) % 20 === 0)
      console.log(`  ${trial + 1}/${trials} trials, ${acked} acknowledged`)
  }
} finally {
  await remove()
}

const seen = [...problems].map(([kind, n]) => `${kind} ${n}`).join(', ')
console.log(
  `crash trials: ${trials} (seed ${seed}, ${Math.round((Date.now() - started) / 1000)} s)`,
)
console.log(`acknowledged writes: ${acked}`)
console.log(`lost: ${lost} writes, ${movesLost} moves`)
console.log(`problems seen at reopen: ${seen}`)
process.exit(lost === 0 && movesLost === 0 && !problems.has('quarantined') ? 0 : 1)
