import { format, subDays } from 'date-fns'
import type { Input } from '@shared/ipc'
import type { Core } from '../electron/core/types'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { BoardPage } from './pages/BoardPage'
import { ContactPanelPage } from './pages/ContactPanelPage'
import { ContactWorkflowPage } from './pages/ContactWorkflowPage'
import { UpdatesPage } from './pages/UpdatesPage'

/** Puts a person on the board through the real core; returns their id. */
async function createContact(core: Core, input: Input<'contact.create'>): Promise<string> {
  return (await core.call('contact.create', input)).id
}

test('a card opens read-first; Edit is a mode that saves and comes back to reading', async ({
  vouch,
}) => {
  const core = await vouch.core()
  await createContact(core, {
    name: 'Zoë Martin',
    title: 'Staff Engineer',
    company: 'Globex',
    stage: 'building',
    relationship: 'former-manager',
    credibility: 4,
    cadenceDays: 30,
    nicknames: ['Zo'],
    birthday: '--04-23',
  })
  const page = await vouch.open()
  const board = new BoardPage(page)
  const panel = new ContactPanelPage(page)
  const workflow = new ContactWorkflowPage(page)
  await board.show()

  await board.openCard('Zoë Martin')
  await panel.expectOpen('Zoë Martin')
  await expect(panel.panel.getByText('Staff Engineer @ Globex')).toBeVisible()
  await expect(panel.panel.getByTestId('contact-stage')).toHaveText('Building')
  await expect(panel.panel.getByText('Former manager')).toBeVisible()
  await expect(panel.panel.getByText('Credibility 4 of 5')).toBeVisible()
  await expect(workflow.dueSentence).toHaveText(/^Due in 30 days · every 30 days$/)
  await expect(panel.panel.getByText('23 April')).toBeVisible()
  // Reading shows no form fields.
  await expect(panel.panel.getByRole('textbox')).toHaveCount(0)
  for (const action of ['Log touch with Zoë Martin', 'Ask for a reference…']) {
    await expect(panel.panel.getByRole('button', { name: action })).toBeVisible()
  }

  await page.keyboard.press('e')
  await panel.expectOpen('Edit Zoë Martin')
  await panel.fill({ Title: 'Principal Engineer', Email: 'zoe@example.fr' })
  await panel.panel.getByRole('button', { name: 'Add profile' }).click()
  await panel.panel.getByLabel('Service').fill('GitHub')
  await panel.panel.getByLabel('Handle or address').fill('zoemartin')
  await panel.save()
  await panel.expectOpen('Zoë Martin')
  await expect(panel.panel.getByText('Principal Engineer @ Globex')).toBeVisible()
  await expect(panel.panel.getByText('GitHub: zoemartin')).toBeVisible()
  // Back in read mode, focus is on Edit, not lost to the page.
  await expect(panel.panel.getByRole('button', { name: 'Edit', exact: true })).toBeFocused()
})

test('an email that is no email is refused beside its field, in plain words', async ({ vouch }) => {
  await createContact(await vouch.core(), { name: 'Ada Lovelace' })
  const page = await vouch.open()
  const board = new BoardPage(page)
  const panel = new ContactPanelPage(page)
  await board.show()
  await board.openCard('Ada Lovelace')
  await panel.edit()
  await panel.fill({ Email: 'not-an-email' })
  await panel.save()
  await panel.expectFieldError(
    'Email',
    'This is not an email address. Write it like name@example.com.',
  )
  await expect(panel.formError).toHaveCount(0)
  const stored = await (await vouch.core()).call('contact.list', {})
  expect(JSON.stringify(stored)).not.toContain('not-an-email')
})

test('a touch dated ten days ago, then its entry edited on the timeline', async ({ vouch }) => {
  await createContact(await vouch.core(), { name: 'Ada Lovelace', stage: 'building' })
  const page = await vouch.open()
  const board = new BoardPage(page)
  const workflow = new ContactWorkflowPage(page)
  await board.show()
  await board.openCard('Ada Lovelace')

  const tenDaysAgo = subDays(new Date(), 10)
  await workflow.logTouch('Ada Lovelace', 'Call', 'Caught up', format(tenDaysAgo, 'yyyy-MM-dd'))
  await workflow.expectTimeline(['Call'])
  await expect(workflow.timelineDays).toHaveText([format(tenDaysAgo, 'd MMM yyyy')])
  // The focus went back to Log touch when the form closed.
  await expect(
    workflow.section.getByRole('button', { name: 'Log touch with Ada Lovelace' }),
  ).toBeFocused()

  // A future day is refused next to the date.
  const form = workflow.section.getByRole('form', { name: 'Log a touch with Ada Lovelace' })
  await workflow.section.getByRole('button', { name: 'Log touch with Ada Lovelace' }).click()
  await form.getByLabel('Date').fill(format(subDays(new Date(), -2), 'yyyy-MM-dd'))
  await form.getByRole('button', { name: 'Log', exact: true }).click()
  await expect(form.getByLabel('Date')).toHaveAccessibleDescription(
    'A touch cannot be in the future. Pick today or an earlier day.',
  )
  await form.getByRole('button', { name: 'Cancel' }).click()

  const editor = await workflow.editTouch(`Edit call of ${format(tenDaysAgo, 'd MMM yyyy')}`)
  const threeDaysAgo = subDays(new Date(), 3)
  await editor.getByLabel('Date').fill(format(threeDaysAgo, 'yyyy-MM-dd'))
  await editor.getByLabel('Kind').selectOption({ label: 'Meeting' })
  await editor.getByLabel('Note (optional)').fill('Lunch, not a call')
  await editor.getByRole('button', { name: 'Save' }).click()
  await workflow.expectTimeline(['Meeting'])
  await expect(workflow.timelineDays).toHaveText([format(threeDaysAgo, 'd MMM yyyy')])
  await expect(workflow.section.getByText('Lunch, not a call')).toBeVisible()
  await expect(
    workflow.section.getByRole('button', {
      name: `Edit meeting of ${format(threeDaysAgo, 'd MMM yyyy')}`,
    }),
  ).toBeFocused()
})

