import { resolve } from 'node:path'
import type { Relationship } from '@shared/domain'
import type { StageId } from '@shared/stages'
import { expect, FakeClock, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { linkedInConnectionsCsv } from './linkedinCsv'

// Regenerates the README screenshot: npx playwright test --project=docs (not part of npm test).

const PEOPLE: {
  name: string
  relationship: Relationship
  title: string
  company: string
  stage: StageId
}[] = [
  {
    name: 'Priya Natarajan',
    relationship: 'manager',
    title: 'Engineering Manager',
    company: 'Northwind',
    stage: 'identified',
  },
  {
    name: 'Tomás Herrera',
    relationship: 'colleague',
    title: 'Staff Engineer',
    company: 'Lumen Labs',
    stage: 'identified',
  },
  {
    name: 'Hannah Okafor',
    relationship: 'client',
    title: 'Product Director',
    company: 'Fieldstone',
    stage: 'building',
  },
  {
    name: 'Jonas Weber',
    relationship: 'colleague',
    title: 'Design Lead',
    company: 'Atlas & Co',
    stage: 'building',
  },
  {
    name: 'Mei Lin',
    relationship: 'community-leader',
    title: 'CTO',
    company: 'Brightwater',
    stage: 'building',
  },
  {
    name: 'Samuel Adeyemi',
    relationship: 'former-manager',
    title: 'Director of Engineering',
    company: 'Keystone',
    stage: 'in-touch',
  },
  {
    name: 'Clara Rossi',
    relationship: 'colleague',
    title: 'Open-source maintainer',
    company: 'Vellum',
    stage: 'in-touch',
  },
  {
    name: 'Daniel Cohen',
    relationship: 'teacher',
    title: 'Professor',
    company: 'Ashford University',
    stage: 'asked',
  },
  {
    name: 'Aisha Rahman',
    relationship: 'former-manager',
    title: 'VP Engineering',
    company: 'Harbor',
    stage: 'asked',
  },
  {
    name: 'Lucas Martin',
    relationship: 'colleague',
    title: 'Tech Lead',
    company: 'Quarry',
    stage: 'gave-reference',
  },
  {
    name: 'Sofia Novak',
    relationship: 'direct-report',
    title: 'Head of Data',
    company: 'Meridian',
    stage: 'thanked',
  },
  {
    name: 'Ethan Brooks',
    relationship: 'mentor',
    title: 'Mentor',
    company: 'Founders Circle',
    stage: 'thanked',
  },
]

test.use({ viewport: { width: 1440, height: 900 } })

const DAY = 24 * 60 * 60 * 1000
const TODAY = new Date('2026-11-26T10:00:00Z')
/** Tags and how many days ago each person last heard from the user (null: never). */
const HISTORY: Record<string, { tags: string[]; lastTouchDaysAgo: number | null }> = {
  'Priya Natarajan': { tags: ['ex-northwind'], lastTouchDaysAgo: null },
  'Tomás Herrera': { tags: ['typescript'], lastTouchDaysAgo: null },
  'Hannah Okafor': { tags: ['fintech'], lastTouchDaysAgo: 12 },
  'Jonas Weber': { tags: ['design'], lastTouchDaysAgo: 33 },
  'Mei Lin': { tags: ['conference'], lastTouchDaysAgo: 52 },
  'Samuel Adeyemi': { tags: ['ex-keystone', 'leadership'], lastTouchDaysAgo: 95 },
  'Clara Rossi': { tags: ['open-source'], lastTouchDaysAgo: 20 },
  'Daniel Cohen': { tags: ['academia'], lastTouchDaysAgo: 6 },
  'Aisha Rahman': { tags: ['leadership'], lastTouchDaysAgo: 9 },
  'Lucas Martin': { tags: ['ex-quarry'], lastTouchDaysAgo: 4 },
  'Sofia Novak': { tags: ['data'], lastTouchDaysAgo: 40 },
  'Ethan Brooks': { tags: ['mentor'], lastTouchDaysAgo: 70 },
}

test('README screenshots: Today and the board, light and dark', async ({ vouch }) => {
  const clock = new FakeClock(TODAY.getTime() - 200 * DAY)
  const page = await vouch.open({ now: clock.now })
  const core = await vouch.core()
  const ids = new Map<string, string>()
  for (const person of [...PEOPLE].reverse()) {
    const history = HISTORY[person.name]
    const created = await core.call('contact.create', { ...person, tags: history?.tags ?? [] })
    ids.set(person.name, created.id)
  }
  const idOf = (name: string): string => {
    const id = ids.get(name)
    if (id === undefined) throw new Error(`${name} is not among the people`)
    return id
  }
  clock.set(TODAY.getTime() - 3 * DAY)
  // Lucas gave a reference three days ago and has not been thanked yet.
  const lucas = await core.call('request.create', {
    contactId: idOf('Lucas Martin'),
    company: 'Globex',
    role: 'Staff Engineer',
  })
  await core.call('request.update', { id: lucas.id, status: 'given' })
  clock.set(TODAY)
  for (const [name, history] of Object.entries(HISTORY)) {
    if (history.lastTouchDaysAgo === null) continue
    const at = new Date(TODAY.getTime() - history.lastTouchDaysAgo * DAY).toISOString()
    await core.call('interaction.log', { contactId: idOf(name), kind: 'meeting', at })
  }
  await core.call('request.create', {
    contactId: idOf('Aisha Rahman'),
    company: 'Initech',
    role: 'Engineering Manager',
    dueBy: '2026-11-27',
  })
  await page.reload()
  const app = new AppPage(page)
  await expect(page.getByTestId('today-view')).toBeVisible()
  await expect(page.getByText('Lucas Martin').first()).toBeVisible()
  // Light, then the same screen in the dark theme the OS can ask for.
  const shoot = async (name: string) => {
    await page.emulateMedia({ colorScheme: 'light' })
    await page.screenshot({
      path: resolve(import.meta.dirname, `../docs/${name}.png`),
      animations: 'disabled',
    })
    await page.emulateMedia({ colorScheme: 'dark' })
    // Transitions off: a button still fading from its light colour would be caught mid-way.
    await page.screenshot({
      path: resolve(import.meta.dirname, `../docs/${name}-dark.png`),
      animations: 'disabled',
    })
    await page.emulateMedia({ colorScheme: 'light' })
  }
  await shoot('today')
  await app.goTo('Board')
  await expect(page.getByTestId('card')).toHaveCount(PEOPLE.length)
  await shoot('board')
})

const SHOTS = process.env.VOUCH_SHOTS_DIR ?? '/tmp/shots/h11-triage'

test('README screenshot: triage, with the Inbox and the Archive of a 4,000-person import', async ({
  page,
  vouch,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const clock = new FakeClock(TODAY)
  await vouch.open({ now: clock.now })
  const core = await vouch.core()
  const count = 4000
  const preview = await core.call('import.preview', {
    fileName: 'Connections.csv',
    dataBase64: Buffer.from(linkedInConnectionsCsv(count), 'utf8').toString('base64'),
  })
  await core.call('import.commit', { token: preview.token, duplicates: 'skip' })
  // Earlier sessions: the first 1,500 by name archived, a few kept.
  const byName = await core.call('contact.query', { triage: 'inbox', sort: 'name', limit: 500 })
  const kept = byName.items.slice(0, 12).map((c) => c.id)
  await core.call('contact.bulk', { ids: kept, set: { triage: 'kept' } })
  const ids = await core.call('contact.ids', { triage: 'inbox' })
  await core.call('contact.bulk', { ids: ids.ids.slice(0, 1500), set: { triage: 'archived' } })
  // The date connected, as the LinkedIn reader stores it (in this tree it still goes to "how we
  // met"), for the first people of the queue.
  const firstInbox = await core.call('contact.query', { triage: 'inbox', sort: 'manual', limit: 5 })
  for (const [i, person] of firstInbox.items.entries()) {
    await core.call('contact.update', {
      id: person.id,
      connectedOn: `2025-11-${String(20 - i).padStart(2, '0')}`,
      howWeMet: '',
    })
  }
  // The first person triage shows (most recently connected) has a namesake on the board.
  const queue = await core.call('contact.query', { triage: 'inbox', sort: 'connected', limit: 1 })
  const first = queue.items[0]
  if (!first) throw new Error('the inbox is empty')
  await core.call('contact.create', {
    name: first.name,
    company: 'Brightwater',
    stage: 'building',
  })
  await page.reload()
  const app = new AppPage(page)
  await app.goTo('Inbox')
  await expect(page.getByTestId('people-row').first()).toContainText(/\S/)
  await page.screenshot({ path: `${SHOTS}/inbox-light.png` })
  await page
    .getByRole('checkbox', { name: /^Select / })
    .nth(1)
    .check()
  await page
    .getByRole('checkbox', { name: /^Select / })
    .nth(3)
    .check()
  await page.screenshot({ path: `${SHOTS}/inbox-selected-light.png` })
  await page.getByRole('button', { name: 'Start triage' }).click()
  await expect(page.getByTestId('triage-duplicate')).toContainText('Maybe the same person')
  await page.keyboard.press('4')
  await page.screenshot({ path: `${SHOTS}/triage-light.png` })
  await page.screenshot({ path: resolve(import.meta.dirname, '../docs/triage.png') })
  await page.keyboard.press('a')
  await expect(page.getByTestId('triage-name')).not.toHaveText(first.name)
  await page.screenshot({ path: `${SHOTS}/triage-next-light.png` })
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.screenshot({ path: `${SHOTS}/triage-1024-light.png` })
  await app.goTo('Inbox')
  await expect(page.getByTestId('people-row').first()).toContainText(/\S/)
  await page.screenshot({ path: `${SHOTS}/inbox-1024-light.png` })
  await page.setViewportSize({ width: 1280, height: 800 })
  await app.goTo('Archive')
  await expect(page.getByTestId('people-row').first()).toContainText(/\S/)
  await page.screenshot({ path: `${SHOTS}/archive-light.png` })
  await app.goTo('Today')
  await page.screenshot({ path: `${SHOTS}/today-inbox-light.png` })
})
