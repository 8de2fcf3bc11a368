import { expect, type Locator, type Page } from '@playwright/test'

/** Labels of the settings form's fields, as shown. */
export type SettingsLabel =
  | 'Daily digest at'
  | 'Quiet hours from'
  | 'until'
  | 'Thank a reference within (days)'
  | 'Building'
  | 'Show notifications'
  | 'Keep running in the tray when the window is closed'
  | 'Open Vouch at login'

/** The Settings view. */
export class SettingsPage {
  constructor(readonly page: Page) {}

  // Locators

  get view(): Locator {
    return this.page.getByTestId('settings')
  }

  field(label: SettingsLabel): Locator {
    return this.view.getByLabel(label, { exact: true })
  }

  /** The core's message shown under a field (its path, e.g. "cadenceByStage.building"). */
  error(path: string): Locator {
    return this.view.getByTestId(`error-${path}`)
  }

  // Actions

  async fill(label: SettingsLabel, value: string): Promise<void> {
    await this.field(label).fill(value)
  }

  async save(): Promise<void> {
    await this.view.getByRole('button', { name: 'Save settings' }).click()
  }

  // Assertions

  async expectValue(label: SettingsLabel, value: string): Promise<void> {
    await expect(this.field(label)).toHaveValue(value)
  }
}
