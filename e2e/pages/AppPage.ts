import { expect, type Locator, type Page } from '@playwright/test'

/** Views of the top navigation. */
export type ViewName =
  'Today' | 'Inbox' | 'Board' | 'Archive' | 'Updates' | 'Coverage' | 'Dashboard' | 'Trash'

/** The shell around every view: navigation, the status banner and toasts. */
export class AppPage {
  constructor(readonly page: Page) {}

  // Locators

  nav(view: ViewName): Locator {
    // The label may be followed by a count badge ("Today, 3 to do").
    return this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: new RegExp(`^${view}(,|$)`) })
  }

  get banner(): Locator {
    return this.page.getByTestId('status-banner')
  }

  toast(text: string | RegExp): Locator {
    return this.page.getByTestId('toast').filter({ hasText: text })
  }

  // Actions

  async goTo(view: ViewName): Promise<void> {
    await this.nav(view).click()
  }

  /** Click the Undo button of the toast that says `text`. */
  async undoFromToast(text: string | RegExp): Promise<void> {
    await this.toast(text).getByRole('button', { name: 'Undo' }).click()
  }

  async dismissBanner(): Promise<void> {
    await this.banner.getByRole('button', { name: 'Dismiss' }).click()
  }

  /** Ctrl+Z with the focus outside any text field. */
  async pressUndo(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+z')
  }

  // Assertions

  async expectBanner(text: string | RegExp): Promise<void> {
    await expect(this.banner).toBeVisible()
    await expect(this.banner).toContainText(text)
  }
}
