/**
 * A writer for crash tests: opens the core on a folder and creates contacts in a loop,
 * printing "ack <n>" after each command answered ok. The parent kills it with SIGKILL.
 */
import { openCore } from '../../electron/core'

const dataDir = process.argv[2]
const start = Number(process.argv[3] ?? '0')
if (!dataDir) throw new Error('usage: crashChild <dataDir> <start>')

const core = await openCore({
  dataDir,
  // Compact often, so kills also land during snapshot writes and journal resets.
  compactAfterMs: Number(process.env.VOUCH_CRASH_COMPACT_MS ?? '2'),
})
process.stdout.write('ready\n')
for (let n = start; ; n++) {
  // A typed Result, not core.call: a refusal is reported to the parent as "refused" on stderr.
  const result = await core.request('contact.create', {
    name: `crash-${n}`,
    notes: 'x'.repeat(n % 500),
  })
  if (!result.ok) {
    process.stderr.write(`refused ${n}: ${result.message}\n`)
    process.exit(2)
  }
  process.stdout.write(`ack ${n}\n`)
  if (n % 7 === 0) {
    const moved = await core.request('contact.move', {
      id: result.value.id,
      stage: 'in-touch',
      index: 0,
    })
    if (!moved.ok) process.exit(3)
    process.stdout.write(`moved ${n}\n`)
  }
}
