import { expect, type Locator, type Page } from '@playwright/test'

/** The workflow's modal dialogs: new request, thank-you templates, a drop on Thanked. */
export class WorkflowDialogs {
  constructor(readonly page: Page) {}

  // Locators

  get request(): Locator {
    return this.page.getByTestId('request-dialog')
  }

  get thankYou(): Locator {
    return this.page.getByTestId('thank-you-dialog')
  }

  get thankedDrop(): Locator {
    return this.page.getByTestId('thanked-drop-dialog')
  }

  get templateText(): Locator {
    return this.thankYou.getByRole('textbox', { name: 'Template text' })
  }

  // Actions

  async fillRequest(values: { company: string; role: string; dueBy?: string }): Promise<void> {
    await this.request.getByLabel('Company').fill(values.company)
    await this.request.getByLabel('Role').fill(values.role)
    if (values.dueBy) await this.request.getByLabel('Needed by').fill(values.dueBy)
  }

  async submitRequest(): Promise<void> {
    await this.request.getByRole('button', { name: 'Create request' }).click()
  }

  async cancelRequest(): Promise<void> {
    await this.request.getByRole('button', { name: 'Cancel' }).click()
  }

  async pickTemplate(label: 'Note' | 'Email' | 'Call script'): Promise<void> {
    await this.thankYou.getByRole('radio', { name: label }).check()
  }

  async openEmail(): Promise<void> {
    await this.thankYou.getByRole('button', { name: 'Open email' }).click()
  }

  async logThankYou(): Promise<void> {
    await this.thankYou.getByRole('button', { name: 'Log thank-you' }).click()
  }

  // Assertions

  async expectClosed(): Promise<void> {
    await expect(this.page.locator('.dialog')).toHaveCount(0)
  }
}