test('after Mark given focus is on Say thank you; Esc closes and returns focus to the card', async ({
  vouch,
}) => {
  const core = await vouch.core()
  const ada = await createContact(core, { name: 'Ada Lovelace', stage: 'in-touch' })
  await core.call('request.create', { contactId: ada, company: 'Globex', role: 'CTO' })
  const page = await vouch.open()
  const board = new BoardPage(page)
  const workflow = new ContactWorkflowPage(page)
  const panel = new ContactPanelPage(page)
  await board.show()
  await board.openCard('Ada Lovelace')
  await panel.expectOpen('Ada Lovelace')

  await workflow.markRequest('CTO', 'Globex', 'Mark given')
  await workflow.expectRequestStatus('CTO', 'Globex', 'Given')
  await expect(
    workflow.request('CTO', 'Globex').getByRole('button', { name: 'Say thank you' }),
  ).toBeFocused()

  await page.keyboard.press('Escape')
  await panel.expectClosed()
  await expect(board.cardHandle('Ada Lovelace')).toBeFocused()
})

test('the brief is formatted text, with Copy as text and Copy as Markdown', async ({ vouch }) => {
  const core = await vouch.core()
  const ada = await createContact(core, {
    name: 'Ada Lovelace',
    stage: 'in-touch',
    skills: ['Compilers'],
    howWeMet: 'Worked on the <b>engine</b> together',
  })
  await core.call('request.create', { contactId: ada, company: 'Globex', role: 'CTO' })
  const page = await vouch.open()
  const board = new BoardPage(page)
  const workflow = new ContactWorkflowPage(page)
  await board.show()
  await board.openCard('Ada Lovelace')
  await workflow.request('CTO', 'Globex').getByRole('button', { name: 'Brief' }).click()
  const brief = page.getByTestId('brief')
  await expect(brief.getByRole('heading').first()).toBeVisible()
  await expect(brief).not.toContainText('## ')
  await expect(brief.locator('b')).toHaveCount(0)
  const dialog = page.getByTestId('brief-dialog')
  await expect(dialog.getByRole('button', { name: 'Copy as text' })).toBeEnabled()
  await expect(dialog.getByRole('button', { name: 'Copy as Markdown' })).toBeEnabled()
})

test('quick add names a person with the same name: open them, or add anyway', async ({ vouch }) => {
  await createContact(await vouch.core(), { name: 'Zoë Martin', stage: 'building' })
  const page = await vouch.open()
  const board = new BoardPage(page)
  const panel = new ContactPanelPage(page)
  await board.show()
  await board.quickAddInput.fill('zoe martin')
  await board.quickAddInput.press('Enter')
  const warning = page.getByTestId('same-name')
  await expect(warning).toHaveText(/Zoë Martin is already in Building\./)
  await expect(board.cardsIn('Identified')).toHaveCount(0)
  await warning.getByRole('button', { name: 'Open' }).click()
  await panel.expectOpen('Zoë Martin')
  await panel.close()

  await board.quickAddInput.fill('Zoë Martin')
  await board.quickAddInput.press('Enter')
  await page.getByTestId('same-name').getByRole('button', { name: 'Add anyway' }).click()
  await board.expectColumn('Identified', ['Zoë Martin'])
})

test('dark theme: from the OS by default, and forced from Settings', async ({ vouch, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await vouch.open()
  const app = new AppPage(page)
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  await expect.poll(background).toBe('rgb(17, 18, 21)')

  await page.emulateMedia({ colorScheme: 'light' })
  await expect.poll(background).toBe('rgb(246, 247, 249)')

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await page.getByRole('radio', { name: 'Dark' }).check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(background).toBe('rgb(17, 18, 21)')
  // Stored: it survives a restart.
  await vouch.restart()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark')
  await expect.poll(background).toBe('rgb(17, 18, 21)')
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await page.getByRole('radio', { name: 'System' }).check()
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./)
  await expect.poll(background).toBe('rgb(246, 247, 249)')
  await expect(app.nav('Today')).toBeVisible()
})

test('the Updates composer chooses nobody until told, and drafts can be edited', async ({
  vouch,
}) => {
  const core = await vouch.core()
  for (const name of ['Ada Lovelace', 'Grace Hopper']) {
    await createContact(core, { name, stage: 'in-touch' })
  }
  const page = await vouch.open()
  const updates = new UpdatesPage(page)
  await new AppPage(page).goTo('Updates')
  await updates.createUpdate('New role', 'I joined Globex.')
  await expect(updates.matches).toHaveCount(2)
  await expect(updates.drafts).toHaveCount(0)
  await expect(updates.sendButton).toBeDisabled()
  await updates.choose('Grace Hopper')
  await updates.expectRecipients(['Grace Hopper'])
  await updates.draft('Grace Hopper').fill('Hi Grace, big news: I joined Globex.')
  await expect(updates.sendButton).toHaveText('Log as sent to 1 person')
  await updates.send()
  await expect(new AppPage(page).toast('Logged "New role" as sent to 1 person.')).toBeVisible()
})
