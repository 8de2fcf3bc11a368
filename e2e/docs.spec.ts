import { resolve } from 'node:path'
import type { Relationship } from '@shared/domain'
import type { StageId } from '@shared/stages'
import { expect, FakeClock, test } from './fixtures'
import { AppPage } from './pages/AppPage'

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

async function ok<T>(
  result: Promise<{ ok: true; value: unknown } | { ok: false; message: string }>,
): Promise<T> {
  const r = await result
  if (!r.ok) throw new Error(r.message)
  // The harness returns the command's output as unknown; these specs know its shape.
  return r.value as T
}

test('README screenshots: Today and the board', async ({ vouch }) => {
  const clock = new FakeClock(TODAY.getTime() - 200 * DAY)
  const page = await vouch.open({ now: clock.now })
  const core = await vouch.core()
  const ids = new Map<string, string>()
  for (const person of [...PEOPLE].reverse()) {
    const history = HISTORY[person.name]
    const created = await ok<{ id: string }>(
      core.invoke('contact.create', { ...person, tags: history?.tags ?? [] }),
    )
    ids.set(person.name, created.id)
  }
  clock.set(TODAY.getTime() - 3 * DAY)
  // Lucas gave a reference three days ago and has not been thanked yet.
  const lucas = await ok<{ id: string }>(
    core.invoke('request.create', {
      contactId: ids.get('Lucas Martin'),
      company: 'Globex',
      role: 'Staff Engineer',
    }),
  )
  await ok(core.invoke('request.update', { id: lucas.id, status: 'given' }))
  clock.set(TODAY)
  for (const [name, history] of Object.entries(HISTORY)) {
    if (history.lastTouchDaysAgo === null) continue
    const at = new Date(TODAY.getTime() - history.lastTouchDaysAgo * DAY).toISOString()
    await ok(core.invoke('interaction.log', { contactId: ids.get(name), kind: 'meeting', at }))
  }
  await ok(
    core.invoke('request.create', {
      contactId: ids.get('Aisha Rahman'),
      company: 'Initech',
      role: 'Engineering Manager',
      dueBy: '2026-11-27',
    }),
  )
  await page.reload()
  const app = new AppPage(page)
  await expect(page.getByTestId('today-view')).toBeVisible()
  await expect(page.getByText('Lucas Martin').first()).toBeVisible()
  await page.screenshot({ path: resolve(import.meta.dirname, '../docs/today.png') })
  await app.goTo('Board')
  await expect(page.getByTestId('card')).toHaveCount(PEOPLE.length)
  await page.screenshot({ path: resolve(import.meta.dirname, '../docs/board.png') })
})
