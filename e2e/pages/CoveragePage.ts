import { expect, type Locator, type Page } from '@playwright/test'

/** The Coverage view: target skills × who can vouch for each. */
export class CoveragePage {
  constructor(readonly page: Page) {}

  // Locators

  get view(): Locator {
    return this.page.getByTestId('coverage-view')
  }

  get skillsInput(): Locator {
    return this.view.getByLabel('Skills you want references to cover')
  }

  get matrix(): Locator {
    return this.view.getByRole('table', { name: 'Coverage matrix' })
  }

  row(skill: string): Locator {
    return this.matrix
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: skill, exact: true }) })
  }

  // Actions

  async setTargetSkills(skills: string): Promise<void> {
    await this.skillsInput.fill(skills)
    await this.view.getByRole('button', { name: 'Save skills' }).click()
  }

  // Assertions

  async expectGap(skill: string): Promise<void> {
    await expect(this.row(skill)).toHaveAttribute('data-gap', 'true')
    await expect(this.row(skill)).toContainText('Gap: nobody yet')
  }

  async expectCoveredBy(skill: string, names: readonly string[]): Promise<void> {
    await expect(this.row(skill)).toHaveAttribute('data-gap', 'false')
    await expect(this.row(skill).getByRole('button')).toHaveText([...names])
  }
}
