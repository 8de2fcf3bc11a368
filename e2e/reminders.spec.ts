import { expect, FakeClock, test } from './fixtures'
import { AppPage } from './pages/AppPage'
import { BoardPage } from './pages/BoardPage'
import { ContactPanelPage } from './pages/ContactPanelPage'
import { DashboardPage } from './pages/DashboardPage'
import { SettingsPage } from './pages/SettingsPage'

// Local wall-clock times of the test process, where the core runs: the digest is at 09:00 there.
const local = (d: number, h: number, mi = 0) => new Date(2025, 5, d, h, mi)

test('the 09:00 digest is delivered, and clicking a thank-you alert opens the contact', async ({
  vouch,
  page,
}) => {
  const clock = new FakeClock(local(16, 10))
  await vouch.open({ now: clock.now })
  const core = await vouch.core()
  const ada = (
    await core.call('contact.create', {
      name: 'Ada Lovelace',
      stage: 'building',
      cadenceDays: 1,
    })
  ).id
  await vouch.tick()
  expect(vouch.notifications).toEqual([])

  // Ada falls due at midnight; nothing is shown before 09:00.
  clock.set(local(17, 8, 59))
  await vouch.tick()
  expect(vouch.notifications).toEqual([])
  clock.set(local(17, 9, 0))
  await vouch.tick()
  expect(vouch.notifications).toMatchObject([
    { kind: 'digest', title: 'Vouch — due today', body: '1 person to contact: Ada' },
  ])
  // Once a day: a later tick shows nothing more.
  clock.advance(60_000)
  await vouch.tick()
  expect(vouch.notifications).toHaveLength(1)

  const request = (
    await core.call('request.create', { contactId: ada, company: 'Acme', role: 'CTO' })
  ).id
  await core.call('request.update', { id: request, status: 'given' })
  clock.advance(60_000)
  await vouch.tick()
  const alert = vouch.notifications[1]
  expect(alert).toMatchObject({
    kind: 'thanks-owed',
    title: 'Thank-you owed: Ada Lovelace',
    contactId: ada,
  })
  if (alert === undefined) throw new Error('no thank-you alert')

  await vouch.clickNotification(alert)
  await new ContactPanelPage(page).expectOpen('Ada Lovelace')
})

test("clicking the weekly review's notification opens the review at its first step, focused", async ({
  vouch,
  page,
}) => {
  // Monday 16 June 2025; the review is set for Friday 20 June at 16:00.
  const clock = new FakeClock(local(16, 10))
  await vouch.open({ now: clock.now })
  const core = await vouch.core()
  await core.call('settings.update', { weeklyReview: { enabled: true, day: 5, time: '16:00' } })
  const ada = (await core.call('contact.create', { name: 'Ada Lovelace', stage: 'building' })).id
  await core.call('interaction.log', { contactId: ada, kind: 'call' })
  await vouch.tick()
  // Someone is open on the board when the notification comes.
  const board = new BoardPage(page)
  await board.show()
  await board.openCard('Ada Lovelace')
  const panel = new ContactPanelPage(page)
  await panel.expectOpen('Ada Lovelace')

  clock.set(local(20, 15, 59))
  await vouch.tick()
  expect(vouch.notifications.filter((n) => n.kind === 'weekly-review')).toEqual([])
  clock.set(local(20, 16, 0))
  await vouch.tick()
  const review = vouch.notifications.find((n) => n.kind === 'weekly-review')
  expect(review).toMatchObject({ title: 'Vouch — your weekly review', late: false })
  if (review === undefined) throw new Error('no weekly review notification')

  await vouch.clickNotification(review)
  const dashboard = new DashboardPage(page)
  await expect(dashboard.review).toBeVisible()
  await expect(dashboard.reviewStep).toHaveText('Step 1 of 5: This week')
  await expect(dashboard.reviewStep).toBeFocused()
  await expect(dashboard.review).toContainText('1 touch logged')
  await expect(
    page.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Dashboard' }),
  ).toHaveAttribute('aria-current', 'page')
  await expect(page.getByTestId('contact-panel')).toHaveCount(0)
  // Esc leaves the review on the dashboard, whose banner still offers it.
  await page.keyboard.press('Escape')
  await expect(dashboard.review).toBeHidden()
  await expect(dashboard.reviewBanner).toBeVisible()
})

test('settings are validated by the core and survive a reload and a restart', async ({
  vouch,
  page,
}) => {
  await vouch.open()
  const app = new AppPage(page)
  const settings = new SettingsPage(page)
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('button', { name: 'Settings' })
    .click()
  await settings.expectValue('Daily digest at', '09:00')

  // The core refuses a cadence of 0 days and says why, next to the field.
  await settings.fill('Building', '0')
  await settings.save()
  await expect(settings.error('cadenceByStage.building')).toBeVisible()
  await expect(settings.field('Building')).toHaveAttribute('aria-invalid', 'true')

  await settings.fill('Building', '21')
  await settings.fill('Daily digest at', '07:30')
  await settings.fill('Thank a reference within (days)', '5')
  await settings.field('Keep running in the tray when the window is closed').uncheck()
  await settings.save()
  await expect(app.toast('Settings saved.')).toBeVisible()
  await expect(settings.error('cadenceByStage.building')).toHaveCount(0)

  const check = async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Settings' })
      .click()
    await settings.expectValue('Daily digest at', '07:30')
    await settings.expectValue('Building', '21')
    await settings.expectValue('Thank a reference within (days)', '5')
    await expect(
      settings.field('Keep running in the tray when the window is closed'),
    ).not.toBeChecked()
  }
  await page.reload()
  await check()
  await vouch.restart()
  await check()
  expect(await (await vouch.core()).call('settings.get', {})).toMatchObject({
    digestTime: '07:30',
    thankWithinDays: 5,
    closeToTray: false,
    cadenceByStage: { building: 21 },
  })
})

test('a notification the OS could not show appears in the app, with the hint once', async ({
  vouch,
  page,
}) => {
  await vouch.open()
  const core = await vouch.core()
  const ada = (await core.call('contact.create', { name: 'Ada Lovelace' })).id
  const hint = 'Notifications are not supported here.'
  // What electron/notifier.ts sends when Notification.isSupported() is false.
  core.emit({
    type: 'notice',
    notification: { title: 'Thank-you owed: Ada Lovelace', body: 'For Acme', contactId: ada },
    reason: 'unsupported',
    hint,
  })
  await expect(page.getByTestId('notice-hint')).toHaveText(new RegExp(hint))
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText('Thank-you owed: Ada Lovelace')
  await notice.getByRole('button', { name: 'Open' }).click()
  await new ContactPanelPage(page).expectOpen('Ada Lovelace')
  await expect(notice).toHaveCount(0)
})

test("the weekly review's in-app banner starts the review", async ({ vouch, page }) => {
  await vouch.open()
  const core = await vouch.core()
  // What electron/notifier.ts sends for the weekly review when the OS cannot show it.
  core.emit({
    type: 'notice',
    notification: {
      title: 'Vouch — your weekly review',
      body: 'Five minutes to look back on the week.',
      opensReview: true,
    },
    reason: 'unsupported',
  })
  const notice = page.getByTestId('notice')
  await expect(notice).toContainText('Vouch — your weekly review')
  await expect(notice.getByRole('button', { name: 'Open' })).toHaveCount(0)
  await notice.getByRole('button', { name: 'Start review' }).click()
  const dashboard = new DashboardPage(page)
  await expect(dashboard.reviewStep).toHaveText('Step 1 of 5: This week')
  await expect(dashboard.reviewStep).toBeFocused()
  await expect(notice).toHaveCount(0)
})
