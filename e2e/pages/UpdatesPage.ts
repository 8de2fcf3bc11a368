import { expect, type Locator, type Page } from '@playwright/test'

/** The Updates view: write a career update and share it with chosen references. */
export class UpdatesPage {
  constructor(readonly page: Page) {}

  // Locators

  get view(): Locator {
    return this.page.getByTestId('updates-view')
  }

  get composer(): Locator {
    return this.view.getByTestId('composer')
  }

  get drafts(): Locator {
    return this.composer.getByTestId('draft')
  }

  /** The people the filters find, each with a checkbox to choose them. */
  get matches(): Locator {
    return this.composer.getByTestId('recipient')
  }

  draft(name: string): Locator {
    return this.composer.getByRole('textbox', { name: `Draft for ${name}` })
  }

  get sendButton(): Locator {
    return this.composer.getByRole('button', { name: /^Log as sent/ })
  }

  // Actions

  async createUpdate(title: string, body: string): Promise<void> {
    const form = this.view.getByRole('form', { name: 'New update' })
    await form.getByLabel('Title').fill(title)
    await form.getByLabel('What happened').fill(body)
    await form.getByRole('button', { name: 'Save update' }).click()
  }

  async filterByTag(tag: string): Promise<void> {
    await this.composer.getByLabel('Tag', { exact: true }).fill(tag)
  }

  async filterByStage(label: string): Promise<void> {
    await this.composer
      .getByRole('group', { name: 'Stages' })
      .getByRole('checkbox', { name: label, exact: true })
      .check()
  }

  async search(text: string): Promise<void> {
    await this.composer.getByLabel('Search', { exact: true }).fill(text)
  }

  /** Tick one person found by the filters. */
  async choose(name: string): Promise<void> {
    await this.matches.getByRole('checkbox', { name, exact: true }).check()
  }

  /** Tick everyone the filters find. */
  async chooseAll(): Promise<void> {
    await this.composer.getByRole('button', { name: 'All', exact: true }).click()
  }

  async send(): Promise<void> {
    await this.sendButton.click()
  }

  // Assertions

  /** The filters find exactly these people, in this order. */
  async expectMatches(names: readonly string[]): Promise<void> {
    await expect(this.matches.locator('.recipient-name')).toHaveText([...names])
  }

  /** These people are chosen and have a draft each. */
  async expectRecipients(names: readonly string[]): Promise<void> {
    await expect(this.drafts.locator('strong')).toHaveText([...names])
  }
}
