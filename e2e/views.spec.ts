import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { Core } from '../electron/core/types'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { BoardPage } from './pages/BoardPage'
import { CommandPalettePage } from './pages/CommandPalettePage'
import { ViewsNavPage } from './pages/ViewsNavPage'
import { seedPeople } from './seed'

// Saved views as a user of Linear's sidebar expects them: saved from the board's toolbar,
// listed under Views in the sidebar, opened from there or the palette after a restart, renamed
// and deleted from their menu. Over 3,000 people.

const PEOPLE = 3000

/** 3,000 people; the 1,000 at Northwind and Harbor are tagged mentor. */
async function seed(core: Core): Promise<void> {
  await seedPeople(core, PEOPLE)
  const { ids } = await core.call('contact.ids', {
    filter: { companies: ['Northwind', 'Harbor'] },
  })
  expect(ids).toHaveLength(1000)
  await core.call('contact.bulk', { ids, addTags: ['mentor'] })
}

async function viewNames(core: Core): Promise<string[]> {
  return (await core.call('settings.get', {})).savedViews.map((v) => v.name)
}

/** Axe in light and dark (the a11y spec's tags), failing softly so one run lists everything. */
async function expectAccessible(page: Page, what: string): Promise<void> {
  const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const results = await new AxeBuilder({ page }).withTags(tags).analyze()
    const found = results.violations.map((v) => ({
      rule: v.id,
      nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`),
    }))
    expect.soft(found, `${what}, ${colorScheme}`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
}

test('a view saved with a filter, sort and lanes opens from the sidebar after a restart, then is renamed and deleted there', async ({
  vouch,
}) => {
  test.setTimeout(240_000)
  let core = await vouch.core()
  await seed(core)
  const page = await vouch.open()
  const app = new AppPage(page)
  const board = new BoardPage(page)
  const views = new ViewsNavPage(page)
  const sort = page.getByRole('combobox', { name: 'Sort' })
  const lanes = page.getByRole('combobox', { name: 'Lanes' })
  const chips = page.getByTestId('filter-chip')

  // Nothing saved yet: no Views group.
  await board.show()
  await expect(board.count).toHaveText('3,000 people')
  await expect(views.list).toHaveCount(0)

  await board.filter({ tags: ['mentor'] })
  await board.sortBy('Name')
  await lanes.selectOption({ label: 'Company' })
  await expect(board.count).toHaveText('1,000 of 3,000 people')
  await expect(page.getByTestId('lane')).toHaveCount(2)
  await board.saveView('Mentors by name')
  await expect(app.toast('Saved the view “Mentors by name”.')).toBeVisible()
  await expect(views.item('Mentors by name')).toHaveAttribute('aria-current', 'true')
  // The form is gone: focus is on the new view in the sidebar, not lost to the page.
  await expect(views.item('Mentors by name')).toBeFocused()
  await expect(board.savedViews).toHaveCount(0)

  // A second view; then a third under a name already taken asks first, and replaces it.
  await board.sortBy('Recently added')
  await board.saveView('Recent mentors')
  await expect(views.item('Recent mentors')).toHaveAttribute('aria-current', 'true')
  await expect(views.item('Mentors by name')).not.toHaveAttribute('aria-current', 'true')
  await board.sortBy('Last touch')
  await board.saveView('recent MENTORS')
  await expect(board.savedViews.getByRole('alert')).toHaveText(
    'A view named “Recent mentors” already exists. Replace it with this one?',
  )
  expect(await viewNames(core)).toEqual(['Mentors by name', 'Recent mentors'])
  await board.savedViews.getByRole('button', { name: 'Replace', exact: true }).click()
  await expect(app.toast('Replaced the view “recent MENTORS”.')).toBeVisible()
  await expect(views.item('recent MENTORS')).toHaveAttribute('aria-current', 'true')
  await expect(views.item('recent MENTORS')).toBeFocused()
  const stored = (await core.call('settings.get', {})).savedViews
  expect(stored.map((v) => [v.name, v.query])).toEqual([
    ['Mentors by name', { filter: { tags: ['mentor'] }, sort: 'name', groupBy: 'company' }],
    ['recent MENTORS', { filter: { tags: ['mentor'] }, sort: 'last-touch', groupBy: 'company' }],
  ])

  // Restart: the board opens unfiltered; the views are still in the sidebar.
  await vouch.restart()
  core = await vouch.core()
  await expect(app.nav('Today')).toHaveAttribute('aria-current', 'page')
  await expect(views.list.getByRole('button', { name: /^(Mentors|recent)/ })).toHaveText([
    'Mentors by name',
    'recent MENTORS',
  ])
  await expect(views.item('Mentors by name')).not.toHaveAttribute('aria-current', 'true')

  // From Today, the sidebar opens the board with the view's chips, sort, lanes and count.
  await views.open('Mentors by name')
  await expect(app.nav('Board')).toHaveAttribute('aria-current', 'page')
  await expect(chips).toHaveText([/^Tag: mentor/])
  await expect(sort).toHaveValue('name')
  await expect(lanes).toHaveValue('company')
  await expect(board.count).toHaveText('1,000 of 3,000 people')
  const summary = await core.call('board.summary', {
    filter: { tags: ['mentor'] },
    groupBy: 'company',
  })
  expect(summary.matching).toBe(1000)
  await expect(page.getByTestId('lane')).toHaveCount(2)
  for (const [i, lane] of summary.lanes.entries()) {
    const shown = page.getByTestId('lane').nth(i)
    await expect(shown).toHaveAttribute('aria-label', `Lane ${lane.label}`)
    const first = await core.call('contact.query', {
      filter: { tags: ['mentor'] },
      groupBy: 'company',
      lane: lane.key,
      stage: 'identified',
      sort: 'name',
      limit: 1,
    })
    expect(first.total).toBe(500)
    await expect(shown.getByTestId('card').first().locator('.card-name')).toHaveText(
      first.items[0]?.name ?? '',
    )
  }
  await expect(board.savedViews).toHaveCount(0)

  // Keyboard: Tab reaches the items like the other nav links; Enter opens one.
  await app.goTo('Today')
  await views.item('recent MENTORS').focus()
  await page.keyboard.press('Enter')
  await expect(views.item('recent MENTORS')).toHaveAttribute('aria-current', 'true')
  await expect(sort).toHaveValue('last-touch')
  await page.keyboard.press('Tab')
  await expect(views.menuButton('recent MENTORS')).toBeFocused()

  // The palette lists every view as "Go to view: <name>".
  await app.goTo('Today')
  const palette = new CommandPalettePage(page)
  await palette.open()
  await palette.type('mentors by')
  await expect(palette.selectedOption).toHaveText('Go to view: Mentors by name')
  await page.keyboard.press('Enter')
  await palette.expectClosed()
  await expect(views.item('Mentors by name')).toHaveAttribute('aria-current', 'true')
  await expect(sort).toHaveValue('name')
  await expect(board.count).toHaveText('1,000 of 3,000 people')

  await expectAccessible(page, 'the sidebar with saved views')

  // Rename from the item's menu: a taken name is refused in words, a free one is saved.
  await views.menuButton('Mentors by name').click()
  await expectAccessible(page, 'a saved view’s menu')
  await page.keyboard.press('Escape')
  await expect(views.menuButton('Mentors by name')).toBeFocused()
  await views.rename('Mentors by name', 'Recent Mentors')
  await expect(views.list.getByRole('alert')).toHaveText(
    'A view named “recent MENTORS” already exists: pick another name.',
  )
  const field = views.list.getByRole('textbox', { name: 'Rename Mentors by name' })
  await field.fill('Mentors, A–Z (Northwind & Harbor)')
  await field.press('Enter')
  await expect(views.item('Mentors, A–Z (Northwind & Harbor)')).toBeFocused()
  await expect(views.item('Mentors, A–Z (Northwind & Harbor)')).toHaveAttribute(
    'aria-current',
    'true',
  )
  expect(await viewNames(core)).toEqual(['Mentors, A–Z (Northwind & Harbor)', 'recent MENTORS'])

  // Delete from the menu, with Undo in the toast; the board keeps showing what it showed.
  await views.delete('Mentors, A–Z (Northwind & Harbor)')
  await expect(views.item('Mentors, A–Z (Northwind & Harbor)')).toHaveCount(0)
  await expect(views.item('recent MENTORS')).toBeFocused()
  await expect(board.count).toHaveText('1,000 of 3,000 people')
  await app.undoFromToast('Deleted the view “Mentors, A–Z (Northwind & Harbor)”.')
  await expect(views.item('Mentors, A–Z (Northwind & Harbor)')).toBeVisible()
  expect(await viewNames(core)).toEqual(['Mentors, A–Z (Northwind & Harbor)', 'recent MENTORS'])
  await views.delete('Mentors, A–Z (Northwind & Harbor)')
  await views.delete('recent MENTORS')
  await expect(views.list).toHaveCount(0)
  expect(await viewNames(core)).toEqual([])
  await expect(board.savedViews.getByRole('button', { name: 'Save view…' })).toBeVisible()
})

test('opening a view from the sidebar drops a selection made under another filter', async ({
  vouch,
}) => {
  const core = await vouch.core()
  await seed(core)
  await core.call('view.save', {
    name: 'Mentors',
    scope: 'board',
    query: { filter: { tags: ['mentor'] } },
  })
  const page = await vouch.open()
  const board = new BoardPage(page)
  const views = new ViewsNavPage(page)
  await board.show()
  await board.filter({ check: ['Never touched'] })
  await page.getByRole('button', { name: 'Select all 3,000 matching' }).click()
  await expect(board.bulkBar).toContainText('3,000 people selected')
  await views.open('Mentors')
  await expect(board.count).toHaveText('1,000 of 3,000 people')
  await expect(board.bulkBar).toHaveCount(0)
})
