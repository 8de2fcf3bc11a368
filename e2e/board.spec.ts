import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { emptyRecord } from '@shared/records'
import type { Input } from '@shared/ipc'
import type { Core } from '../electron/core/types'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { BoardPage } from './pages/BoardPage'
import { ContactPanelPage } from './pages/ContactPanelPage'
import { TrashPage } from './pages/TrashPage'

type Seed = Pick<Input<'contact.create'>, 'name' | 'stage' | 'title' | 'company' | 'tags'>

/** Create contacts through the real core so each column lists them in the given order (new ones go on top). */
async function seed(core: Core, people: readonly Seed[]): Promise<void> {
  for (const person of [...people].reverse()) {
    await core.call('contact.create', person)
  }
}

/** Names per stage as the core orders them: what a restart will show. */
async function storedColumns(core: Core): Promise<Record<string, string[]>> {
  const contacts = await core.call('contact.list', {})
  const columns = emptyRecord<string[]>()
  for (const c of [...contacts].sort((a, b) => a.order - b.order))
    (columns[c.stage] ??= []).push(c.name)
  return columns
}

/** Names in vouch.json, or none while it is not written yet. */
async function namesInDataFile(file: string): Promise<string[]> {
  const text = await readFile(file, 'utf8').catch(() => null)
  if (text === null) return []
  const data: unknown = JSON.parse(text)
  if (
    typeof data !== 'object' ||
    data === null ||
    !('contacts' in data) ||
    !Array.isArray(data.contacts)
  )
    return []
  return data.contacts.map((c: { name?: unknown }) => String(c.name))
}

test('quick add puts a person in Identified and the data file keeps them', async ({ vouch }) => {
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  await expect(board.emptyState).toBeVisible()

  await board.quickAdd('Ada Lovelace')

  await board.expectColumn('Identified', ['Ada Lovelace'])
  await expect(board.quickAddInput).toHaveValue('')
  await expect(board.emptyState).toHaveCount(0)
  await expect.poll(() => namesInDataFile(vouch.dataFile)).toEqual(['Ada Lovelace'])
})

test('mouse drags move a card between columns and reorder a column, and survive a restart', async ({
  vouch,
}) => {
  const core = await vouch.core()
  await seed(core, [
    { name: 'Ada Lovelace', title: 'Mathematician', company: 'Analytical Engines' },
    { name: 'Grace Hopper' },
    { name: 'Katherine Johnson' },
    { name: 'Margaret Hamilton', stage: 'in-touch' },
    { name: 'Barbara Liskov', stage: 'in-touch' },
  ])
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  await board.expectColumn('Identified', ['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson'])

  await board.dragCard('Ada Lovelace', 'In touch', 'Barbara Liskov')
  await board.expectColumn('In touch', ['Margaret Hamilton', 'Ada Lovelace', 'Barbara Liskov'])
  await board.expectColumn('Identified', ['Grace Hopper', 'Katherine Johnson'])

  await board.dragCard('Katherine Johnson', 'Identified', 'Grace Hopper')
  await board.expectColumn('Identified', ['Katherine Johnson', 'Grace Hopper'])

  await expect
    .poll(() => storedColumns(core))
    .toEqual({
      identified: ['Katherine Johnson', 'Grace Hopper'],
      'in-touch': ['Margaret Hamilton', 'Ada Lovelace', 'Barbara Liskov'],
    })

  await vouch.restart()
  await board.show()
  await board.expectColumn('Identified', ['Katherine Johnson', 'Grace Hopper'])
  await board.expectColumn('In touch', ['Margaret Hamilton', 'Ada Lovelace', 'Barbara Liskov'])
})

