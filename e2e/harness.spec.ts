import { expect, test } from './fixtures'
import { AppPage } from './pages/AppPage'

test('the bridge carries commands to the real core and its events back to the page', async ({
  vouch,
}) => {
  const page = await vouch.open()
  await new AppPage(page).goTo('Board')
  await expect(page.getByTestId('column-building')).toBeVisible()
  await expect(page.locator('[data-testid="card"]')).toHaveCount(0)

  const core = await vouch.core()
  await core.call('contact.create', { name: 'Ada Lovelace', stage: 'building' })

  // No reload: the card appears because the core's 'changed' event reached the renderer.
  const card = page.locator('[data-testid="card"]')
  await expect(card).toHaveCount(1)
  await expect(card).toContainText('Ada Lovelace')

  const bridge = await page.evaluate(() => Object.keys(window.vouch ?? {}).sort())
  expect(bridge).toEqual(['invoke', 'subscribe'])
})

test('a restart reopens the same data folder', async ({ vouch }) => {
  const core = await vouch.core()
  await core.call('contact.create', { name: 'Grace Hopper' })
  const page = await vouch.open()
  const app = new AppPage(page)
  await app.goTo('Board')
  await expect(page.locator('[data-testid="card"]')).toHaveCount(1)

  await vouch.restart()
  await app.goTo('Board')
  await expect(page.locator('[data-testid="card"]')).toContainText('Grace Hopper')
})
