import type { Input } from '@shared/ipc'
import type { Core } from '../electron/core/types'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { BoardPage } from './pages/BoardPage'
import { ContactWorkflowPage } from './pages/ContactWorkflowPage'
import { CoveragePage } from './pages/CoveragePage'
import { LogTouchControl } from './pages/LogTouchControl'
import { seedPeople } from './seed'
import { TodayPage } from './pages/TodayPage'
import { UpdatesPage } from './pages/UpdatesPage'
import { WorkflowDialogs } from './pages/WorkflowDialogs'

const DAY = 24 * 60 * 60 * 1000

/** Puts a person on the board through the real core; returns their id. */
async function createContact(core: Core, input: Input<'contact.create'>): Promise<string> {
  return (await core.call('contact.create', input)).id
}

/** Kinds of a contact's touches, newest first, as the core stores them. */
async function touchKinds(core: Core, contactId: string): Promise<string[]> {
  const value = await core.call('interaction.list', { contactId })
  return value.map((t) => t.kind)
}

test('logging a touch from a card turns it from red to green and resets "last touch"', async ({
  vouch,
}) => {
  // The contact is created 90 days before "now": In touch has a 60-day cadence, so 1.5× is passed.
  const today = new Date('2025-06-16T12:00:00.000Z')
  let clock = new Date(today.getTime() - 90 * DAY)
  await vouch.open({ now: () => clock })
  await createContact(await vouch.core(), { name: 'Margaret Hamilton', stage: 'in-touch' })
  clock = today
  const page = await vouch.restart()
  const app = new AppPage(page)
  const board = new BoardPage(page)
  await app.goTo('Board')

  const card = board.card('Margaret Hamilton')
  const status = card.getByTestId('touch-status')
  await expect(status).toHaveAttribute('data-touch-state', 'overdue')
  await expect(card.getByTestId('last-touch')).toHaveText('never touched')
  await expect(status.locator('.touch-dot')).toHaveCSS('background-color', 'rgb(180, 35, 24)')
  await expect(app.nav('Today')).toHaveAccessibleName('Today, 1 to do')

  await new LogTouchControl(page, card).log(
    'Margaret Hamilton',
    'Call',
    'Caught up on her new role',
  )

  await expect(status).toHaveAttribute('data-touch-state', 'ok')
  await expect(card.getByTestId('last-touch')).toHaveText('last touch today')
  await expect(status.locator('.touch-dot')).toHaveCSS('background-color', 'rgb(46, 139, 62)')
  await expect(app.nav('Today')).toHaveAccessibleName('Today')
  // Readiness is explained in the due indicator's tooltip, with the last touch.
  await expect(status).toHaveAttribute('title', /Readiness \d+ of 100/)
  await expect(status).toHaveAttribute('title', /Last touch today/)

  await board.openCard('Margaret Hamilton')
  await new ContactWorkflowPage(page).expectTimeline(['Call'])
})

