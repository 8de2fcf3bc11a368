import { expect, type Locator, type Page } from '@playwright/test'

/** The Inbox: people imported and not yet looked at. */
export class InboxPage {
  constructor(readonly page: Page) {}

  // Locators

  get view(): Locator {
    return this.page.getByTestId('inbox-view')
  }

  get rows(): Locator {
    return this.view.getByRole('list', { name: 'Inbox' }).getByRole('listitem')
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('checkbox', { name: `Select ${name}` }) })
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the Inbox' })
  }

  get selectionCount(): Locator {
    return this.view.getByTestId('selection-count')
  }

  // Actions

  async startTriage(): Promise<void> {
    await this.view.getByRole('button', { name: 'Start triage' }).click()
  }

  async select(name: string): Promise<void> {
    await this.page.getByRole('checkbox', { name: `Select ${name}` }).check()
  }

  async selectAllMatching(): Promise<void> {
    await this.view.getByRole('checkbox', { name: /^Select all .* matching$/ }).check()
  }

  async bulk(action: 'Keep' | 'Archive'): Promise<void> {
    await this.view
      .getByRole('toolbar', { name: 'Selection' })
      .getByRole('button', { name: action, exact: true })
      .click()
  }
}

/** Triage: one person at a time, Keep / Not now / Skip. */
export class TriagePage {
  constructor(readonly page: Page) {}

  // Locators

  get view(): Locator {
    return this.page.getByTestId('triage-view')
  }

  get name(): Locator {
    return this.view.getByTestId('triage-name')
  }

  get left(): Locator {
    return this.view.getByTestId('triage-left')
  }

  get duplicateHint(): Locator {
    return this.view.getByTestId('triage-duplicate')
  }

  filter(label: 'Company' | 'Title contains' | 'Connected from' | 'to'): Locator {
    return this.view.getByRole('group', { name: 'Which people to triage' }).getByLabel(label, {
      exact: true,
    })
  }

  // Actions

  /** Press a triage key (k, a, s, z) with the focus on the card. */
  async press(key: string): Promise<void> {
    await this.page.keyboard.press(key)
  }

  async decide(button: 'Keep' | 'Not now' | 'Skip' | 'Undo'): Promise<void> {
    await this.view.getByRole('button', { name: button, exact: true }).click()
  }

  // Queries

  /** The name on screen now, once it is there. */
  async currentName(): Promise<string> {
    await expect(this.name).toBeVisible()
    return (await this.name.textContent()) ?? ''
  }
}

/** The Archive: people set aside, with restore. */
export class ArchivePage {
  constructor(readonly page: Page) {}

  get view(): Locator {
    return this.page.getByTestId('archive-view')
  }

  get rows(): Locator {
    return this.view.getByRole('list', { name: 'Archive' }).getByRole('listitem')
  }

  row(name: string): Locator {
    return this.rows.filter({ has: this.page.getByRole('checkbox', { name: `Select ${name}` }) })
  }

  get search(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search the Archive' })
  }

  async restoreToBoard(name: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Restore ${name} to the board`, exact: true })
      .click()
  }

  async sendToInbox(name: string): Promise<void> {
    await this.page
      .getByRole('button', { name: `Send ${name} back to the Inbox`, exact: true })
      .click()
  }
}
