import { expect, type Download, type Locator, type Page } from '@playwright/test'

/** The Import / Export view: the import wizard, the export menu and the backups list. */
export class ImportPage {
  constructor(readonly page: Page) {}

  // Locators

  get navButton(): Locator {
    return this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Import / Export', exact: true })
  }

  get fileInput(): Locator {
    return this.page.getByLabel('Choose a contacts file')
  }

  get preview(): Locator {
    return this.page.getByTestId('import-preview')
  }

  get duplicates(): Locator {
    return this.page.getByTestId('import-duplicate')
  }

  duplicate(name: string): Locator {
    return this.duplicates.filter({ hasText: name })
  }

  get newPeople(): Locator {
    return this.page.getByTestId('import-new')
  }

  get result(): Locator {
    return this.page.getByTestId('import-result')
  }

  get mapping(): Locator {
    return this.page.getByTestId('import-mapping')
  }

  /** The field a column of an unknown CSV is mapped to. */
  mappingFor(column: string): Locator {
    return this.page.getByLabel(`Field for column ${column}`)
  }

  /** "The first row will be named …" under the mapping. */
  get sampleName(): Locator {
    return this.page.getByTestId('import-sample-name')
  }

  /** The note that names were made from email addresses. */
  get emailNamesNote(): Locator {
    return this.page.getByTestId('import-email-names')
  }

  /** The editable name of a row whose name was made from its email address. */
  nameFromEmail(email: string): Locator {
    return this.page.getByLabel(`Name for ${email}`)
  }

  get backups(): Locator {
    return this.page.getByTestId('backup-item')
  }

  // Actions

  async open(): Promise<void> {
    await this.navButton.click()
    await expect(this.page.getByRole('heading', { name: 'Import / Export' })).toBeVisible()
  }

  /** Pick a file through the wizard's file input. */
  async chooseFile(
    name: string,
    contents: string | Buffer,
    mimeType = 'text/plain',
  ): Promise<void> {
    const buffer = typeof contents === 'string' ? Buffer.from(contents, 'utf8') : contents
    await this.fileInput.setInputFiles({ name, mimeType, buffer })
  }

  /** Drop a file onto the wizard, as a drag from the desktop does. */
  async dropFile(name: string, contents: string, mimeType = 'text/plain'): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ([fileName, text, type]) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([text], fileName, { type }))
        return transfer
      },
      [name, contents, mimeType] as const,
    )
    await this.page.getByTestId('import-dropzone').dispatchEvent('drop', { dataTransfer })
  }

  async choose(name: string, choice: 'Skip' | 'Merge' | 'Add as new'): Promise<void> {
    await this.page.getByLabel(`Choice for ${name}`).selectOption({ label: choice })
  }

  async mapColumn(column: string, fieldLabel: string): Promise<void> {
    await this.mappingFor(column).selectOption({ label: fieldLabel })
  }

  async previewMapping(): Promise<void> {
    await this.mapping.getByRole('button', { name: 'Preview' }).click()
  }

  async commit(): Promise<void> {
    await this.preview.getByRole('button', { name: 'Import', exact: true }).click()
  }

  async undoImport(): Promise<void> {
    await this.result.getByRole('button', { name: 'Undo this import' }).click()
  }

  /** Export through the menu and return the browser download. */
  async exportAs(
    label: 'Full backup (Vouch JSON)' | 'Contacts as vCard' | 'Contacts as CSV',
  ): Promise<Download> {
    await this.page.getByRole('button', { name: 'Export', exact: true }).click()
    const download = this.page.waitForEvent('download')
    await this.page.getByRole('menuitem', { name: label }).click()
    return download
  }

  // Assertions

  async expectResult(text: string | RegExp): Promise<void> {
    await expect(this.result.getByRole('status')).toHaveText(text)
  }
}
