import type { Stage } from '@shared/domain'
import type { Input } from '@shared/ipc'
import type { Core } from '../electron/core/types'
import { expect, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'
import { ViewsNavPage } from './pages/ViewsNavPage'
import { WorkflowDialogs } from './pages/WorkflowDialogs'
import { seedPeople } from './seed'

type Seed = Pick<Input<'contact.create'>, 'name' | 'stage' | 'tags' | 'company'>

/** Create people through the real core; each column lists them newest first. */
async function seed(core: Core, people: readonly Seed[]): Promise<string[]> {
  const ids: string[] = []
  for (const person of people) {
    ids.push((await core.call('contact.create', person)).id)
  }
  return ids
}

/** Names in a stage as the core has it, top to bottom. */
async function stageNames(core: Core, stage: Stage): Promise<string[]> {
  return (await core.call('contact.query', { stage, limit: 500 })).items.map((c) => c.name)
}

async function stageCount(core: Core, stage: Stage): Promise<number> {
  return (await core.call('board.summary', {})).counts[stage] ?? -1
}

const pad = (i: number) => String(i).padStart(4, '0')

test('filter by tag and due state, select all matching, move them in bulk, and one Undo puts them back', async ({
  vouch,
}) => {
  const core = await vouch.core()
  // 2,000 people; every fourth is tagged ml; 100 of those have been touched (so not "never").
  // Seeded by one import and two bulk tags: 2,000 single creates outlast the test on busy cores.
  await seedPeople(core, 2000)
  const { ids } = await core.call('contact.ids', {})
  await core.call('contact.bulk', { ids: ids.filter((_, i) => i % 4 === 0), addTags: ['ml'] })
  await core.call('contact.bulk', { ids: ids.filter((_, i) => i % 4 !== 0), addTags: ['ops'] })
  for (let i = 0; i < 400; i += 4) {
    const id = ids[i]
    if (id === undefined) throw new Error(`no person ${i}`)
    await core.call('interaction.log', { contactId: id, kind: 'call' })
  }
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  await expect(board.count).toHaveText('2,000 people')

  await board.filter({ tags: ['ml'], check: ['Never touched'] })
  await expect(page.getByTestId('filter-chip')).toHaveText([/Due: Never touched/, /Tag: ml/])
  await expect(board.count).toHaveText('400 of 2,000 people')

  await page.getByRole('button', { name: 'Select all 400 matching' }).click()
  await expect(board.bulkBar).toContainText('400 people selected')
  await board.bulkBar
    .getByRole('combobox', { name: 'Move selected to stage' })
    .selectOption({ label: 'Building' })
  const toast = page.getByRole('status', { name: 'Notifications' })
  await expect(toast).toContainText('Moved 400 people to Building')
  // The bar goes away with the selection; focus never falls to <body>.
  await expect(board.bulkBar).toHaveCount(0)
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.tagName ?? 'none'))
    .not.toBe('BODY')
  await expect(board.column('Building').getByTestId('column-count')).toHaveText('400')
  await expect.poll(() => stageCount(core, 'building')).toBe(400)

  await toast.getByRole('button', { name: 'Undo' }).click()
  await expect(board.column('Building').getByTestId('column-count')).toHaveText('0')
  await expect(board.column('Identified').getByTestId('column-count')).toHaveText('400')
  await expect.poll(() => stageCount(core, 'identified')).toBe(2000)

  // One click clears every filter.
  await page.getByRole('button', { name: 'Clear all' }).click()
  await expect(board.count).toHaveText('2,000 people')
  await expect(page.getByTestId('filter-chip')).toHaveCount(0)
})

