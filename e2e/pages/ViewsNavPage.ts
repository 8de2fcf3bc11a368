import { expect, type Locator, type Page } from '@playwright/test'

/** The sidebar's Views: the board's saved views, each with a Rename / Delete menu. */
export class ViewsNavPage {
  constructor(readonly page: Page) {}

  // Locators

  get list(): Locator {
    return this.page.getByRole('navigation', { name: 'Main' }).getByRole('list', { name: 'Views' })
  }

  /** A view's item by its exact name. */
  item(name: string): Locator {
    return this.list.getByRole('button', { name, exact: true })
  }

  menuButton(name: string): Locator {
    return this.list.getByRole('button', { name: `Rename or delete ${name}`, exact: true })
  }

  // Actions

  async open(name: string): Promise<void> {
    await this.item(name).click()
    await expect(this.item(name)).toHaveAttribute('aria-current', 'true')
  }

  async rename(name: string, to: string): Promise<void> {
    await this.menuButton(name).click()
    await this.page.getByRole('menuitem', { name: 'Rename…' }).click()
    const field = this.list.getByRole('textbox', { name: `Rename ${name}` })
    await expect(field).toBeFocused()
    await field.fill(to)
    await field.press('Enter')
  }

  async delete(name: string): Promise<void> {
    await this.menuButton(name).click()
    await this.page.getByRole('menuitem', { name: 'Delete', exact: true }).click()
  }
}
