import { expect, type Locator, type Page } from '@playwright/test'

/** The Dashboard view and its weekly review dialog. */
export class DashboardPage {
  constructor(readonly page: Page) {}

  // Locators

  get navButton(): Locator {
    return this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Dashboard' })
  }

  get view(): Locator {
    return this.page.getByTestId('dashboard-view')
  }

  stat(name: 'people' | 'overdue' | 'references' | 'timeliness'): Locator {
    return this.page.getByTestId(`stat-${name}`)
  }

  chart(name: 'stages' | 'touches' | 'overdue'): Locator {
    return this.page.getByTestId(`chart-${name}`)
  }

  /** The last row (the current week) of a chart's data table, once shown. */
  lastTableRow(name: 'stages' | 'touches' | 'overdue'): Locator {
    return this.chart(name).getByRole('table').getByRole('row').last()
  }

  get reviewBanner(): Locator {
    return this.page.getByTestId('review-banner')
  }

  get review(): Locator {
    return this.page.getByTestId('weekly-review')
  }

  get reviewStep(): Locator {
    return this.review.getByTestId('review-step')
  }

  // Actions

  async open(): Promise<void> {
    await this.navButton.click()
    await expect(this.stat('people')).toBeVisible()
  }

  async showTable(name: 'stages' | 'touches' | 'overdue'): Promise<void> {
    await this.chart(name).getByRole('button', { name: 'Show table' }).click()
  }

  async nextStep(): Promise<void> {
    await this.review.getByRole('button', { name: 'Next' }).click()
  }
}
