import { expect, type Locator, type Page } from '@playwright/test'

/** The ⌘K / Ctrl+K command palette. */
export class CommandPalettePage {
  constructor(readonly page: Page) {}

  // Locators

  get dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Command palette' })
  }

  get input(): Locator {
    return this.dialog.getByRole('combobox')
  }

  /** An entry by its visible text (a command title or a person's name). */
  option(text: string | RegExp): Locator {
    return this.dialog.getByRole('option').filter({ hasText: text })
  }

  get selectedOption(): Locator {
    return this.dialog.locator('[role="option"][aria-selected="true"]')
  }

  // Actions

  async open(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+k')
    await expect(this.input).toBeFocused()
  }

  async type(text: string): Promise<void> {
    await this.input.pressSequentially(text)
  }

  // Assertions

  async expectClosed(): Promise<void> {
    await expect(this.dialog).toHaveCount(0)
  }
}
