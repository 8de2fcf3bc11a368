import { expect, type Locator, type Page } from '@playwright/test'

/** Arrow keys a lifted card understands. */
export type ArrowKey = 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'

/** The kanban board: locators, actions, queries and assertions, in that order. */
export class BoardPage {
  constructor(readonly page: Page) {}

  // Locators

  /** A stage column by its label, e.g. "In touch". */
  column(stageLabel: string): Locator {
    return this.page.getByRole('region', { name: stageLabel, exact: true })
  }

  /** All cards of a column, in board order. */
  cardsIn(stageLabel: string): Locator {
    return this.column(stageLabel).getByTestId('card')
  }

  /** One card by the person's exact name. */
  card(name: string): Locator {
    return this.page.getByTestId('card').filter({ has: this.cardHandle(name) })
  }

  /** The focusable face of a card: what is dragged, clicked and picked up. */
  cardHandle(name: string): Locator {
    return this.page.getByRole('button', { name, exact: true })
  }

  get quickAddInput(): Locator {
    return this.page.getByRole('textbox', { name: 'Add a person to Identified' })
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: 'Search people' })
  }

  /** The live region that reads moves out to screen readers. */
  get announcer(): Locator {
    return this.page.getByTestId('announcer')
  }

  get emptyState(): Locator {
    return this.page.getByRole('region', { name: 'Build references before you need them' })
  }

  /** "N of M people" above the board. */
  get count(): Locator {
    return this.page.getByTestId('board-count')
  }

  get filterButton(): Locator {
    return this.page.getByRole('button', { name: 'Filter', exact: true })
  }

  get filters(): Locator {
    return this.page.getByRole('group', { name: 'Filters' })
  }

  get bulkBar(): Locator {
    return this.page.getByRole('region', { name: 'Selected people' })
  }

  /** The toolbar's "Save view…" (the views themselves are listed in the sidebar). */
  get savedViews(): Locator {
    return this.page.getByRole('group', { name: 'Saved views' })
  }

  /** The scrolling list of a column's cards. */
  list(stageLabel: string): Locator {
    return this.column(stageLabel).getByRole('list', { name: `People in ${stageLabel}` })
  }

  /** A lane of a grouped board, by its label ("Former manager"). */
  lane(label: string): Locator {
    return this.page.getByRole('region', { name: `Lane ${label}`, exact: true })
  }

  /** The scrolling list of one stage's cards in a lane of a grouped board. */
  laneList(laneLabel: string, stageLabel: string): Locator {
    return this.lane(laneLabel).getByRole('list', {
      name: `People in ${stageLabel}, ${laneLabel}`,
      exact: true,
    })
  }

  get newContactButton(): Locator {
    return this.page.getByRole('button', { name: 'New contact', exact: true })
  }

  // Actions

  /** Switch to the board view, whichever view the app opened on. */
  async show(): Promise<void> {
    const nav = this.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('button', { name: 'Board', exact: true })
    await nav.click()
    await expect(nav).toHaveAttribute('aria-current', 'page')
  }

  /** Type a name into the Identified column's quick add and press Enter. */
  async quickAdd(name: string): Promise<void> {
    await this.quickAddInput.fill(name)
    await this.quickAddInput.press('Enter')
  }

  /**
   * Drag a card with the mouse to a column, before another card when `beforeName` is given, else to its end.
   * dnd-kit's pointer sensor needs real moves past its activation distance, so the pointer travels in steps.
   */
  async dragCard(name: string, toStage: string, beforeName?: string): Promise<void> {
    const from = await this.grabPointOf(this.cardHandle(name))
    const to = beforeName
      ? await this.topEdgeOf(this.cardHandle(beforeName))
      : await this.bottomOf(this.column(toStage).getByRole('list'))
    const mouse = this.page.mouse
    await mouse.move(from.x, from.y)
    await mouse.down()
    await mouse.move(from.x + 8, from.y + 8, { steps: 4 })
    await mouse.move(to.x, to.y, { steps: 16 })
    // Release only once the card shows where it will land.
    await expect(this.cardsIn(toStage).filter({ has: this.cardHandle(name) })).toHaveCount(1)
    if (beforeName)
      await expect(this.nextCardOf(name)).toHaveAttribute(
        'data-contact-id',
        await this.idOf(beforeName),
      )
    await mouse.up()
  }

  /** Drag a card with the mouse to the end of a list (e.g. a lane's cell, from laneList). */
  async dragCardToList(name: string, list: Locator): Promise<void> {
    const from = await this.grabPointOf(this.cardHandle(name))
    const to = await this.bottomOf(list)
    const mouse = this.page.mouse
    await mouse.move(from.x, from.y)
    await mouse.down()
    await mouse.move(from.x + 8, from.y + 8, { steps: 4 })
    await mouse.move(to.x, to.y, { steps: 16 })
    // Release only once the card shows where it will land.
    await expect(list.getByTestId('card').filter({ has: this.cardHandle(name) })).toHaveCount(1)
    await mouse.up()
  }

  /** Focus a card, pick it up with Space, press the keys, and drop it with Space. */
  async keyboardMove(name: string, keys: readonly ArrowKey[]): Promise<void> {
    await this.cardHandle(name).focus()
    await this.page.keyboard.press('Space')
    for (const key of keys) await this.page.keyboard.press(key)
    await this.page.keyboard.press('Space')
  }

  /** Click a card (on its name, clear of the hover actions) to open it. */
  async openCard(name: string): Promise<void> {
    await this.cardHandle(name).click({ position: { x: 16, y: 10 } })
  }

  /** Open a card's menu and pick an item, e.g. a stage to move to, or "Delete". */
  async cardMenu(name: string, item: string): Promise<void> {
    await this.page.getByRole('button', { name: `Move or delete ${name}`, exact: true }).click()
    await this.page.getByRole('menuitem', { name: item, exact: true }).click()
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text)
  }

  /** Open the filter panel, tick options (by label) and add tags, then close it. */
  async filter(options: { check?: readonly string[]; tags?: readonly string[] }): Promise<void> {
    await this.filterButton.click()
    for (const label of options.check ?? [])
      await this.filters.getByRole('checkbox', { name: label, exact: true }).check()
    for (const tag of options.tags ?? []) {
      await this.filters.getByRole('combobox', { name: 'Filter by tag' }).fill(tag)
      await this.filters.getByRole('combobox', { name: 'Filter by tag' }).press('Enter')
    }
    await this.filterButton.click()
  }

  async sortBy(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Sort' }).selectOption({ label })
  }

  /** Group the board's rows into lanes: "Relationship", "Tag", "Company" or "No lanes". */
  async groupBy(label: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Lanes' }).selectOption({ label })
  }

  async saveView(name: string): Promise<void> {
    await this.savedViews.getByRole('button', { name: 'Save view…' }).click()
    await this.savedViews.getByRole('textbox', { name: 'View name' }).fill(name)
    await this.savedViews.getByRole('button', { name: 'Save', exact: true }).click()
  }

  /** Scroll a virtualized column (by its label) or list until the card at a 0-based position is rendered. */
  async scrollTo(column: string | Locator, index: number): Promise<void> {
    const list = typeof column === 'string' ? this.list(column) : column
    await expect(async () => {
      // Cards not yet measured are estimated: step towards the target from what is rendered.
      await list.evaluate((element, at) => {
        const rendered = Array.from(element.querySelectorAll('[data-index]'), (e) =>
          Number(e.getAttribute('data-index')),
        )
        const first = Math.min(...rendered)
        const last = Math.max(...rendered)
        const card = element.querySelector('[data-testid="card"]')
        const height = card ? card.getBoundingClientRect().height + 6 : 70
        if (at < first) element.scrollTop -= (first - at + 2) * height
        else if (at > last) element.scrollTop += (at - last + 2) * height
      }, index)
      await expect(list.locator(`[data-index="${index}"][data-testid="card"]`)).toBeVisible({
        timeout: 1000,
      })
    }).toPass()
  }

  // Queries

  /** Names on the cards of a column, top to bottom. */
  async namesIn(stageLabel: string): Promise<string[]> {
    return this.cardsIn(stageLabel).locator('.card-name').allTextContents()
  }

  async idOf(name: string): Promise<string> {
    const id = await this.card(name).getAttribute('data-contact-id')
    if (id === null) throw new Error(`The card of ${name} has no data-contact-id`)
    return id
  }

  // Assertions

  /** The column shows exactly these people, in this order, and counts them. */
  async expectColumn(stageLabel: string, names: readonly string[]): Promise<void> {
    await expect(this.cardsIn(stageLabel).locator('.card-name')).toHaveText([...names])
    // A column with a soft limit shows "count / limit".
    await expect(this.column(stageLabel).getByTestId('column-count')).toHaveText(
      new RegExp(`^${names.length}( / \\d+)?$`),
    )
  }

  async expectAnnounced(text: string | RegExp): Promise<void> {
    await expect(this.announcer).toHaveText(text)
  }

  // Helpers

  private nextCardOf(name: string): Locator {
    return this.card(name).locator('xpath=following-sibling::li[1]')
  }

  private async box(locator: Locator) {
    await locator.scrollIntoViewIfNeeded()
    const box = await locator.boundingBox()
    if (!box) throw new Error('The element is not visible')
    return box
  }

  /** Where a user grabs a card: its left part, clear of the actions that show on hover at the right. */
  private async grabPointOf(locator: Locator) {
    const box = await this.box(locator)
    return { x: box.x + Math.min(24, box.width / 4), y: box.y + box.height / 2 }
  }

  private async topEdgeOf(locator: Locator) {
    const box = await this.box(locator)
    return { x: box.x + box.width / 2, y: box.y + 4 }
  }

  private async bottomOf(locator: Locator) {
    const box = await this.box(locator)
    return { x: box.x + box.width / 2, y: box.y + box.height - 8 }
  }
}