test('a card moves with the keyboard alone, and every step is announced', async ({ vouch }) => {
  const core = await vouch.core()
  await seed(core, [
    { name: 'Ada Lovelace' },
    { name: 'Grace Hopper' },
    { name: 'Margaret Hamilton', stage: 'in-touch' },
  ])
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  const keyboard = page.keyboard

  await board.cardHandle('Ada Lovelace').focus()
  await keyboard.press('Space')
  await board.expectAnnounced(/^Picked up Ada Lovelace\. In Identified, position 1 of 2\./)
  await keyboard.press('ArrowRight')
  await board.expectAnnounced('Moved to Building, position 1 of 1.')
  await keyboard.press('ArrowRight')
  await board.expectAnnounced('Moved to In touch, position 1 of 2.')
  await keyboard.press('ArrowDown')
  await board.expectAnnounced('Moved to In touch, position 2 of 2.')
  await keyboard.press('Space')
  await board.expectAnnounced('Dropped Ada Lovelace in In touch, position 2 of 2.')

  await board.expectColumn('In touch', ['Margaret Hamilton', 'Ada Lovelace'])
  await board.expectColumn('Identified', ['Grace Hopper'])
  await expect(board.cardHandle('Ada Lovelace')).toBeFocused()
  await expect
    .poll(async () => (await storedColumns(core))['in-touch'])
    .toEqual(['Margaret Hamilton', 'Ada Lovelace'])

  // Escape puts the card back where it was.
  await keyboard.press('Space')
  await keyboard.press('ArrowLeft')
  await board.expectAnnounced('Moved to Building, position 1 of 1.')
  await keyboard.press('Escape')
  await board.expectAnnounced(
    /^Move cancelled\. Ada Lovelace is back in In touch, position 2 of 2\./,
  )
  await board.expectColumn('In touch', ['Margaret Hamilton', 'Ada Lovelace'])
  await board.expectColumn('Building', [])

  // Enter opens the card instead of picking it up.
  await expect(board.cardHandle('Ada Lovelace')).toBeFocused()
  await keyboard.press('Enter')
  await expect(page.getByTestId('contact-panel')).toBeVisible()
  await expect(board.cardHandle('Ada Lovelace')).toHaveAttribute('aria-pressed', 'false')
})

test('the core refuses an empty and a 10,000-character name; its message sits by the field and nothing is lost', async ({
  vouch,
}) => {
  const core = await vouch.core()
  await seed(core, [{ name: 'Ada Lovelace', title: 'Mathematician' }, { name: 'Grace Hopper' }])
  const expected = async (name: string) => {
    const result = await core.invoke('contact.create', { name })
    if (result.ok) throw new Error('the core accepted a bad name')
    const issue = result.issues?.find((i) => i.path === 'name')
    if (!issue) throw new Error(`no issue for name: ${JSON.stringify(result)}`)
    // The form shows the core's message as a sentence, with its full stop.
    return `${issue.message}.`
  }
  const emptyMessage = await expected('')
  const longName = 'x'.repeat(10_000)
  const longMessage = await expected(longName)

  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  const panel = new ContactPanelPage(page)

  await board.openCard('Ada Lovelace')
  await panel.expectOpen('Ada Lovelace')
  await panel.edit()
  await panel.expectOpen('Edit Ada Lovelace')
  await panel.fill({
    Name: '',
    Title: 'Countess of Lovelace',
    Company: 'Analytical Society',
    Tags: 'math, poetry',
  })
  await panel.save()
  await panel.expectFieldError('Name', emptyMessage)
  await expect(panel.field('Title')).toHaveValue('Countess of Lovelace')
  await expect(panel.field('Company')).toHaveValue('Analytical Society')
  await expect(panel.field('Tags')).toHaveValue('math, poetry')

  await panel.fill({ Name: longName })
  await panel.save()
  await panel.expectFieldError('Name', longMessage)
  await expect(panel.field('Name')).toHaveValue(longName)
  await expect(panel.field('Title')).toHaveValue('Countess of Lovelace')
  await board.expectColumn('Identified', ['Ada Lovelace', 'Grace Hopper'])

  // The same refusal in the New contact form keeps what was typed too.
  await panel.close()
  await board.newContactButton.click()
  await panel.expectOpen('New contact')
  await panel.fill({ Name: '   ', Company: 'Bell Labs', Stage: 'Building' })
  await panel.save()
  await panel.expectFieldError('Name', emptyMessage)
  await expect(panel.field('Company')).toHaveValue('Bell Labs')
  await panel.fill({ Name: 'Dennis Ritchie' })
  await panel.save()
  await panel.expectClosed()
  await board.expectColumn('Building', ['Dennis Ritchie'])
  await board.expectColumn('Identified', ['Ada Lovelace', 'Grace Hopper'])
})

