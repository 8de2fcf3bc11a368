import { chromium } from 'playwright'
import { execSync } from 'node:child_process'
const args = ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync', ...process.argv.slice(2)]
const cpu = () => { const out = execSync("ps -e -o cputimes=,args= | grep /usr/lib/chromium/chromium | grep -v grep || true").toString(); return out.split('\n').filter(Boolean).reduce((s, l) => s + Number(l.trim().split(/\s+/)[0]), 0) }
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args })
await new Promise(r => setTimeout(r, 1000))
const c0 = cpu(); const t = Date.now()
for (let i = 0; i < 10; i++) { const ctx = await b.newContext(); const p = await ctx.newPage(); await p.goto('about:blank'); await p.waitForTimeout(300); await ctx.close() }
await new Promise(r => setTimeout(r, 1000))
console.log(process.argv.slice(2).join(' ') || 'default', 'cpu s', cpu() - c0, 'wall ms', Date.now() - t)
await b.close()