test('ask for a reference, mark it given, thank from Today with a template, and land in Thanked', async ({
  vouch,
}) => {
  const opened: string[] = []
  const page = await vouch.open({
    openExternal: async (url) => {
      opened.push(url)
    },
  })
  const core = await vouch.core()
  const ada = await createContact(core, {
    name: 'Ada Lovelace',
    stage: 'in-touch',
    email: 'ada@example.com',
  })
  const app = new AppPage(page)
  const board = new BoardPage(page)
  const dialogs = new WorkflowDialogs(page)
  const panel = new ContactWorkflowPage(page)
  const today = new TodayPage(page)
  await app.goTo('Board')
  await board.expectColumn('In touch', ['Ada Lovelace'])

  // Moving to Asked opens the request form first; cancelling leaves the card where it was.
  await board.cardMenu('Ada Lovelace', 'Asked')
  await expect(dialogs.request).toBeVisible()
  await dialogs.cancelRequest()
  await dialogs.expectClosed()
  await board.expectColumn('In touch', ['Ada Lovelace'])

  await board.cardMenu('Ada Lovelace', 'Asked')
  await dialogs.fillRequest({ company: 'Globex', role: 'Staff Engineer' })
  await dialogs.submitRequest()
  await dialogs.expectClosed()
  await board.expectColumn('Asked', ['Ada Lovelace'])
  await board.expectColumn('In touch', [])

  await board.openCard('Ada Lovelace')
  await panel.expectRequestStatus('Staff Engineer', 'Globex', 'Asked')
  await panel.markRequest('Staff Engineer', 'Globex', 'Mark given')
  await panel.expectRequestStatus('Staff Engineer', 'Globex', 'Given')
  await board.expectColumn('Gave reference', ['Ada Lovelace'])
  // Asking was a touch too: it is on the timeline under the reference given.
  await panel.expectTimeline(['Reference given', 'Message'])

  await app.goTo('Today')
  await today.expectThanksOwed('Ada Lovelace', 'Staff Engineer at Globex')
  await today.expectThanksOwed('Ada Lovelace', 'Thank them within 2 days.')
  await expect(app.nav('Today')).toHaveAccessibleName('Today, 1 to do')

  await today.sayThankYou('Ada Lovelace')
  await expect(dialogs.templateText).toHaveValue(
    /Dear Ada,\n\nThank you so much for giving me a reference/,
  )
  await expect(dialogs.templateText).toHaveValue(/Staff Engineer role at Globex/)
  await dialogs.pickTemplate('Email')
  await dialogs.openEmail()
  await expect.poll(() => opened.length).toBe(1)
  expect(opened[0]).toMatch(
    /^mailto:ada@example\.com\?subject=Thank%20you%20for%20the%20reference%2C%20Ada&body=Hi%20Ada/,
  )
  await dialogs.logThankYou()
  await dialogs.expectClosed()

  await expect(today.section('Thanks owed').getByTestId('thanks-owed')).toHaveCount(0)
  await expect(app.nav('Today')).toHaveAccessibleName('Today')
  await app.goTo('Board')
  await board.expectColumn('Thanked', ['Ada Lovelace'])
  // Asking counted as a touch (a message) before the reference and the thank-you.
  expect(await touchKinds(core, ada)).toEqual(['thank-you', 'reference-given', 'message'])
})

test('deleting the thank-you on the timeline owes the thanks again, among 2,000 people; Undo restores it', async ({
  vouch,
}) => {
  const core = await vouch.core()
  await seedPeople(core, 2000)
  const ada = await createContact(core, { name: 'Ada Lovelace', stage: 'in-touch' })
  const request = await core.call('request.create', {
    contactId: ada,
    company: 'Globex',
    role: 'Staff Engineer',
  })
  if (typeof request !== 'object' || request === null || !('id' in request))
    throw new Error('no request')
  await core.call('request.update', { id: request.id, status: 'given' })
  await core.call('interaction.log', { contactId: ada, kind: 'thank-you' })
  const page = await vouch.open()
  const app = new AppPage(page)
  const board = new BoardPage(page)
  const panel = new ContactWorkflowPage(page)
  const today = new TodayPage(page)

  await expect(today.section('Thanks owed')).toHaveCount(0)
  await app.goTo('Board')
  await board.expectColumn('Thanked', ['Ada Lovelace'])
  await board.openCard('Ada Lovelace')
  await panel.expectTimeline(['Thank-you', 'Reference given', 'Message'])
  await panel.section.getByRole('button', { name: /^Delete thank-you of / }).click()
  await expect(
    app.toast('Deleted the thank-you. Thanks owed again for Staff Engineer at Globex.'),
  ).toBeVisible()
  await panel.expectTimeline(['Reference given', 'Message'])
  // Focus stays in the panel, on the timeline, never on <body>.
  await expect(panel.section.getByRole('list', { name: 'Timeline' })).toBeFocused()
  await board.expectColumn('Gave reference', ['Ada Lovelace'])
  await board.expectColumn('Thanked', [])

  await page.keyboard.press('Escape')
  await app.goTo('Today')
  await today.expectThanksOwed('Ada Lovelace', 'Staff Engineer at Globex')
  await expect(app.nav('Today')).toHaveAccessibleName(/^Today, \d+ to do$/)

  // One undo brings back the thank-you, the thanks and the stage together.
  await page.keyboard.press('Control+z')
  await expect(today.section('Thanks owed')).toHaveCount(0)
  expect(await touchKinds(core, ada)).toEqual(['thank-you', 'reference-given', 'message'])
  await app.goTo('Board')
  await board.expectColumn('Thanked', ['Ada Lovelace'])
})

