import type { Output } from '@shared/ipc'
import type { Core } from '../electron/core/types'
import { expect, FakeClock, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { BoardPage } from './pages/BoardPage'
import { ImportPage } from './pages/import'
import { TodayPage } from './pages/TodayPage'
import { ArchivePage, InboxPage, TriagePage } from './pages/TriagePages'
import { connection, linkedInConnectionsCsv } from './linkedinCsv'

async function query(
  core: Core,
  triage: 'inbox' | 'kept' | 'archived',
  limit = 500,
): Promise<Output<'contact.query'>> {
  return core.call('contact.query', { triage, sort: 'name', limit })
}

async function names(core: Core, triage: 'inbox' | 'kept' | 'archived'): Promise<string[]> {
  return (await query(core, triage)).items.map((c) => c.name).sort()
}

async function importCsv(page: ImportPage, rows: number): Promise<void> {
  await page.open()
  await page.chooseFile('Connections.csv', linkedInConnectionsCsv(rows), 'text/csv')
  await expect(page.preview).toContainText('LinkedIn connections')
}

test('2,000 LinkedIn connections land in the Inbox and are triaged with the keyboard', async ({
  page,
  vouch,
}) => {
  await vouch.open()
  const core = await vouch.core()
  const app = new AppPage(page)
  const wizard = new ImportPage(page)
  await importCsv(wizard, 2000)
  const placeOnBoard = page.getByRole('checkbox', { name: /Put them straight on the board/ })
  await expect(placeOnBoard).not.toBeChecked()
  await wizard.commit()
  await wizard.expectResult('Imported Connections.csv: 2000 added, 0 merged, 0 skipped.')

  // All of them wait in the Inbox: none on the board, none in Today.
  expect((await query(core, 'inbox', 1)).total).toBe(2000)
  expect((await query(core, 'kept', 1)).total).toBe(0)
  await expect(app.nav('Inbox')).toHaveAccessibleName('Inbox, 2,000 to look at')
  await app.goTo('Today')
  const today = new TodayPage(page)
  await expect(today.view.getByTestId('today-inbox')).toHaveText(
    '2,000 people wait in your Inbox · Start triage',
  )
  await expect(today.view.getByRole('region')).toHaveCount(0)
  await app.goTo('Board')
  await expect(page.getByTestId('card')).toHaveCount(0)

  // The Inbox lists them, a window at a time.
  await app.goTo('Inbox')
  const inbox = new InboxPage(page)
  await expect(inbox.rows.first()).toBeVisible()
  expect(await inbox.rows.count()).toBeLessThan(100)
  await inbox.search.fill(connection(1234).name)
  await expect(inbox.rows).toHaveCount(1)
  await inbox.search.fill('')

  await inbox.startTriage()
  const triage = new TriagePage(page)
  await expect(triage.left).toHaveText('2,000 of 2,000 left')

  const kept: string[] = []
  const archived: string[] = []
  const decide = async (key: 'k' | 'a' | 's', before?: () => Promise<void>) => {
    const name = await triage.currentName()
    await before?.()
    await triage.press(key)
    await expect(triage.name).not.toHaveText(name)
    if (key === 'k') kept.push(name)
    if (key === 'a') archived.push(name)
    return name
  }
  // Credibility 4 set with its key in the same step as Keep.
  const rated = await decide('k', () => triage.press('4'))
  await decide('a')
  await decide('s')
  await decide('k')
  await decide('a')
  const changedMind = await decide('k')
  // Ctrl/Cmd+Z takes back the last decision: the same person is on screen again.
  await page.keyboard.press('ControlOrMeta+z')
  await expect(triage.name).toHaveText(changedMind)
  kept.pop()
  await decide('a')
  await decide('s')
  await decide('k')
  await decide('a')
  await decide('k')
  await expect(triage.left).toHaveText('1,990 of 2,000 left')

  // The core has them where the keys put them.
  await expect.poll(() => names(core, 'kept')).toEqual([...kept].sort())
  await expect.poll(() => names(core, 'archived')).toEqual([...archived].sort())
  expect((await query(core, 'inbox', 1)).total).toBe(2000 - kept.length - archived.length)
  const keptPeople = (await query(core, 'kept')).items
  expect(keptPeople.every((c) => c.stage === 'identified')).toBe(true)
  expect(keptPeople.find((c) => c.name === rated)?.credibility).toBe(4)
  expect(keptPeople.find((c) => c.name === changedMind)).toBeUndefined()

  // The board shows the kept ones in Identified.
  await app.goTo('Board')
  const board = new BoardPage(page)
  await expect(board.cardsIn('Identified')).toHaveCount(kept.length)
  for (const name of kept) await expect(board.card(name)).toHaveCount(1)
  await expect(app.nav('Archive')).toHaveAccessibleName(`Archive, ${archived.length} people`)

  // The Archive lists the archived ones; search finds one; restore to the board and to the Inbox.
  await app.goTo('Archive')
  const archive = new ArchivePage(page)
  await expect(archive.rows).toHaveCount(archived.length)
  const [toBoard, toInbox] = archived
  if (!toBoard || !toInbox) throw new Error('expected two archived people')
  await archive.search.fill(toBoard)
  await expect(archive.rows).toHaveCount(1)
  await archive.restoreToBoard(toBoard)
  await expect(archive.rows).toHaveCount(0)
  await archive.search.fill('')
  await expect(archive.rows).toHaveCount(archived.length - 1)
  await archive.sendToInbox(toInbox)
  await expect(archive.rows).toHaveCount(archived.length - 2)
  await expect.poll(() => names(core, 'kept')).toEqual([...kept, toBoard].sort())
  const inboxNow = await core.call('contact.query', {
    triage: 'inbox',
    filter: { text: toInbox },
    limit: 5,
  })
  // Search words match inside words ("5" finds "1152" too): look for the exact name.
  expect(inboxNow.items.filter((c) => c.name === toInbox)).toHaveLength(1)
})

test('the import puts 50 people or fewer on the board by default, more in the Inbox', async ({
  page,
  vouch,
}) => {
  await vouch.open()
  const core = await vouch.core()
  const wizard = new ImportPage(page)
  const placeOnBoard = page.getByRole('checkbox', { name: /Put them straight on the board/ })

  await importCsv(wizard, 51)
  await expect(placeOnBoard).not.toBeChecked()
  await wizard.preview.getByRole('button', { name: 'Cancel' }).click()

  await importCsv(wizard, 50)
  await expect(placeOnBoard).toBeChecked()
  await wizard.commit()
  await wizard.expectResult('Imported Connections.csv: 50 added, 0 merged, 0 skipped.')
  expect((await query(core, 'kept', 1)).total).toBe(50)
  expect((await query(core, 'inbox', 1)).total).toBe(0)
})

test('bulk: keep a few and archive all the rest of the Inbox at once', async ({ page, vouch }) => {
  await vouch.open()
  const core = await vouch.core()
  const wizard = new ImportPage(page)
  await importCsv(wizard, 300)
  await wizard.commit()
  await wizard.result.getByRole('button', { name: 'Open the Inbox' }).click()
  const inbox = new InboxPage(page)
  await expect(inbox.rows.nth(1)).toBeVisible()
  const [first, second] = await Promise.all(
    [0, 1].map(async (i) => (await inbox.rows.nth(i).getAttribute('aria-label')) ?? ''),
  )
  if (!first || !second) throw new Error('expected two rows')
  await inbox.search.fill(first)
  await expect(inbox.rows).toHaveCount(1)
  await inbox.select(first)
  await inbox.search.fill('')
  await expect(inbox.rows.nth(20)).toBeVisible()
  // A new search starts with nothing selected.
  await expect(inbox.selectionCount).toHaveCount(0)
  await inbox.select(first)
  await inbox.select(second)
  await expect(inbox.selectionCount).toHaveText('2 selected')
  await inbox.bulk('Keep')
  await expect.poll(() => names(core, 'kept')).toEqual([first, second].sort())
  await inbox.selectAllMatching()
  await expect(inbox.selectionCount).toHaveText('298 selected')
  await inbox.bulk('Archive')
  await expect(inbox.view.getByText('The Inbox is empty')).toBeVisible()
  expect((await query(core, 'archived', 1)).total).toBe(298)
})

const DAY = 24 * 60 * 60 * 1000

test('Today shows the first 50 of 120 overdue people, then more', async ({ page, vouch }) => {
  const now = new Date('2026-06-01T10:00:00Z').getTime()
  const clock = new FakeClock(now - 200 * DAY)
  await vouch.open({ now: clock.now })
  const core = await vouch.core()
  for (let i = 0; i < 120; i++) {
    await core.call('contact.create', {
      name: `Overdue ${String(i + 1).padStart(3, '0')}`,
      stage: 'building',
    })
  }
  clock.set(now)
  await page.reload()
  const today = new TodayPage(page)
  const section = today.section('Get in touch')
  await expect(section.getByRole('heading')).toHaveText('Get in touch 120')
  await expect(section.getByTestId('overdue')).toHaveCount(50)
  await section.getByRole('button', { name: 'Show more (70 not shown)' }).click()
  await expect(section.getByTestId('overdue')).toHaveCount(100)
  await section.getByRole('button', { name: 'Show more (20 not shown)' }).click()
  await expect(section.getByTestId('overdue')).toHaveCount(120)
  await expect(section.getByRole('button', { name: /Show more/ })).toHaveCount(0)
})

test('first run: Today leads to Import and to adding a person, with no empty lists', async ({
  page,
  vouch,
}) => {
  await vouch.open()
  const today = new TodayPage(page)
  const firstRun = today.view.getByTestId('today-first-run')
  await expect(firstRun).toBeVisible()
  await expect(today.view.getByRole('region')).toHaveCount(0)
  await expect(today.view).not.toContainText('(0)')
  await firstRun.getByRole('button', { name: /Import from LinkedIn/ }).click()
  await expect(page.getByRole('heading', { name: 'Import / Export' })).toBeVisible()
  await new AppPage(page).goTo('Today')
  await firstRun.getByRole('button', { name: /Add a person/ }).click()
  await expect(page.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused()
})

test('the triage queue is narrowed by email, title and company', async ({ page, vouch }) => {
  await vouch.open()
  const core = await vouch.core()
  const rows = 300
  const preview = await core.call('import.preview', {
    fileName: 'Connections.csv',
    dataBase64: Buffer.from(linkedInConnectionsCsv(rows), 'utf8').toString('base64'),
  })
  await core.call('import.commit', { token: preview.token, duplicates: 'skip' })
  const people = Array.from({ length: rows }, (_, i) => connection(i))
  const withEmail = people.filter((c) => c.email !== '')
  const founders = people.filter((c) => c.title.toLowerCase().includes('founder'))
  const company = founders[0]?.company ?? ''
  const companyFounders = founders.filter((c) => c.company === company)
  expect(companyFounders.length).toBeGreaterThan(0)
  expect(companyFounders.length).toBeLessThan(founders.length)

  await page.reload()
  await new AppPage(page).goTo('Inbox')
  await new InboxPage(page).startTriage()
  const triage = new TriagePage(page)
  await expect(triage.left).toHaveText(`${rows} of ${rows} left`)
  await triage.view.getByRole('checkbox', { name: 'Has email' }).check()
  await expect(triage.left).toHaveText(`${withEmail.length} of ${withEmail.length} left`)
  await expect(triage.view.getByText('Email', { exact: true }).locator('+ dd')).toContainText(
    '@example.com',
  )
  await triage.view.getByRole('checkbox', { name: 'Has email' }).uncheck()
  await triage.filter('Title contains').fill('FOUNDER')
  await expect(triage.left).toHaveText(`${founders.length} of ${founders.length} left`)
  // Company is matched whole, ignoring case.
  await triage.filter('Company').fill(company.toUpperCase())
  await expect(triage.left).toHaveText(
    `${companyFounders.length} of ${companyFounders.length} left`,
  )
  // The queue's default order: most recently connected first, ties in file (board) order.
  const newest = [...companyFounders].sort((a, b) =>
    a.connectedOn === b.connectedOn ? 0 : a.connectedOn < b.connectedOn ? 1 : -1,
  )
  await expect(triage.name).toHaveText(newest[0]?.name ?? '')
})