test('a deleted card comes back with the toast’s Undo and with Ctrl+Z', async ({ vouch }) => {
  const core = await vouch.core()
  await seed(core, [{ name: 'Ada Lovelace' }, { name: 'Grace Hopper' }])
  const page = await vouch.open()
  const app = new AppPage(page)
  const board = new BoardPage(page)
  await board.show()
  const panel = new ContactPanelPage(page)
  const trash = new TrashPage(page)

  await board.cardMenu('Ada Lovelace', 'Delete')
  await board.expectColumn('Identified', ['Grace Hopper'])
  await app.undoFromToast('Moved Ada Lovelace to the trash.')
  await board.expectColumn('Identified', ['Ada Lovelace', 'Grace Hopper'])

  await board.openCard('Grace Hopper')
  await panel.delete()
  await panel.expectClosed()
  await board.expectColumn('Identified', ['Ada Lovelace'])
  await app.goTo('Trash')
  await trash.expectListed('Grace Hopper')
  await app.goTo('Board')
  await app.pressUndo()
  await board.expectColumn('Identified', ['Ada Lovelace', 'Grace Hopper'])

  // And the Trash view restores too.
  await board.cardMenu('Ada Lovelace', 'Delete')
  await app.goTo('Trash')
  await trash.restore('Ada Lovelace')
  await expect(trash.items).toHaveCount(0)
  await app.goTo('Board')
  await board.expectColumn('Identified', ['Ada Lovelace', 'Grace Hopper'])
})

test('a damaged data file is set aside with its bytes intact and a banner says so', async ({
  vouch,
  dataDir,
}) => {
  const damaged = '{"schemaVersion":1,"contacts":['
  await writeFile(vouch.dataFile, damaged)

  const page = await vouch.open()
  const app = new AppPage(page)

  await app.expectBanner('vouch.corrupt-')
  const quarantined = (await readdir(dataDir)).filter((f) => /^vouch\.corrupt-.*\.json$/.test(f))
  expect(quarantined).toHaveLength(1)
  const [file] = quarantined
  if (file === undefined) throw new Error('unreachable')
  await app.expectBanner(file)
  expect(await readFile(join(dataDir, file), 'utf8')).toBe(damaged)

  await app.dismissBanner()
  await expect(app.banner).toHaveCount(0)
  const board = new BoardPage(page)
  await board.show()
  await board.quickAdd('Ada Lovelace')
  await board.expectColumn('Identified', ['Ada Lovelace'])
})

test('search filters by name, company and tag, ignoring case and accents', async ({ vouch }) => {
  const core = await vouch.core()
  await seed(core, [
    { name: 'José Martí', company: 'Patria' },
    { name: 'Ada Lovelace', company: 'Analytical Engines', tags: ['math'] },
    { name: 'Grace Hopper', company: 'US Navy', stage: 'building', tags: ['COBOL'] },
  ])
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()

  await board.search('jose')
  await expect(board.cardsIn('Identified').locator('.card-name')).toHaveText(['José Martí'])
  await board.search('ANALYTICAL')
  await expect(board.cardsIn('Identified').locator('.card-name')).toHaveText(['Ada Lovelace'])
  await board.search('cobol')
  await expect(board.page.getByTestId('card')).toHaveCount(1)
  await expect(board.cardsIn('Building').locator('.card-name')).toHaveText(['Grace Hopper'])
  await board.search('')
  await expect(board.page.getByTestId('card')).toHaveCount(3)

  await board.cardMenu('Grace Hopper', 'Gave reference')
  await board.expectColumn('Gave reference', ['Grace Hopper'])
  await expect
    .poll(async () => (await storedColumns(core))['gave-reference'])
    .toEqual(['Grace Hopper'])
})
