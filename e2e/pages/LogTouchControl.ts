import type { Locator, Page } from '@playwright/test'

/** The "Log touch" control found on cards, in Today and in the contact panel. */
export class LogTouchControl {
  constructor(
    readonly page: Page,
    /** Where to look for the control: a card, a Today item, the panel. */
    readonly scope: Locator,
  ) {}

  button(name: string, label = 'Log touch'): Locator {
    return this.scope.getByRole('button', { name: `${label} with ${name}`, exact: true })
  }

  form(name: string): Locator {
    return this.scope.getByRole('form', { name: `Log a touch with ${name}` })
  }

  /** Open the control, pick a kind by its label, add an optional note and day, and log it. */
  async log(
    name: string,
    kind: string,
    note?: string,
    label?: string,
    /** yyyy-MM-dd; today when left out. */
    day?: string,
  ): Promise<void> {
    await this.button(name, label).click()
    const form = this.form(name)
    if (day !== undefined) await form.getByLabel('Date').fill(day)
    await form.getByLabel('Kind').selectOption({ label: kind })
    if (note !== undefined) await form.getByLabel('Note (optional)').fill(note)
    await form.getByRole('button', { name: 'Log', exact: true }).click()
  }
}
