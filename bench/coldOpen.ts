/**
 * One cold-open measurement in a fresh process, as a launch of the app would be: no benchmark
 * data in the heap, nothing warmed up but the modules. Run by bench/core.ts:
 *   node --import tsx bench/coldOpen.ts <open|parse> <dataDir> <nowIso>
 * prints {"ms": …, "settledMs": …} on stdout.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { openCore } from '../electron/core'
import { DATA_FILE } from '../electron/core/store/store'

const [mode, dir, nowIso] = process.argv.slice(2)
if ((mode !== 'open' && mode !== 'parse') || dir === undefined || nowIso === undefined) {
  console.error('usage: coldOpen.ts <open|parse> <dataDir> <nowIso>')
  process.exit(2)
}
const now = new Date(nowIso)
const start = performance.now()
if (mode === 'parse') {
  JSON.parse(await readFile(join(dir, DATA_FILE), 'utf8'))
  const ms = performance.now() - start
  console.log(JSON.stringify({ ms, settledMs: ms }))
} else {
  const core = await openCore({ dataDir: dir, now: () => now })
  const ms = performance.now() - start
  await core.settled()
  const settledMs = performance.now() - start
  await core.close()
  console.log(JSON.stringify({ ms, settledMs }))
}