test('a saved view lists in the sidebar’s views and survives a restart', async ({ vouch }) => {
  const core = await vouch.core()
  await seed(core, [
    { name: 'Zoe Adams', tags: ['ml'] },
    { name: 'Ada Byron', tags: ['ml'] },
    { name: 'Carl Dunn', tags: ['ops'] },
  ])
  const page = await vouch.open()
  const board = new BoardPage(page)
  const views = new ViewsNavPage(page)
  await board.show()
  await board.filter({ tags: ['ml'] })
  await board.sortBy('Name')
  await board.expectColumn('Identified', ['Ada Byron', 'Zoe Adams'])
  await board.saveView('ML by name')
  await expect(views.item('ML by name')).toHaveAttribute('aria-current', 'true')

  await vouch.restart()
  await board.show()
  await board.expectColumn('Identified', ['Carl Dunn', 'Ada Byron', 'Zoe Adams'])
  await views.open('ML by name')
  await board.expectColumn('Identified', ['Ada Byron', 'Zoe Adams'])
  await expect(board.count).toHaveText('2 of 3 people')
})

test('the fourth card into Asked shows "4 / 3" and a gentle note, and nothing is refused', async ({
  vouch,
}) => {
  const core = await vouch.core()
  await seed(core, [
    { name: 'Asked One', stage: 'asked' },
    { name: 'Asked Two', stage: 'asked' },
    { name: 'Asked Three', stage: 'asked' },
    { name: 'Dana Fourth', stage: 'in-touch' },
  ])
  const page = await vouch.open()
  const board = new BoardPage(page)
  const dialogs = new WorkflowDialogs(page)
  await board.show()
  const count = board.column('Asked').getByTestId('column-count')
  await expect(count).toHaveText('3 / 3')
  await expect(count).not.toHaveClass(/column-count-over/)

  await board.dragCard('Dana Fourth', 'Asked')
  await dialogs.fillRequest({ company: 'Acme', role: 'Staff engineer' })
  await dialogs.submitRequest()

  await expect(count).toHaveText('4 / 3')
  await expect(count).toHaveClass(/column-count-over/)
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Asked now has 4 people, over your soft limit of 3. Nothing was refused.',
  )
  await expect.poll(() => stageCount(core, 'asked')).toBe(4)
})

test('a keyboard move from the middle of a 500-card column crosses three columns without losing focus or leaving a ghost', async ({
  vouch,
}) => {
  const core = await vouch.core()
  // Created in reverse, so the column reads Card 0000 … Card 0499 from the top.
  await seed(
    core,
    Array.from({ length: 500 }, (_, i) => ({ name: `Card ${pad(499 - i)}` })),
  )
  await seed(core, [{ name: 'Inez Touch', stage: 'in-touch' }])
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  await board.scrollTo('Identified', 250)
  const handle = board.cardHandle('Card 0250')
  await handle.focus()
  await page.keyboard.press('Space')
  await board.expectAnnounced(/^Picked up Card 0250\. In Identified, position 251 of 500\./)

  // Far past where a virtualized column used to cancel the move.
  for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown')
  await board.expectAnnounced('Moved to Identified, position 281 of 500.')
  await expect(handle).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await board.expectAnnounced('Moved to Building, position 1 of 1.')
  await page.keyboard.press('ArrowRight')
  await board.expectAnnounced('Moved to In touch, position 1 of 2.')
  await page.keyboard.press('ArrowDown')
  await board.expectAnnounced('Moved to In touch, position 2 of 2.')
  await expect(handle).toBeFocused()
  await page.keyboard.press('Space')
  await board.expectAnnounced('Dropped Card 0250 in In touch, position 2 of 2.')

  await board.expectColumn('In touch', ['Inez Touch', 'Card 0250'])
  await expect(handle).toBeFocused()
  // No ghost: the card is drawn once, nothing stays lifted, and Identified counts 499.
  await expect(page.locator(`[data-contact-id="${await board.idOf('Card 0250')}"]`)).toHaveCount(1)
  await expect(page.locator('[aria-pressed="true"]')).toHaveCount(0)
  await expect(page.locator('.card-placeholder, .card-lifted')).toHaveCount(0)
  await expect(board.column('Identified').getByTestId('column-count')).toHaveText('499')
  await expect.poll(() => stageNames(core, 'in-touch')).toEqual(['Inez Touch', 'Card 0250'])
})

