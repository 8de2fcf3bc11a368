import { expect, type Locator, type Page } from '@playwright/test'
import { LogTouchControl } from './LogTouchControl'

/** The workflow part of the contact panel: keep in touch, reference requests, timeline. */
export class ContactWorkflowPage {
  constructor(readonly page: Page) {}

  // Locators

  get section(): Locator {
    return this.page.getByTestId('contact-workflow')
  }

  get timelineItems(): Locator {
    return this.section.getByTestId('timeline-item')
  }

  get lastUpdateHeard(): Locator {
    return this.section.getByTestId('last-update-heard')
  }

  request(role: string, company: string): Locator {
    return this.section.getByRole('listitem', { name: `${role} at ${company}`, exact: true })
  }

  // Actions

  async markRequest(role: string, company: string, action: string): Promise<void> {
    await this.request(role, company).getByRole('button', { name: action, exact: true }).click()
  }

  async logTouch(name: string, kind: string, note?: string, day?: string): Promise<void> {
    await new LogTouchControl(this.page, this.section).log(name, kind, note, undefined, day)
  }

  /** Open a timeline entry's editor by its button's name ("Edit call of 3 Nov 2026"). */
  async editTouch(buttonName: string | RegExp): Promise<Locator> {
    await this.section.getByRole('button', { name: buttonName }).click()
    return this.section.getByRole('form', { name: 'Edit touch' })
  }

  /** The day of each timeline entry as shown ("3 Nov 2026"), newest first. */
  get timelineDays(): Locator {
    return this.timelineItems.locator('time')
  }

  get dueSentence(): Locator {
    return this.page.getByTestId('due-sentence')
  }

  // Assertions

  /** The timeline lists these kinds, newest first. */
  async expectTimeline(kinds: readonly string[]): Promise<void> {
    await expect(this.timelineItems.getByTestId('timeline-kind')).toHaveText([...kinds])
  }

  async expectRequestStatus(role: string, company: string, status: string): Promise<void> {
    await expect(this.request(role, company).getByTestId('request-status')).toHaveText(status)
  }
}
