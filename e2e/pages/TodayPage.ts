import { expect, type Locator, type Page } from '@playwright/test'
import { LogTouchControl } from './LogTouchControl'

/** The Today view: thanks owed, who to get in touch with, requests to chase. */
export class TodayPage {
  constructor(readonly page: Page) {}

  // Locators

  get view(): Locator {
    return this.page.getByTestId('today-view')
  }

  section(name: 'Thanks owed' | 'Get in touch' | 'Requests to chase' | 'Coming up'): Locator {
    return this.view.getByRole('region', { name, exact: true })
  }

  thanksOwed(name: string): Locator {
    return this.section('Thanks owed').getByRole('listitem', { name, exact: true })
  }

  overdue(name: string): Locator {
    return this.section('Get in touch').getByRole('listitem', { name, exact: true })
  }

  // Actions

  async sayThankYou(name: string): Promise<void> {
    await this.thanksOwed(name).getByRole('button', { name: 'Say thank you' }).click()
  }

  async logTouch(name: string, kind: string): Promise<void> {
    await new LogTouchControl(this.page, this.overdue(name)).log(name, kind)
  }

  async snooze(name: string): Promise<void> {
    await this.overdue(name).getByRole('button', { name: 'Snooze a week' }).click()
  }

  // Assertions

  async expectThanksOwed(name: string, text: string | RegExp): Promise<void> {
    await expect(this.thanksOwed(name)).toContainText(text)
  }
}
