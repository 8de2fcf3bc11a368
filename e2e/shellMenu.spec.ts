import { GO_VIEWS } from '@shared/shellMenu'
import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'

// The app menu's items reach the page as core events, exactly as electron/main.ts sends them
// (core.emit after showing the window); here the test sends them through the same core.

test('the app menu’s Go items, New Contact, Find, Import and Settings drive the window', async ({
  vouch,
}) => {
  const page = await vouch.open()
  const core = await vouch.core()
  await core.call('contact.create', { name: 'Ada Lovelace' })
  const app = new AppPage(page)
  const current = page
    .getByRole('navigation', { name: 'Main' })
    .locator('button[aria-current="page"]')

  for (const { view, label } of GO_VIEWS) {
    core.emit({ type: 'go', view })
    await expect(current, view).toHaveText(new RegExp(`^${label}`))
  }

  core.emit({ type: 'menu', action: 'find' })
  await expect(app.nav('Board')).toHaveAttribute('aria-current', 'page')
  await expect(page.getByRole('searchbox', { name: 'Search people' })).toBeFocused()

  core.emit({ type: 'menu', action: 'new-contact' })
  await expect(page.getByRole('heading', { name: 'New contact' })).toBeVisible()

  core.emit({ type: 'menu', action: 'import' })
  await expect(current).toHaveText(/^Import \/ Export/)

  core.emit({ type: 'menu', action: 'settings' })
  await expect(current).toHaveText(/^Settings/)
})