test('grouped by relationship, a keyboard move from the middle of a lane climbs into the lane above and across columns, and one Undo restores it', async ({
  vouch,
}) => {
  // Seeding 3,000 people and a hundred key presses: more than the default budget on 2 busy cores.
  test.slow()
  const core = await vouch.core()
  // 3,000 people: lanes of 1,200 colleagues, 1,000 former managers and 800 friends, each with
  // hundreds in Building.
  await seedPeople(core, 3000)
  const { ids } = await core.call('contact.ids', {})
  expect(ids).toHaveLength(3000)
  const groups = [
    { relationship: 'colleague', from: 0, to: 1200, building: 400 },
    { relationship: 'former-manager', from: 1200, to: 2200, building: 200 },
    { relationship: 'friend', from: 2200, to: 3000, building: 100 },
  ] as const
  for (const g of groups) {
    await core.call('contact.bulk', {
      ids: ids.slice(g.from, g.from + g.building),
      set: { relationship: g.relationship, stage: 'building' },
    })
    await core.call('contact.bulk', {
      ids: ids.slice(g.from + g.building, g.to),
      set: { relationship: g.relationship },
    })
  }
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  await board.groupBy('Relationship')
  await expect(page.getByTestId('lane')).toHaveCount(3)
  await expect(board.lane('Former manager')).toContainText('1,000 people')

  const fromList = board.laneList('Former manager', 'Building')
  await board.scrollTo(fromList, 100)
  const name = await fromList.locator('[data-index="100"] .card-name').innerText()
  const id = await board.idOf(name)
  const handle = board.cardHandle(name)
  await handle.focus()
  await page.keyboard.press('Space')
  await board.expectAnnounced(
    `Picked up ${name}. In Building, Lane Former manager, position 101 of 200. ` +
      'Use the arrow keys to move, Space to drop, Escape to cancel.',
  )
  for (let i = 0; i < 100; i++) await page.keyboard.press('ArrowUp')
  await board.expectAnnounced('Moved to Building, Lane Former manager, position 1 of 200.')
  // Past the top of its cell: to the end of the same stage in the lane above.
  await page.keyboard.press('ArrowUp')
  await board.expectAnnounced('Moved to Building, Lane Colleague, position 401 of 401.')
  await expect(handle).toBeFocused()
  await expect(
    board.laneList('Colleague', 'Building').getByTestId('card').filter({ has: handle }),
  ).toHaveCount(1)
  // Across In touch and Asked (the move passes through them; only a drop there asks for a form).
  await page.keyboard.press('ArrowRight')
  await board.expectAnnounced('Moved to In touch, Lane Colleague, position 1 of 1.')
  await page.keyboard.press('ArrowRight')
  await board.expectAnnounced('Moved to Asked, Lane Colleague, position 1 of 1.')
  await page.keyboard.press('ArrowRight')
  await board.expectAnnounced('Moved to Gave reference, Lane Colleague, position 1 of 1.')
  await expect(handle).toBeFocused()
  await page.keyboard.press('Space')
  await board.expectAnnounced(`Dropped ${name} in Gave reference, Lane Colleague, position 1 of 1.`)

  await expect(board.laneList('Colleague', 'Gave reference').locator('.card-name')).toHaveText([
    name,
  ])
  await expect(board.lane('Colleague')).toContainText('1,201 people')
  await expect(board.lane('Former manager')).toContainText('999 people')
  await expect(handle).toBeFocused()
  // No ghost: the card is drawn once, nothing stays lifted or left behind as a placeholder.
  await expect(page.locator(`[data-contact-id="${id}"]`)).toHaveCount(1)
  await expect(page.locator('[aria-pressed="true"]')).toHaveCount(0)
  await expect(page.locator('.card-placeholder, .card-lifted')).toHaveCount(0)
  await expect
    .poll(async () => {
      const c = await core.call('contact.get', { id })
      return `${c.relationship} ${c.stage}`
    })
    .toBe('colleague gave-reference')

  // One undo step puts back both the stage and the relationship.
  await page.keyboard.press('ControlOrMeta+z')
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    `Undone: Move ${name} to Gave reference`,
  )
  await expect
    .poll(async () => {
      const c = await core.call('contact.get', { id })
      return `${c.relationship} ${c.stage}`
    })
    .toBe('former-manager building')
  await expect(board.lane('Former manager')).toContainText('1,000 people')
  await expect(board.laneList('Colleague', 'Gave reference').getByTestId('card')).toHaveCount(0)
})

