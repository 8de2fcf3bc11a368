import AxeBuilder from '@axe-core/playwright'
import type { Locator, Page } from '@playwright/test'
import type { Core } from '../electron/core/types'
import { expect, test, type VouchHarness } from './fixtures'
import { AppPage, type ViewName } from './pages/AppPage'
import { BoardPage } from './pages/BoardPage'
import { CommandPalettePage } from './pages/CommandPalettePage'
import { ShortcutsOverlayPage } from './pages/ShortcutsOverlayPage'
import { seedPeople } from './seed'
import { InboxPage } from './pages/TriagePages'

// axe over every view and dialog, in the light and the dark colour scheme: WCAG 2.1 A/AA,
// WCAG 2.2 AA (24 px targets) and axe's best practices.
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']

/** Run axe in both schemes and fail (softly, so one run lists everything) on any violation. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const results = await new AxeBuilder({ page }).withTags(TAGS).analyze()
    const found = results.violations.map((v) => ({
      rule: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }))
    expect.soft(found, `${what}, ${colorScheme}`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

/** A board of people, one with a given reference that is owed a thank-you. */
async function seed(core: Core): Promise<void> {
  await seedPeople(core, 60)
  // Some people wait in the Inbox and some are archived, so those views are not empty.
  const waiting = await core.call('contact.query', { limit: 12 })
  const ids = waiting.items.map((c) => c.id)
  await core.call('contact.bulk', { ids: ids.slice(0, 8), set: { triage: 'inbox' } })
  await core.call('contact.bulk', { ids: ids.slice(8), set: { triage: 'archived' } })
  await core.call('contact.create', { name: 'Ada Lovelace', stage: 'building' })
  const grace = await core.call('contact.create', {
    name: 'Grace Hopper',
    title: 'Rear Admiral',
    company: 'US Navy',
    stage: 'in-touch',
  })
  const request = await core.call('request.create', {
    contactId: grace.id,
    company: 'Northwind',
    role: 'Staff Engineer',
  })
  await core.call('request.update', { id: request.id, status: 'agreed' })
  await core.call('request.update', { id: request.id, status: 'given' })
}

/** The seeded board, open in the page. */
async function openSeeded(vouch: VouchHarness): Promise<Page> {
  await seed(await vouch.core())
  return vouch.open()
}

// Four tests, each on its own seeded core, so Playwright's two workers share them. Each page
// pays once for axe's first, cold run and for its own seeding and load: eighteen tests (one per
// screen) took 187 s of worker time in a CI run, these four 135 s.
test.describe.configure({ timeout: 180_000 })

/** Goes to each view by the sidebar and checks it. */
async function expectViewsAccessible(page: Page, views: readonly ViewName[]): Promise<void> {
  const app = new AppPage(page)
  for (const view of views) {
    await app.goTo(view)
    await expect(app.nav(view)).toHaveAttribute('aria-current', 'page')
    await expectAccessible(page, view)
  }
}

test('Today, Inbox, Board, Updates, Coverage and Dashboard are accessible, light and dark', async ({
  vouch,
}) => {
  const page = await openSeeded(vouch)
  await expectViewsAccessible(page, ['Today', 'Inbox', 'Board', 'Updates', 'Coverage', 'Dashboard'])
})

test('Archive, Trash, triage, Import / Export and Settings are accessible, light and dark', async ({
  vouch,
}) => {
  const page = await openSeeded(vouch)
  await expectViewsAccessible(page, ['Archive', 'Trash'])
  // Triage: the Inbox one person at a time.
  await new AppPage(page).goTo('Inbox')
  await new InboxPage(page).startTriage()
  await expect(page.getByTestId('triage-view')).toBeVisible()
  await expectAccessible(page, 'Triage')
  for (const name of ['Import / Export', 'Settings']) {
    const nav = page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name })
    await nav.click()
    await expect(nav).toHaveAttribute('aria-current', 'page')
    await expectAccessible(page, name)
  }
})

/** Opens the board and Grace Hopper's panel; returns the panel. */
async function openGrace(page: Page): Promise<Locator> {
  const board = new BoardPage(page)
  await board.show()
  await board.openCard('Grace Hopper')
  const panel = page.getByTestId('contact-panel')
  await expect(panel).toBeVisible()
  return panel
}

test('the palette, shortcuts, quick log, contact panel, log form and brief are accessible', async ({
  vouch,
}) => {
  const page = await openSeeded(vouch)
  const palette = new CommandPalettePage(page)

  await palette.open()
  await palette.type('Grace')
  await expect(palette.option('Grace Hopper')).toBeVisible()
  await expectAccessible(page, 'palette')
  await page.keyboard.press('Escape')

  await new ShortcutsOverlayPage(page).open()
  await expectAccessible(page, 'shortcuts overlay')
  await page.keyboard.press('Escape')

  // The quick log: l with nobody in view asks who.
  await page.keyboard.press('l')
  await expect(page.getByRole('dialog', { name: /log/i })).toBeVisible()
  await expectAccessible(page, 'quick log')
  await page.keyboard.press('Escape')

  const panel = await openGrace(page)
  await expectAccessible(page, 'contact panel')

  await panel.getByRole('button', { name: 'Log touch with Grace Hopper' }).click()
  const logForm = panel.getByRole('form', { name: 'Log a touch with Grace Hopper' })
  await expect(logForm).toBeVisible()
  await expectAccessible(page, 'log touch')
  await logForm.getByRole('button', { name: 'Cancel' }).click()

  await panel.getByRole('button', { name: 'Brief' }).click()
  await expect(page.getByRole('dialog', { name: /brief/i })).toBeVisible()
  await expectAccessible(page, 'brief')
})

test('the thank-you and request dialogs, new contact panel, toast and card menu are accessible', async ({
  vouch,
}) => {
  const page = await openSeeded(vouch)
  const panel = await openGrace(page)

  await panel.getByRole('button', { name: 'Say thank you' }).click()
  await expect(page.getByTestId('thank-you-dialog')).toBeVisible()
  await expectAccessible(page, 'thank-you dialog')
  await page.keyboard.press('Escape')

  await panel.getByRole('button', { name: 'Ask for a reference…' }).click()
  await expect(page.getByTestId('request-dialog')).toBeVisible()
  await expectAccessible(page, 'request dialog')
  await page.keyboard.press('Escape')

  await page.keyboard.press('n')
  await expect(panel.getByRole('heading', { name: 'New contact' })).toBeVisible()
  await expectAccessible(page, 'new contact panel')
  await panel.getByLabel('Name', { exact: true }).fill('Hedy Lamarr')
  await panel.getByRole('button', { name: 'Add contact' }).click()
  await expect(page.getByTestId('toast').filter({ hasText: 'Hedy Lamarr' })).toBeVisible()
  await expectAccessible(page, 'a toast')

  await page.getByRole('button', { name: 'Move or delete Hedy Lamarr', exact: true }).click()
  await expect(page.getByRole('menu', { name: 'Move or delete Hedy Lamarr' })).toBeVisible()
  await expectAccessible(page, 'card menu')
})
