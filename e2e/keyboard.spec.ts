import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { BoardPage } from './pages/BoardPage'
import { CommandPalettePage } from './pages/CommandPalettePage'
import { ShortcutsOverlayPage } from './pages/ShortcutsOverlayPage'
import { seedPeople } from './seed'

test('? lists every shortcut, with Ctrl on this platform; Esc closes it and focus returns', async ({
  vouch,
}) => {
  const page = await vouch.open()
  const app = new AppPage(page)
  const overlay = new ShortcutsOverlayPage(page)
  await app.nav('Board').focus()

  await overlay.open()
  expect(await overlay.shortcutsOf('New contact')).toEqual(['N', 'Ctrl+N'])
  expect(await overlay.shortcutsOf('Go to Board')).toEqual(['G then B'])
  expect(await overlay.shortcutsOf('Find a command or person')).toEqual(['Ctrl+K'])
  expect(await overlay.shortcutsOf('Search')).toEqual(['/', 'Ctrl+F'])
  expect(await overlay.shortcutsOf('Log a touch')).toEqual(['L'])
  expect(await overlay.shortcutsOf('Close the dialog, menu or panel')).toEqual(['Esc'])
  // Board-local keys come from the same registry.
  expect(await overlay.shortcutsOf('Select or unselect')).toEqual(['X'])
  expect(await overlay.shortcutsOf('Pick up or drop (arrows move it)')).toEqual(['Space'])
  await expect(overlay.dialog).toHaveAttribute('aria-modal', 'true')
  // A modal overlay keeps single keys for itself: n does not open a contact behind it.
  await page.keyboard.press('n')
  await expect(page.getByTestId('contact-panel')).toHaveCount(0)

  await page.keyboard.press('Escape')
  await overlay.expectClosed()
  await expect(app.nav('Board')).toBeFocused()
})

test('g then b goes to the board; the pending g shows what may follow', async ({ vouch }) => {
  const page = await vouch.open()
  const app = new AppPage(page)
  await expect(app.nav('Today')).toHaveAttribute('aria-current', 'page')

  await page.keyboard.press('g')
  await expect(page.getByTestId('key-sequence')).toContainText('Board')
  await page.keyboard.press('b')
  await expect(app.nav('Board')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('key-sequence')).toHaveCount(0)

  // g then an unrelated key abandons the sequence, and that key does nothing.
  await page.keyboard.press('g')
  await page.keyboard.press('n')
  await expect(page.getByTestId('contact-panel')).toHaveCount(0)
  await page.keyboard.press('g')
  await page.keyboard.press('t')
  await expect(app.nav('Today')).toHaveAttribute('aria-current', 'page')
})

test('n opens a new contact, but types an n in a text field', async ({ vouch }) => {
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()

  await board.searchBox.click()
  await page.keyboard.type('ann')
  await expect(board.searchBox).toHaveValue('ann')
  await expect(page.getByTestId('contact-panel')).toHaveCount(0)

  // / from elsewhere focuses the view's search box.
  await board.newContactButton.focus()
  await page.keyboard.press('/')
  await expect(board.searchBox).toBeFocused()

  await board.newContactButton.focus()
  await page.keyboard.press('n')
  const panel = page.getByTestId('contact-panel')
  await expect(panel).toBeVisible()
  await expect(panel.getByRole('heading', { name: 'New contact' })).toBeVisible()
})

test('Ctrl+K finds a person among 3,000 by part of the name; Enter opens them', async ({
  vouch,
}) => {
  await seedPeople(await vouch.core(), 3000, ['Zofia Quartermain', 'Quentin Blake'])
  const page = await vouch.open()
  const palette = new CommandPalettePage(page)

  await palette.open()
  await palette.type('quarterm')
  await expect(palette.option('Zofia Quartermain')).toBeVisible()
  await expect(palette.selectedOption).toContainText('Zofia Quartermain')
  // The renderer shows a page of matches, never the whole network.
  await expect(palette.dialog.getByRole('option')).toHaveCount(1)
  await page.keyboard.press('Enter')

  await palette.expectClosed()
  await expect(page.getByTestId('contact-panel')).toContainText('Zofia Quartermain')

  // Opened people come first next time.
  await page.keyboard.press('Escape')
  await palette.open()
  await expect(palette.dialog.getByRole('group', { name: 'Recent people' })).toContainText(
    'Zofia Quartermain',
  )
})

test('Ctrl+K runs a command: "Settings", Enter', async ({ vouch }) => {
  const page = await vouch.open()
  const app = new AppPage(page)
  const palette = new CommandPalettePage(page)

  await palette.open()
  await palette.type('Settings')
  await expect(palette.selectedOption).toContainText('Go to Settings')
  await page.keyboard.press('Enter')
  await palette.expectClosed()
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Settings' }),
  ).toHaveAttribute('aria-current', 'page')
  await expect(app.nav('Today')).not.toHaveAttribute('aria-current', 'page')

  // Empty, the palette offers it again first.
  await palette.open()
  await expect(palette.dialog.getByRole('group', { name: 'Recent commands' })).toContainText(
    'Go to Settings',
  )
  await expect(palette.selectedOption).toContainText('Go to Settings')
})

