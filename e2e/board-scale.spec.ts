import type { Core } from '../electron/core/types'
import { expect, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'
import { ViewsNavPage } from './pages/ViewsNavPage'
import { WorkflowDialogs } from './pages/WorkflowDialogs'

type Seed = { name: string; stage?: string; tags?: string[]; company?: string }

/** Create people through the real core; each column lists them newest first. */
async function seed(core: Core, people: readonly Seed[]): Promise<string[]> {
  const ids: string[] = []
  for (const person of people) {
    const result = await core.invoke('contact.create', person)
    if (!result.ok) throw new Error(JSON.stringify(result))
    const value: unknown = result.value
    if (typeof value !== 'object' || value === null || !('id' in value))
      throw new Error('contact.create answered without an id')
    ids.push(String(value.id))
  }
  return ids
}

/** Names in a stage as the core has it, top to bottom. */
async function stageNames(core: Core, stage: string): Promise<string[]> {
  const result = await core.invoke('contact.query', { stage, limit: 500 })
  if (!result.ok) throw new Error(JSON.stringify(result))
  const value = result.value as { items: { name: string }[] }
  return value.items.map((c) => c.name)
}

async function stageCount(core: Core, stage: string): Promise<number> {
  const result = await core.invoke('board.summary', {})
  if (!result.ok) throw new Error(JSON.stringify(result))
  return (result.value as { counts: Record<string, number> }).counts[stage] ?? -1
}

const pad = (i: number) => String(i).padStart(4, '0')

test('filter by tag and due state, select all matching, move them in bulk, and one Undo puts them back', async ({
  vouch,
}) => {
  const core = await vouch.core()
  // 2,000 people; every fourth is tagged ml; 100 of those have been touched (so not "never").
  const ids = await seed(
    core,
    Array.from({ length: 2000 }, (_, i) => ({
      name: `Person ${pad(i)}`,
      tags: i % 4 === 0 ? ['ml'] : ['ops'],
    })),
  )
  for (let i = 0; i < 400; i += 4) {
    const logged = await core.invoke('interaction.log', { contactId: ids[i], kind: 'call' })
    expect(logged.ok).toBe(true)
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
