/**
 * A second Vouch for lock tests: waits for "go" on stdin, opens the core on a folder, prints
 * "won" or "locked <message>", then holds the folder open until stdin closes or it is killed.
 */
import { createInterface } from 'node:readline'
import { openCore } from '../../electron/core'

const dataDir = process.argv[2]
if (!dataDir) throw new Error('usage: lockChild <dataDir>')

const lines = createInterface({ input: process.stdin })
const go = new Promise<void>((resolve) => lines.once('line', () => resolve()))
process.stdout.write('ready\n')
await go
try {
  const core = await openCore({ dataDir, compactAfterMs: 60_000 })
  process.stdout.write('won\n')
  lines.once('close', () => {
    void core.close().then(() => process.exit(0))
  })
} catch (error) {
  process.stdout.write(`locked ${error instanceof Error ? error.message : String(error)}\n`)
  process.exit(0)
}
