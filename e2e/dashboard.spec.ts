import { mkdir, readFile } from 'node:fs/promises'
import ICAL from 'ical.js'
import type { Page } from '@playwright/test'
import type { Core } from '../electron/core/types'
import { expect, FakeClock, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'
import { ContactPanelPage } from './pages/ContactPanelPage'
import { ContactWorkflowPage } from './pages/ContactWorkflowPage'
import { DashboardPage } from './pages/DashboardPage'

const NAMES = [
  'Priya Natarajan',
  'Tomás Herrera',
  'Hannah Okafor',
  'Jonas Weber',
  'Mei Lin',
  'Samuel Adeyemi',
  'Clara Rossi',
  'Daniel Cohen',
  'Aisha Rahman',
  'Lucas Martin',
  'Sofia Novak',
  'Ethan Brooks',
  'Zoë Ångström',
  'Kwame Mensah',
  'Laura Fischer',
  'Ravi Iyer',
]
const COMPANIES = ['Northwind', 'Lumen Labs', 'Fieldstone', 'Atlas & Co', 'Brightwater', 'Keystone']

const DAY = 86_400_000
const WEEK = 7 * DAY
/** Monday 5 January 2026, 10:00 in the test process's zone, where the core runs. */
const START = new Date(2026, 0, 5, 10)

/**
 * Sixteen weeks of history through the core's commands, the clock moving as a user's week does:
 * three people added each Monday, a call and a message each Wednesday, references asked in weeks
 * 2, 5 and 8 (given the week after; thanked next day, five days late, and not at all), one
 * person trashed in week 10, a career update sent to two people. Returns the core's clock.
 */
async function seedHistory(core: Core, clock: FakeClock): Promise<void> {
  const people: string[] = []
  for (let w = 0; w < 16; w++) {
    clock.set(START.getTime() + w * WEEK)
    for (let k = 0; k < 3; k++) {
      const i = w * 3 + k
      const created = await core.call('contact.create', {
        name: `${NAMES[i % NAMES.length]} ${i + 1}`,
        title: 'Engineering Manager',
        company: COMPANIES[i % COMPANIES.length],
        stage: 'building',
        credibility: (i % 5) + 1,
        skills: i % 4 === 0 ? ['Leadership'] : [],
      })
      people.push(created.id)
    }
    clock.set(START.getTime() + w * WEEK + 2 * DAY)
    for (const [k, kind] of [
      [0, 'call'],
      [1, 'message'],
    ] as const) {
      const id = people[w * 3 + k]
      if (id) await core.call('interaction.log', { contactId: id, kind })
    }
  }
  for (const [w, thankAfterDays] of [
    [2, 1],
    [5, 5],
    [8, null],
  ] as const) {
    const contactId = people[w * 3] ?? ''
    clock.set(START.getTime() + w * WEEK + DAY)
    const request = await core.call('request.create', {
      contactId,
      company: 'Globex',
      role: 'Staff Engineer',
    })
    clock.set(START.getTime() + (w + 1) * WEEK + DAY)
    await core.call('request.update', { id: request.id, status: 'given' })
    if (thankAfterDays !== null) {
      clock.advance(thankAfterDays * DAY)
      await core.call('interaction.log', { contactId, kind: 'thank-you', requestId: request.id })
    }
  }
  clock.set(START.getTime() + 10 * WEEK)
  await core.call('contact.delete', { id: people[2] ?? '' })
  const update = await core.call('update.create', {
    title: 'Promoted to Staff Engineer',
  })
  await core.call('update.send', { updateId: update.id, contactIds: people.slice(3, 5) })
  await core.call('settings.update', { targetSkills: ['Leadership', 'Public speaking'] })
  // Monday of week 16: a meeting and help offered, so the review has a week to look back on.
  clock.set(START.getTime() + 16 * WEEK + 3_600_000)
  await core.call('interaction.log', { contactId: people[40] ?? '', kind: 'meeting' })
  await core.call('interaction.log', { contactId: people[41] ?? '', kind: 'help-offered' })
  // Wednesday of week 16, with the weekly review set for Wednesdays at 09:00.
  clock.set(START.getTime() + 16 * WEEK + 2 * DAY + 2 * 3_600_000)
  await core.call('settings.update', { weeklyReview: { enabled: true, day: 3, time: '09:00' } })
}

async function shoot(page: Page, name: string): Promise<void> {
  const dir = process.env.VOUCH_SHOTS
  if (!dir) return
  await mkdir(dir, { recursive: true })
  await page.screenshot({ path: `${dir}/${name}.png` })
}

test.use({ viewport: { width: 1280, height: 800 } })

test('the dashboard shows the totals and weekly series of a seeded history', async ({
  vouch,
  page,
}) => {
  const clock = new FakeClock(START)
  await vouch.open({ now: clock.now })
  await seedHistory(await vouch.core(), clock)
  const dashboard = new DashboardPage(page)
  await dashboard.open()

  // 48 added, one trashed; three references asked, given in 2026, two thanked (one late, one owed).
  await expect(dashboard.stat('people')).toContainText('47')
  await expect(dashboard.stat('references')).toContainText('3 / 3 / 2')
  await expect(dashboard.stat('references')).toContainText('in 2026')
  await expect(dashboard.stat('timeliness')).toContainText('33%')
  await expect(dashboard.stat('timeliness')).toContainText('1 of 3')
  await expect(dashboard.stat('timeliness')).toContainText('median 3 days')
  await expect(page.getByTestId('coverage-gaps')).toContainText('Public speaking')
  await expect(page.getByTestId('coverage-gaps')).not.toContainText('Leadership')
  // Everyone past Identified but the two who were sent the update.
  await expect(page.getByTestId('not-heard')).toContainText('45 people past Identified')
  await expect(dashboard.chart('stages').locator('canvas').first()).toBeVisible()
  await shoot(page, 'dashboard-light')

  // The table behind the stacked chart: the current week's stages add up to the people on the board.
  await dashboard.showTable('stages')
  const stagesRow = dashboard.lastTableRow('stages')
  await expect(stagesRow.getByRole('rowheader')).toHaveText('2026-04-27')
  // Identified, Building, In touch, Asked, Gave reference, Thanked.
  await expect(stagesRow.getByRole('cell')).toHaveText(['0', '44', '0', '0', '1', '2'])
  await dashboard.showTable('touches')
  const firstWeek = dashboard.chart('touches').getByRole('row').filter({ hasText: '2026-01-05' })
  // A call and a message in the first week: two conversations.
  await expect(firstWeek.getByRole('cell').first()).toHaveText('2')
  await dashboard.showTable('overdue')
  const overdueNow = await dashboard.stat('overdue').locator('.dash-stat-value').textContent()
  await expect(dashboard.lastTableRow('overdue').getByRole('cell')).toHaveText([overdueNow ?? ''])
  expect(Number(overdueNow)).toBeGreaterThan(0)

  await page.emulateMedia({ colorScheme: 'dark' })
  await dashboard.chart('stages').getByRole('button', { name: 'Show chart' }).click()
  await shoot(page, 'dashboard-dark')
})

test('the weekly review walks through its five steps and is marked done', async ({
  vouch,
  page,
}) => {
  const clock = new FakeClock(START)
  await vouch.open({ now: clock.now })
  await seedHistory(await vouch.core(), clock)
  const dashboard = new DashboardPage(page)
  await dashboard.open()
  await expect(dashboard.reviewBanner).toBeVisible()
  await dashboard.reviewBanner.getByRole('button', { name: 'Start review' }).click()

  await expect(dashboard.reviewStep).toHaveText('Step 1 of 5: This week')
  await expect(dashboard.reviewStep).toBeFocused()
  await expect(dashboard.review).toContainText('Since Monday 2026-04-27: 2 touches logged')
  await expect(dashboard.review).toContainText('Meeting: 1')
  await shoot(page, 'review-light')
  await dashboard.nextStep()
  await expect(dashboard.reviewStep).toHaveText('Step 2 of 5: Who is overdue')
  await expect(
    dashboard.review.getByTestId('review-overdue').getByRole('listitem').first(),
  ).toBeVisible()
  await dashboard.nextStep()
  await expect(dashboard.reviewStep).toHaveText('Step 3 of 5: Thanks owed')
  // The reference given in week 9 was never thanked.
  await expect(dashboard.review.getByTestId('review-thanks').getByRole('listitem')).toHaveCount(1)
  await expect(dashboard.review.getByTestId('review-thanks')).toContainText(
    'Staff Engineer at Globex',
  )
  await dashboard.nextStep()
  await expect(dashboard.reviewStep).toHaveText('Step 4 of 5: Reconnect with three people')
  await expect(dashboard.review.getByTestId('review-reconnect').getByRole('listitem')).toHaveCount(
    3,
  )
  await page.emulateMedia({ colorScheme: 'dark' })
  await shoot(page, 'review-dark')
  await page.emulateMedia({ colorScheme: 'light' })
  await dashboard.nextStep()
  await expect(dashboard.reviewStep).toHaveText('Step 5 of 5: Share an update')
  await dashboard.review.getByLabel('Headline').fill('Shipped the billing migration')
  await dashboard.review.getByRole('button', { name: 'Save draft update' }).click()
  await expect(dashboard.review.getByRole('status')).toContainText('Shipped the billing migration')
  await dashboard.review.getByRole('button', { name: 'Finish review' }).click()

  await expect(dashboard.review).toBeHidden()
  await expect(page.getByTestId('toast').filter({ hasText: 'Weekly review done' })).toBeVisible()
  await expect(dashboard.reviewBanner).toBeHidden()
  const settings = await (await vouch.core()).call('settings.get', {})
  expect(settings.weeklyReview.lastDoneAt).toBe(clock.now().toISOString())
})

/** The UIDs and summaries of the events in an .ics file. */
async function eventsIn(path: string): Promise<{ uid: string; summary: string; start: string }[]> {
  const text = await readFile(path, 'utf8')
  return ICAL.Component.fromString(text)
    .getAllSubcomponents('vevent')
    .map((vevent) => new ICAL.Event(vevent))
    .map((e) => ({ uid: e.uid, summary: e.summary, start: e.startDate.toString() }))
}

test('Add to calendar saves one request as an .ics event; the export holds it with the same UID', async ({
  vouch,
  page,
}) => {
  const clock = new FakeClock(START)
  await vouch.open({ now: clock.now })
  const core = await vouch.core()
  const ada = await core.call('contact.create', {
    name: 'Zoë Ångström',
    stage: 'in-touch',
  })
  const request = await core.call('request.create', {
    contactId: ada.id,
    company: 'Globex, Inc.',
    role: 'Staff Engineer; Platform',
    dueBy: '2026-01-20',
  })
  const board = new BoardPage(page)
  await board.show()
  await board.openCard('Zoë Ångström')
  const panel = new ContactPanelPage(page)
  const [single] = await Promise.all([
    page.waitForEvent('download'),
    panel.panel
      .getByRole('button', { name: /Add to calendar: Staff Engineer; Platform at Globex, Inc\./ })
      .click(),
  ])
  expect(single.suggestedFilename()).toBe('vouch-zoe-angstrom-globex-inc.ics')
  const one = await eventsIn(await single.path())
  expect(one).toEqual([
    {
      uid: `request-due-${request.id}@vouch.app`,
      summary: 'Reference due: Zoë Ångström for Staff Engineer; Platform at Globex, Inc.',
      start: '2026-01-20',
    },
  ])
  await panel.close()

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Import / Export' })
    .click()
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const [full] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Calendar: due dates and thank-yous (.ics)' }).click(),
  ])
  expect(full.suggestedFilename()).toBe('vouch-calendar-2026-01-05.ics')
  expect((await eventsIn(await full.path())).map((e) => e.uid)).toEqual([one[0]?.uid])
  const [live] = await statusesIn(await full.path())
  expect(live?.status).toBe('CONFIRMED')

  // Declined a minute later: the next export withdraws the event the calendar already has.
  clock.advance(60_000)
  await board.show()
  await board.openCard('Zoë Ångström')
  await new ContactWorkflowPage(page).markRequest(
    'Staff Engineer; Platform',
    'Globex, Inc.',
    'Mark declined',
  )
  await panel.close()
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Import / Export' })
    .click()
  await page.getByRole('button', { name: 'Export', exact: true }).click()
  const [next] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: 'Calendar: due dates and thank-yous (.ics)' }).click(),
  ])
  const [withdrawn] = await statusesIn(await next.path())
  expect(withdrawn).toMatchObject({ uid: live?.uid, status: 'CANCELLED' })
  expect(withdrawn?.sequence).toBeGreaterThan(live?.sequence ?? Infinity)
})

/** The UID, STATUS and SEQUENCE of each event in an .ics file. */
async function statusesIn(
  path: string,
): Promise<{ uid: string; status: unknown; sequence: number }[]> {
  const text = await readFile(path, 'utf8')
  return ICAL.Component.fromString(text)
    .getAllSubcomponents('vevent')
    .map((vevent) => ({
      uid: new ICAL.Event(vevent).uid,
      status: vevent.getFirstPropertyValue('status'),
      sequence: new ICAL.Event(vevent).sequence,
    }))
}