test('Esc returns focus to where it came from: palette, dialog and panel', async ({ vouch }) => {
  await seedPeople(await vouch.core(), 20, ['Zofia Quartermain'])
  const page = await vouch.open()
  const app = new AppPage(page)
  const board = new BoardPage(page)
  const palette = new CommandPalettePage(page)

  await app.nav('Updates').focus()
  await palette.open()
  await page.keyboard.press('Escape')
  await palette.expectClosed()
  await expect(app.nav('Updates')).toBeFocused()

  // Ctrl+K also works while typing, and Esc goes back into the field.
  await board.show()
  await board.searchBox.click()
  await palette.open()
  await page.keyboard.press('Escape')
  await expect(board.searchBox).toBeFocused()

  // The contact panel: opened from a card, Esc returns to the card.
  await board.searchBox.fill('')
  await board.openCard('Zofia Quartermain')
  const panel = page.getByTestId('contact-panel')
  await expect(panel).toBeVisible()

  // A dialog over the panel: Esc closes only the dialog, focus back on the button that opened it.
  const ask = panel.getByRole('button', { name: 'Ask for a reference…' })
  await ask.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('request-dialog')).toHaveAttribute('aria-modal', 'true')
  await expect(page.getByTestId('request-dialog').getByLabel('Company')).toBeFocused()
  // Tab stays inside the modal dialog.
  for (let i = 0; i < 8; i++) await page.keyboard.press('Tab')
  expect(
    await page.evaluate(() =>
      Boolean(document.activeElement?.closest('[data-testid="request-dialog"]')),
    ),
  ).toBe(true)
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('request-dialog')).toHaveCount(0)
  await expect(panel).toBeVisible()
  await expect(ask).toBeFocused()

  await panel.getByRole('button', { name: 'Close panel' }).focus()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(board.cardHandle('Zofia Quartermain')).toBeFocused()
})

test('on an open person: l logs a touch, e edits, m moves; Esc steps back out', async ({
  vouch,
}) => {
  await seedPeople(await vouch.core(), 20, ['Zofia Quartermain'])
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  await board.openCard('Zofia Quartermain')
  const panel = page.getByTestId('contact-panel')
  await panel.getByRole('button', { name: 'Close panel' }).focus()

  await page.keyboard.press('l')
  const form = panel.getByRole('form', { name: 'Log a touch with Zofia Quartermain' })
  await expect(form).toBeVisible()
  await expect(form.getByLabel('Kind')).toBeFocused()
  // Typing in the note never triggers shortcuts.
  await form.getByLabel('Note (optional)').fill('')
  await form.getByLabel('Note (optional)').pressSequentially('gnle')
  await expect(form.getByLabel('Note (optional)')).toHaveValue('gnle')
  await page.keyboard.press('Escape')
  await expect(form).toHaveCount(0)
  const logButton = panel.getByRole('button', { name: 'Log touch with Zofia Quartermain' })
  await expect(logButton).toBeFocused()

  // m opens the Move menu of the read view; Esc closes just the menu.
  await page.keyboard.press('m')
  await expect(page.getByRole('menuitem').first()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByRole('menuitem')).toHaveCount(0)
  await expect(panel).toBeVisible()

  // e enters edit mode; Esc leaves it, a second Esc closes the panel.
  await page.keyboard.press('e')
  await expect(panel.getByLabel('Name', { exact: true })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(panel.getByLabel('Name', { exact: true })).toHaveCount(0)
  await expect(panel).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(panel).toHaveCount(0)
  await expect(board.cardHandle('Zofia Quartermain')).toBeFocused()
})

test('after deleting a card from its menu, focus stays in the app, not on <body>', async ({
  vouch,
}) => {
  await seedPeople(await vouch.core(), 5, ['Zofia Quartermain'])
  const page = await vouch.open()
  const board = new BoardPage(page)
  await board.show()
  const menuButton = page.getByRole('button', { name: 'Move or delete Zofia Quartermain' })
  await menuButton.focus()
  await page.keyboard.press('Enter')
  await page.getByRole('menuitem', { name: 'Delete' }).focus()
  await page.keyboard.press('Enter')
  await expect(board.cardHandle('Zofia Quartermain')).toHaveCount(0)
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.id ?? document.activeElement?.tagName))
    .toBe('main-content')
  // And the shortcuts still work from there.
  await page.keyboard.press('g')
  await page.keyboard.press('t')
  await expect(new AppPage(page).nav('Today')).toHaveAttribute('aria-current', 'page')
})
