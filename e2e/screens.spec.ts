import { mkdir } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import type { z } from 'zod'
import type { BoardQuery } from '@shared/query'
import { STAGE_IDS } from '@shared/stages'
import type { Core } from '../electron/core/types'
import { expect, FakeClock, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'
import { UpdatesPage } from './pages/UpdatesPage'
import { seedPeople } from './seed'

// Screenshots of every view in light and dark at two window sizes, for a person to look at:
// npx playwright test --project=screens (not part of npm test). Written to /tmp/shots/h12-ui/.

const OUT = process.env.VOUCH_SHOTS ?? '/tmp/shots/h12-ui'
const DAY = 24 * 60 * 60 * 1000
const NOW = new Date('2026-11-26T10:00:00Z')
/** Sixty characters, accents included. */
const LONG_NAME = 'Zoë-Éléonore Ångström de la Peña-Żółkiewska Brontë Núñez Óla'
const FIRST = ['Ada', 'Grace', 'Zoë', 'José', 'Mei', 'Aisha', 'Tomás', 'Björn', 'Chloé', 'Dmitri']
const LAST = ['Lovelace', 'Hopper', 'Martin', 'Núñez', 'Lin', 'Rahman', 'Herrera', 'Søndergaard']
const COMPANIES = ['Globex', 'Initech', 'Umbrella', 'Northwind', 'Lumen Labs', 'Fieldstone']
const TITLES = ['Staff Engineer', 'Engineering Manager', 'CTO', 'Design Lead', 'VP Product']

async function seed(core: Core, clock: FakeClock): Promise<string> {
  expect(LONG_NAME).toHaveLength(60)
  let longId = ''
  const ids: string[] = []
  // The long name is created last, so it sits on top of its column.
  for (let i = 299; i >= 0; i--) {
    const name =
      i === 0 ? LONG_NAME : `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]} ${i}`
    const created = await core.call('contact.create', {
      name,
      title: TITLES[i % TITLES.length],
      company: COMPANIES[(i * 3) % COMPANIES.length],
      stage: STAGE_IDS[i % STAGE_IDS.length],
      relationship: i % 2 === 0 ? 'colleague' : 'former-manager',
      tags: i % 3 === 0 ? ['mentor'] : ['peer'],
      skills: ['Leadership'],
      credibility: (i % 5) + 1,
      email: `person${i}@example.com`,
      ...(i === 0
        ? {
            nicknames: ['Zozo'],
            birthday: '--04-23',
            connectedOn: '2019-05-02',
            howWeMet: 'Worked on the payments platform at Globex.',
            notes: 'Knows my work on the migration better than anyone.',
            profiles: [{ service: 'LinkedIn', handle: 'linkedin.com/in/zoe' }],
            addresses: [
              {
                label: 'Work',
                street: '12 rue de la Paix',
                city: 'Paris',
                region: '',
                postalCode: '75002',
                country: 'France',
              },
            ],
          }
        : {}),
    })
    if (i === 0) longId = created.id
    ids.push(created.id)
  }
  clock.set(NOW.getTime())
  for (const [n, id] of ids.entries()) {
    const i = 299 - n
    if (i % 4 !== 0) continue
    await core.call('interaction.log', {
      contactId: id,
      kind: 'call',
      at: new Date(NOW.getTime() - ((i * 5) % 90) * DAY).toISOString(),
      note: i === 0 ? 'Talked about her new team and the reference.' : '',
    })
  }
  await core.call('request.create', {
    contactId: longId,
    company: 'Initech',
    role: 'Staff Engineer',
  })
  await core.call('update.create', {
    title: 'Promoted to Staff Engineer',
    body: 'I now lead the platform team.',
  })
  clock.set(NOW.getTime())
  return longId
}

async function shoot(page: Page, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const [w, h] of [
      [1280, 800],
      [1024, 700],
    ] as const) {
      await page.setViewportSize({ width: w, height: h })
      await page.screenshot({ path: `${OUT}/${name}-${scheme}-${w}x${h}.png` })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1280, height: 800 })
}

