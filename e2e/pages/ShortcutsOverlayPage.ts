import { expect, type Locator, type Page } from '@playwright/test'

/** The `?` overlay listing every keyboard shortcut. */
export class ShortcutsOverlayPage {
  constructor(readonly page: Page) {}

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  }

  /** The row of a command by its title, e.g. "New contact". */
  row(title: string): Locator {
    return this.dialog
      .locator('.shortcuts-row')
      .filter({ has: this.page.locator('.shortcuts-title').getByText(title, { exact: true }) })
  }

  /** The shortcuts of a command as read out, e.g. ["N", "Ctrl+N"]. */
  async shortcutsOf(title: string): Promise<string[]> {
    return this.row(title).locator('.shortcut > .sr-only').allTextContents()
  }

  async open(): Promise<void> {
    await this.page.keyboard.press('?')
    await expect(this.dialog).toBeVisible()
  }

  async expectClosed(): Promise<void> {
    await expect(this.dialog).toHaveCount(0)
  }
}
