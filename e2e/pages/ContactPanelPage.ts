import { expect, type Locator, type Page } from '@playwright/test'

/** Labels of the contact form's fields, as shown. */
export type FieldLabel =
  | 'Name'
  | 'Title'
  | 'Company'
  | 'Relationship'
  | 'Stage'
  | 'Field'
  | 'Years worked together'
  | 'Email'
  | 'Phone'
  | 'Links'
  | 'How we met'
  | 'Notes'
  | 'Tags'
  | 'Skills they can vouch for'
  | 'Keep in touch every (days)'
  | 'Credibility'

const SELECTS: ReadonlySet<FieldLabel> = new Set(['Relationship', 'Stage', 'Credibility'])

/** The side panel: a new contact's form, or a person's read view with its edit mode. */
export class ContactPanelPage {
  constructor(readonly page: Page) {}

  // Locators

  get panel(): Locator {
    return this.page.getByRole('dialog')
  }

  field(label: FieldLabel): Locator {
    return this.panel.getByLabel(label, { exact: true })
  }

  get saveButton(): Locator {
    return this.panel.getByRole('button', { name: /^(Save|Add contact)$/ })
  }

  get formError(): Locator {
    return this.panel.getByRole('alert')
  }

  // Actions

  /** Fill fields by label; selects take an option label. */
  async fill(values: Partial<Record<FieldLabel, string>>): Promise<void> {
    for (const [label, value] of Object.entries(values)) {
      if (!isFieldLabel(label) || value === undefined) continue
      if (SELECTS.has(label)) await this.field(label).selectOption({ label: value })
      else await this.field(label).fill(value)
    }
  }

  /** From the read view, enter edit mode (the Edit button; `e` does the same). */
  async edit(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Edit', exact: true }).click()
  }

  async save(): Promise<void> {
    await this.saveButton.click()
  }

  /** Delete from the read view's More menu (the edit form has a Delete button too). */
  async delete(): Promise<void> {
    await this.panel.getByRole('button', { name: /^More actions/ }).click()
    await this.page.getByRole('menuitem', { name: 'Delete' }).click()
  }

  async close(): Promise<void> {
    await this.panel.getByRole('button', { name: 'Close panel' }).click()
  }

  // Assertions

  async expectOpen(title: string | RegExp): Promise<void> {
    await expect(this.panel.getByRole('heading', { level: 2 })).toHaveText(title)
  }

  async expectClosed(): Promise<void> {
    await expect(this.panel).toHaveCount(0)
  }

  /** The message is shown and tied to the field (its accessible description), so it sits next to it. */
  async expectFieldError(label: FieldLabel, message: string): Promise<void> {
    await expect(this.field(label)).toHaveAttribute('aria-invalid', 'true')
    // The description is the error, then the field's hint when it has one.
    await expect(this.field(label)).toHaveAccessibleDescription(
      new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    )
  }
}

function isFieldLabel(label: string): label is FieldLabel {
  return [
    'Name',
    'Title',
    'Company',
    'Relationship',
    'Stage',
    'Field',
    'Years worked together',
    'Email',
    'Phone',
    'Links',
    'How we met',
    'Notes',
    'Tags',
    'Skills they can vouch for',
    'Keep in touch every (days)',
    'Credibility',
  ].includes(label)
}
