import { STAGE_IDS } from '@shared/stages'
import { openCore } from '../electron/core/index'
import { dataFolder, makeDataset } from './dataset'
const NOW = new Date('2026-11-01T12:00:00Z')
const dataset = makeDataset(50000, 10)
const dir = await dataFolder(dataset, 'prof')
const core = await openCore({ dataDir: dir, now: () => NOW, compactAfterMs: 600_000 })
await core.settled()
const ids = dataset.file.contacts.map((c) => c.id)
let s = process.cpuUsage(); await core.invoke('dashboard.get', {}); let u = process.cpuUsage(s); console.log('first cpu', (u.user+u.system)/1000)
const cpus: number[] = []
for (let n = 0; n < 40; n++) {
  const id = ids[(n * 7919) % ids.length]!
  if (n % 2 === 0) await core.invoke('contact.move', { id, stage: STAGE_IDS[n % 6] })
  else await core.invoke('interaction.log', { contactId: id, kind: 'call' })
  s = process.cpuUsage(); const t = performance.now(); await core.invoke('dashboard.get', {}); u = process.cpuUsage(s); cpus.push((u.user+u.system)/1000)
}
cpus.sort((a,b)=>a-b); console.log('get cpu p50', cpus[20], 'p95', cpus[37], 'max', cpus[39])
s = process.cpuUsage(); await core.invoke('review.get', {}); u = process.cpuUsage(s); console.log('review cpu', (u.user+u.system)/1000)
s = process.cpuUsage(); await core.invoke('review.get', {}); u = process.cpuUsage(s); console.log('review2 cpu', (u.user+u.system)/1000)
await core.close()
