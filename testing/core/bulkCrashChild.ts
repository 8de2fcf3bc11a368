/**
 * A bulk writer for crash tests: opens the core on a seeded folder and runs contact.bulk over
 * every kept person in a loop, round n setting cadenceDays to n + 1 (and tags, and the stage
 * every other round), printing "ack <n>" after each answered ok. The parent kills it with SIGKILL.
 */
import { openCore } from '../../electron/core/index'

const dataDir = process.argv[2]
const start = Number(process.argv[3] ?? '0')
if (!dataDir) throw new Error('usage: bulkCrashChild <dataDir> <start>')

const core = await openCore({
  dataDir,
  compactAfterMs: Number(process.env.VOUCH_CRASH_COMPACT_MS ?? '2'),
})
const { ids } = await core.call('contact.ids', {})
process.stdout.write('ready\n')
for (let n = start; ; n++) {
  // A typed Result, not core.call: a refusal is reported to the parent as "refused" on stderr.
  const result = await core.request('contact.bulk', {
    ids,
    set: { cadenceDays: n + 1, stage: n % 2 === 0 ? 'building' : 'in-touch' },
    addTags: [`round-${n}`],
    removeTags: [`round-${n - 1}`],
  })
  if (!result.ok) {
    process.stderr.write(`refused ${n}: ${result.message}\n`)
    process.exit(2)
  }
  process.stdout.write(`ack ${n}\n`)
}
