import { expect, type Locator, type Page } from '@playwright/test'

/** The Trash view: deleted people with Restore. */
export class TrashPage {
  constructor(readonly page: Page) {}

  // Locators

  get items(): Locator {
    return this.page.getByRole('list', { name: 'Deleted people' }).getByRole('listitem')
  }

  item(name: string): Locator {
    return this.items.filter({ has: this.restoreButton(name) })
  }

  restoreButton(name: string): Locator {
    return this.page.getByRole('button', { name: `Restore ${name}`, exact: true })
  }

  // Actions

  async restore(name: string): Promise<void> {
    await this.restoreButton(name).click()
  }

  // Assertions

  async expectListed(name: string): Promise<void> {
    await expect(this.item(name)).toHaveCount(1)
  }
}