test('dragging onto Asked opens the request form and dropping on Thanked offers the thank-you', async ({
  vouch,
}) => {
  const page = await vouch.open()
  const core = await vouch.core()
  await createContact(core, { name: 'Grace Hopper', stage: 'gave-reference' })
  await createContact(core, { name: 'Katherine Johnson', stage: 'building' })
  const app = new AppPage(page)
  const board = new BoardPage(page)
  const dialogs = new WorkflowDialogs(page)
  await app.goTo('Board')

  // A drag onto Asked waits for the form: Cancel puts the card back, Create moves it.
  await board.dragCard('Katherine Johnson', 'Asked')
  await expect(dialogs.request).toBeVisible()
  await board.expectColumn('Building', ['Katherine Johnson'])
  await dialogs.cancelRequest()
  await board.expectColumn('Building', ['Katherine Johnson'])
  await board.dragCard('Katherine Johnson', 'Asked')
  await dialogs.fillRequest({ company: 'NASA', role: 'Flight Dynamics Lead', dueBy: '2030-01-31' })
  await dialogs.submitRequest()
  await board.expectColumn('Asked', ['Katherine Johnson'])
  await board.expectColumn('Building', [])

  await board.cardMenu('Grace Hopper', 'Thanked')
  await expect(dialogs.thankedDrop).toBeVisible()
  await board.expectColumn('Gave reference', ['Grace Hopper'])
  await dialogs.thankedDrop.getByRole('button', { name: 'Just move' }).click()
  await board.expectColumn('Thanked', ['Grace Hopper'])
})

test('composing an update for three contacts logs three touches', async ({ vouch }) => {
  const page = await vouch.open()
  const core = await vouch.core()
  const names = ['Ada Lovelace', 'Grace Hopper', 'Katherine Johnson']
  const ids: string[] = []
  // New contacts go on top of their column: create in reverse to list them in this order.
  for (const name of [...names].reverse()) {
    ids.push(
      await createContact(core, {
        name,
        stage: 'in-touch',
        tags: ['mentor'],
        skills: ['Compilers'],
      }),
    )
  }
  const bystander = await createContact(core, {
    name: 'Margaret Hamilton',
    stage: 'in-touch',
    tags: ['peer'],
  })
  const app = new AppPage(page)
  const updates = new UpdatesPage(page)

  await app.goTo('Updates')
  await updates.createUpdate('Promoted to Staff Engineer', 'I now lead the platform team.')
  await updates.filterByTag('mentor')
  await updates.expectMatches(names)
  // Nobody is chosen until the user says so.
  await expect(updates.drafts).toHaveCount(0)
  await expect(updates.sendButton).toBeDisabled()
  await updates.chooseAll()
  await updates.expectRecipients(names)
  await expect(updates.draft('Grace Hopper')).toHaveValue(
    /^Hi Grace,\n\nI wanted to share some news: Promoted to Staff Engineer\./,
  )
  await expect(updates.draft('Grace Hopper')).toHaveValue(/You saw my Compilers work first-hand/)
  await expect(updates.sendButton).toHaveText('Log as sent to 3 people')
  await updates.send()
  await expect(app.toast('Logged "Promoted to Staff Engineer" as sent to 3 people.')).toBeVisible()

  for (const id of ids) await expect.poll(() => touchKinds(core, id)).toEqual(['update-sent'])
  expect(await touchKinds(core, bystander)).toEqual([])

  await app.goTo('Board')
  await new BoardPage(page).openCard('Grace Hopper')
  const panel = new ContactWorkflowPage(page)
  await panel.expectTimeline(['Update sent'])
  await expect(panel.lastUpdateHeard).toContainText('Last update heard: Promoted to Staff Engineer')
})

test('the coverage matrix shows who vouches for each target skill and highlights a gap', async ({
  vouch,
}) => {
  const page = await vouch.open()
  const core = await vouch.core()
  await createContact(core, { name: 'Ada Lovelace', skills: ['Leadership'] })
  await createContact(core, { name: 'Grace Hopper', skills: ['leadership', 'Compilers'] })
  const app = new AppPage(page)
  const coverage = new CoveragePage(page)

  await app.goTo('Coverage')
  await coverage.setTargetSkills('Leadership, Compilers, Rust')

  await coverage.expectCoveredBy('Leadership', ['Ada Lovelace', 'Grace Hopper'])
  await coverage.expectCoveredBy('Compilers', ['Grace Hopper'])
  await coverage.expectGap('Rust')
  await expect(coverage.row('Rust')).toHaveCSS('background-color', 'rgb(253, 236, 234)')
})