test('grouped, the arrow keys move focus past a lane’s edge into the nearest open lane, skipping collapsed ones', async ({
  vouch,
}) => {
  const core = await vouch.core()
  await seedPeople(core, 700)
  const { ids } = await core.call('contact.ids', {})
  const groups = [
    { relationship: 'colleague', from: 0, to: 300 },
    { relationship: 'mentor', from: 300, to: 550 },
    { relationship: 'friend', from: 550, to: 700 },
  ] as const
  for (const g of groups)
    await core.call('contact.bulk', {
      ids: ids.slice(g.from, g.to),
      set: { relationship: g.relationship, stage: 'building' },
    })
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  await board.groupBy('Relationship')
  // Biggest lane first: Colleague, Mentor, Friend.
  await expect(page.getByTestId('lane').locator('.lane-toggle')).toHaveText([
    /Colleague/,
    /Mentor/,
    /Friend/,
  ])
  await board
    .lane('Mentor')
    .getByRole('button', { name: /^Mentor/ })
    .click()
  await expect(board.laneList('Mentor', 'Building')).toHaveCount(0)

  const friends = board.laneList('Friend', 'Building')
  const first = friends.locator('[data-index="0"] .card-body')
  await first.focus()
  // Up from the top of Friend: Mentor is collapsed, so the last of Colleague's 300, scrolled to.
  await page.keyboard.press('ArrowUp')
  const colleagues = board.laneList('Colleague', 'Building')
  await expect(colleagues.locator('[data-index="299"] .card-body')).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await expect(first).toBeFocused()
  // Nothing above the first lane's first card: focus stays.
  await colleagues.evaluate((list) => (list.scrollTop = 0))
  await colleagues.locator('[data-index="0"] .card-body').focus()
  await page.keyboard.press('ArrowUp')
  await expect(colleagues.locator('[data-index="0"] .card-body')).toBeFocused()
})

test('grouped, a mouse drop into another lane changes the relationship with the move, in one Undo step', async ({
  vouch,
}) => {
  const core = await vouch.core()
  await seedPeople(core, 40)
  const { ids } = await core.call('contact.ids', {})
  await core.call('contact.bulk', {
    ids: ids.slice(0, 22),
    set: { relationship: 'colleague', stage: 'building' },
  })
  await core.call('contact.bulk', {
    ids: ids.slice(22),
    set: { relationship: 'friend', stage: 'building' },
  })
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  await board.groupBy('Relationship')
  const name = await board
    .laneList('Friend', 'Building')
    .locator('[data-index="3"] .card-name')
    .innerText()
  const id = await board.idOf(name)

  await board.dragCardToList(name, board.laneList('Colleague', 'In touch'))
  await board.expectAnnounced(`Dropped ${name} in In touch, Lane Colleague, position 1 of 1.`)
  await expect(board.lane('Colleague')).toContainText('23 people')
  await expect(page.locator(`[data-contact-id="${id}"]`)).toHaveCount(1)
  const state = async () => {
    const c = await core.call('contact.get', { id })
    return `${c.relationship} ${c.stage}`
  }
  await expect.poll(state).toBe('colleague in-touch')

  await page.keyboard.press('ControlOrMeta+z')
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    `Undone: Move ${name} to In touch`,
  )
  await expect.poll(state).toBe('friend building')
  await expect(board.lane('Friend')).toContainText('18 people')
  await expect(board.laneList('Colleague', 'In touch').getByTestId('card')).toHaveCount(0)
})