test('screens: every view, light and dark, 1280×800 and 1024×700', async ({ vouch }) => {
  test.setTimeout(300_000)
  await mkdir(OUT, { recursive: true })
  const clock = new FakeClock(NOW.getTime() - 120 * DAY)
  const page = await vouch.open({ now: clock.now })
  await page.setViewportSize({ width: 1280, height: 800 })
  const core = await vouch.core()
  // Thousands of people, as after a LinkedIn import, under the 300 with full records.
  await seedPeople(core, 3000)
  await seed(core, clock)
  await page.reload()
  await expect(page.getByTestId('today-view')).toBeVisible()
  const nav = (label: string) =>
    page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: new RegExp(`^${label}`) })

  await shoot(page, 'today')
  await nav('Board').click()
  const board = new BoardPage(page)
  await expect(board.cardsIn('Identified').first()).toBeVisible()
  await shoot(page, 'board')
  await board.search('Ångström')
  await expect(board.card(LONG_NAME)).toBeVisible()
  await shoot(page, 'board-search')
  await board.openCard(LONG_NAME)
  await expect(page.getByTestId('due-sentence')).toBeVisible()
  await shoot(page, 'contact')
  await page
    .getByTestId('contact-panel')
    .getByRole('button', { name: `Log touch with ${LONG_NAME}` })
    .click()
  await shoot(page, 'contact-logtouch')
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await shoot(page, 'contact-edit')
  await page.getByRole('button', { name: 'Cancel' }).click()
  await page.getByRole('button', { name: 'Brief' }).click()
  await expect(page.getByTestId('brief').getByRole('heading').first()).toBeVisible()
  await shoot(page, 'brief')
  await page.keyboard.press('Escape')
  await page.keyboard.press('Escape')
  await board.search('')
  await board.quickAddInput.fill(LONG_NAME.toLowerCase())
  await board.quickAddInput.press('Enter')
  await expect(page.getByTestId('same-name')).toBeVisible()
  await shoot(page, 'quickadd-same-name')
  await board.quickAddInput.press('Escape')

  await nav('Updates').click()
  const updates = new UpdatesPage(page)
  await updates.chooseAll()
  await updates.search('Ångström')
  await updates.choose(LONG_NAME)
  await shoot(page, 'updates')
  await nav('Coverage').click()
  await shoot(page, 'coverage')
  await nav('Import').click()
  await shoot(page, 'data')
  await nav('Trash').click()
  await shoot(page, 'trash')
  await nav('Settings').click()
  await shoot(page, 'settings')
})

test('screens: saved views in the sidebar, light and dark, 1280×800 and 1024×700', async ({
  vouch,
}) => {
  test.setTimeout(300_000)
  await mkdir(OUT, { recursive: true })
  const core = await vouch.core()
  await seedPeople(core, 3000)
  const { ids } = await core.call('contact.ids', { filter: { companies: ['Northwind', 'Harbor'] } })
  await core.call('contact.bulk', { ids, addTags: ['mentor'] })
  const views = [
    { name: 'Mentors by company', query: { filter: { tags: ['mentor'] }, groupBy: 'company' } },
    { name: 'Never touched', query: { filter: { due: ['never'] }, sort: 'name' } },
    { name: LONG_NAME, query: { filter: { companies: ['Keystone'] }, sort: 'recent' } },
  ] satisfies { name: string; query: z.input<typeof BoardQuery> }[]
  for (const view of views) await core.call('view.save', { ...view, scope: 'board' })
  const page = await vouch.open()
  await page.setViewportSize({ width: 1280, height: 800 })
  const list = page.getByRole('navigation', { name: 'Main' }).getByRole('list', { name: 'Views' })
  await list.getByRole('button', { name: 'Mentors by company', exact: true }).click()
  await expect(page.getByTestId('lane')).toHaveCount(2)
  await shoot(page, 'views-open')
  await list.getByRole('button', { name: 'Rename or delete Never touched' }).click()
  await shoot(page, 'views-menu')
  await page.getByRole('menuitem', { name: 'Rename…' }).click()
  await shoot(page, 'views-rename')
})
