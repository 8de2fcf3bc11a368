import { chromium } from 'playwright'
const args = ['--headless','--no-sandbox','--disable-gpu','--disable-quic','--no-first-run','--disable-background-networking','--disable-component-update','--disable-sync', ...process.argv.slice(2)]
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args })
const ctx = await b.newContext(); const p = await ctx.newPage(); await p.goto('about:blank')
await new Promise(r => setTimeout(r, 2000))
const s = await b.newBrowserCDPSession()
const { targetInfos } = await s.send('Target.getTargets', { filter: [{}] })
console.log(process.argv.slice(2).join(' '), '→', targetInfos.map(t => `${t.type} ${t.url}`).join(' | '))
await b.close()
