import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import type { Contact } from '@shared/domain'
import { makeContact } from '@testing/builders'
import {
  closeRealCores,
  damageDataFile,
  installRealCore,
  type RealCore,
  type RealCoreOptions,
} from '@testing/renderer/realBridge'
import { App } from './App'
import { boardData } from './board/boardData'
import { AnnouncerProvider } from './ui/announcer'
import { ToastProvider } from './ui/toasts'

afterEach(async () => {
  cleanup()
  window.vouch = undefined
  boardData.reset()
  await closeRealCores()
})

/** The real core on a fresh folder holding `options`, behind window.vouch. */
const installCore = (options: RealCoreOptions = {}) => installRealCore(window, options)

async function renderApp(opening: Promise<RealCore>): Promise<RealCore> {
  const real = await opening
  render(
    <AnnouncerProvider>
      <ToastProvider>
        <App />
      </ToastProvider>
    </AnnouncerProvider>,
  )
  await screen.findByTestId('app')
  // The app may open on another view (Today); these tests are about the board.
  fireEvent.click(
    within(screen.getByRole('navigation', { name: 'Main' })).getByRole('button', { name: 'Board' }),
  )
  return real
}

const column = (label: string) => screen.getByRole('region', { name: label })
const namesIn = (label: string) =>
  within(column(label))
    .queryAllByTestId('card')
    .map((card) => card.querySelector('.card-name')?.textContent)

/** A person in Identified whose id is their name in lowercase with dashes. */
const person = (fields: Partial<Contact> & { name: string }) =>
  makeContact({
    id: fields.name.toLowerCase().replace(/\W+/g, '-'),
    stage: 'identified',
    ...fields,
  })

const people = (): RealCoreOptions => ({
  contacts: [
    person({ name: 'Ada Lovelace', company: 'Analytical Engines', tags: ['math'], order: 0 }),
    person({ name: 'José Martí', company: 'Patria', order: 1 }),
    person({
      name: 'Grace Hopper',
      stage: 'in-touch',
      title: 'Rear admiral',
      company: 'US Navy',
    }),
  ],
})

describe('the board', () => {
  it('shows six columns with counts, and cards with name, role, relationship and tags', async () => {
    await renderApp(installCore(people()))
    for (const label of [
      'Identified',
      'Building',
      'In touch',
      'Asked',
      'Gave reference',
      'Thanked',
    ]) {
      expect(column(label)).toBeTruthy()
    }
    await waitFor(() => expect(namesIn('Identified')).toEqual(['Ada Lovelace', 'José Martí']))
    expect(within(column('Identified')).getByTestId('column-count').textContent).toBe('2')
    const grace = await within(column('In touch')).findByTestId('card')
    expect(grace.textContent).toContain('Rear admiral @ US Navy')
    expect(within(column('Identified')).getAllByTestId('card')[0]?.textContent).toContain('math')
  })

  it('explains the four steps when there is no one yet', async () => {
    await renderApp(installCore())
    const empty = await screen.findByRole('region', {
      name: 'Build references before you need them',
    })
    expect(within(empty).getAllByRole('listitem')).toHaveLength(4)
    fireEvent.click(within(empty).getByRole('button', { name: 'Add your first person' }))
    expect(screen.getByRole('dialog', { name: 'New contact' })).toBeTruthy()
  })

  it('quick add sends contact.create and shows the new card', async () => {
    const fake = await renderApp(installCore())
    const input = screen.getByRole('textbox', { name: 'Add a person to Identified' })
    fireEvent.change(input, { target: { value: 'Ada Lovelace' } })
    fireEvent.submit(input)
    await waitFor(() => expect(namesIn('Identified')).toEqual(['Ada Lovelace']))
    expect(fake.calls).toContainEqual({
      command: 'contact.create',
      input: { name: 'Ada Lovelace', stage: 'identified' },
    })
    expect((input as HTMLInputElement).value).toBe('')
  })

  it('filters by name, company and tag, ignoring case and accents', async () => {
    await renderApp(installCore(people()))
    const search = screen.getByRole('searchbox', { name: 'Search people' })
    fireEvent.change(search, { target: { value: 'jose' } })
    await waitFor(() => expect(namesIn('Identified')).toEqual(['José Martí']))
    fireEvent.change(search, { target: { value: 'NAVY' } })
    await waitFor(() => expect(namesIn('In touch')).toEqual(['Grace Hopper']))
    expect(screen.getAllByTestId('card')).toHaveLength(1)
    fireEvent.change(search, { target: { value: 'MATH' } })
    await waitFor(() => expect(namesIn('Identified')).toEqual(['Ada Lovelace']))
    expect(within(column('Identified')).getByTestId('column-count').textContent).toBe('1')
    expect(screen.getByTestId('board-count').textContent).toBe('1 of 3 people')
  })

  it('moves a card with the keyboard, announcing each step, and sends contact.move', async () => {
    const fake = await renderApp(installCore(people()))
    const ada = await screen.findByRole('button', { name: 'Ada Lovelace' })
    await screen.findByRole('button', { name: 'Grace Hopper' })
    const announcer = screen.getByTestId('announcer')
    act(() => ada.focus())
    fireEvent.keyDown(ada, { key: ' ' })
    expect(announcer.textContent).toMatch(
      /^Picked up Ada Lovelace\. In Identified, position 1 of 2\./,
    )
    fireEvent.keyDown(document.activeElement ?? ada, { key: 'ArrowRight' })
    expect(announcer.textContent).toBe('Moved to Building, position 1 of 1.')
    fireEvent.keyDown(document.activeElement ?? ada, { key: 'ArrowRight' })
    fireEvent.keyDown(document.activeElement ?? ada, { key: 'ArrowDown' })
    expect(announcer.textContent).toBe('Moved to In touch, position 2 of 2.')
    expect(document.activeElement?.querySelector('.card-name')?.textContent).toBe('Ada Lovelace')
    fireEvent.keyDown(document.activeElement ?? ada, { key: ' ' })
    expect(announcer.textContent).toBe('Dropped Ada Lovelace in In touch, position 2 of 2.')
    await waitFor(() =>
      expect(fake.calls).toContainEqual({
        command: 'contact.move',
        input: { id: 'ada-lovelace', stage: 'in-touch', index: 1 },
      }),
    )
    await waitFor(() => expect(namesIn('In touch')).toEqual(['Grace Hopper', 'Ada Lovelace']))
    expect(document.activeElement?.querySelector('.card-name')?.textContent).toBe('Ada Lovelace')

    // Once the user moves on, the moved card no longer pulls focus back as the board updates.
    const search = screen.getByRole('searchbox', { name: 'Search people' })
    act(() => search.focus())
    fireEvent.change(search, { target: { value: 'grace' } })
    await waitFor(() => expect(namesIn('In touch')).toEqual(['Grace Hopper']))
    expect(document.activeElement).toBe(search)
  })

  it('Escape cancels a keyboard move without telling the core', async () => {
    const fake = await renderApp(installCore(people()))
    const ada = await screen.findByRole('button', { name: 'Ada Lovelace' })
    await screen.findByRole('button', { name: 'José Martí' })
    act(() => ada.focus())
    fireEvent.keyDown(ada, { key: ' ' })
    fireEvent.keyDown(document.activeElement ?? ada, { key: 'ArrowDown' })
    expect(namesIn('Identified')).toEqual(['José Martí', 'Ada Lovelace'])
    fireEvent.keyDown(document.activeElement ?? ada, { key: 'Escape' })
    expect(namesIn('Identified')).toEqual(['Ada Lovelace', 'José Martí'])
    expect(fake.calls.some((c) => c.command === 'contact.move')).toBe(false)
  })
})

/** Open a card's read view, then its edit mode; resolves to the panel. */
async function openEditor(name: string): Promise<HTMLElement> {
  fireEvent.click(await screen.findByRole('button', { name }))
  const shown = await screen.findByRole('dialog', { name })
  fireEvent.click(within(shown).getByRole('button', { name: 'Edit' }))
  return screen.getByRole('dialog', { name: `Edit ${name}` })
}

describe('the contact panel', () => {
  it('opens read-first: name, role, stage and next actions; Edit is a mode, also on e', async () => {
    await renderApp(installCore(people()))
    fireEvent.click(await screen.findByRole('button', { name: 'Ada Lovelace' }))
    const panel = await screen.findByRole('dialog', { name: 'Ada Lovelace' })
    expect(within(panel).queryByLabelText('Name')).toBeNull()
    expect(within(panel).getByRole('group', { name: 'Next actions' })).toBeTruthy()
    expect(within(panel).getByTestId('contact-stage').textContent).toBe('Identified')
    fireEvent.keyDown(within(panel).getByRole('heading', { name: 'Ada Lovelace' }), { key: 'e' })
    const editor = screen.getByRole('dialog', { name: 'Edit Ada Lovelace' })
    expect(within(editor).getByLabelText('Name')).toBeTruthy()
  })

  it('shows the core’s message under the name field and keeps what was typed', async () => {
    await renderApp(installCore(people()))
    const panel = await openEditor('Ada Lovelace')
    const name = within(panel).getByLabelText('Name')
    const title = within(panel).getByLabelText('Title')
    fireEvent.change(name, { target: { value: '' } })
    fireEvent.change(title, { target: { value: 'Countess' } })
    fireEvent.click(within(panel).getByRole('button', { name: 'Save' }))
    const error = await within(panel).findByText('Name is required.')
    expect(name.getAttribute('aria-invalid')).toBe('true')
    expect(name.getAttribute('aria-describedby')).toBe(error.id)
    expect(name.parentElement?.contains(error)).toBe(true)
    expect((title as HTMLInputElement).value).toBe('Countess')
    expect(namesIn('Identified')).toEqual(['Ada Lovelace', 'José Martí'])
  })

  it('saves every field through contact.update', async () => {
    const fake = await renderApp(installCore(people()))
    const panel = await openEditor('Ada Lovelace')
    fireEvent.change(within(panel).getByLabelText('Links'), {
      target: { value: 'https://a.example\n\nhttps://b.example' },
    })
    fireEvent.change(within(panel).getByLabelText('Tags'), { target: { value: 'math, , poetry ' } })
    fireEvent.change(within(panel).getByLabelText('Credibility'), { target: { value: '4' } })
    fireEvent.change(within(panel).getByLabelText('Keep in touch every (days)'), {
      target: { value: '30' },
    })
    fireEvent.change(within(panel).getByLabelText('Relationship'), { target: { value: 'mentor' } })
    fireEvent.click(within(panel).getByRole('button', { name: 'Save' }))
    // Saved, the panel goes back to reading.
    await screen.findByRole('dialog', { name: 'Ada Lovelace' })
    expect(await fake.core.call('contact.get', { id: 'ada-lovelace' })).toMatchObject({
      links: ['https://a.example', 'https://b.example'],
      tags: ['math', 'poetry'],
      credibility: 4,
      cadenceDays: 30,
      relationship: 'mentor',
    })
  })
})

describe('delete and undo', () => {
  it('offers Undo after a delete, and Ctrl+Z undoes except while typing', async () => {
    const fake = await renderApp(installCore(people()))
    fireEvent.click(await screen.findByRole('button', { name: 'Move or delete Ada Lovelace' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }))
    const toast = await screen.findByText('Moved Ada Lovelace to the trash.')
    await waitFor(() => expect(namesIn('Identified')).toEqual(['José Martí']))
    fireEvent.click(
      within(toast.parentElement ?? document.body).getByRole('button', { name: 'Undo' }),
    )
    await waitFor(() => expect(fake.calls.filter((c) => c.command === 'undo')).toHaveLength(1))
    // The core restored her from the trash, and the board shows it.
    await waitFor(() => expect(namesIn('Identified')).toEqual(['Ada Lovelace', 'José Martí']))
    expect((await fake.core.call('contact.get', { id: 'ada-lovelace' })).trashedAt).toBeNull()

    fireEvent.keyDown(screen.getByRole('searchbox', { name: 'Search people' }), {
      key: 'z',
      ctrlKey: true,
    })
    expect(fake.calls.filter((c) => c.command === 'undo')).toHaveLength(1)
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true })
    await waitFor(() => expect(fake.calls.filter((c) => c.command === 'undo')).toHaveLength(2))
    fireEvent.keyDown(document.body, { key: 'Z', ctrlKey: true, shiftKey: true })
    fireEvent.keyDown(document.body, { key: 'y', ctrlKey: true })
    await waitFor(() => expect(fake.calls.filter((c) => c.command === 'redo')).toHaveLength(2))
  })
})

describe('the status banner', () => {
  it('names the quarantined file, can be dismissed, and comes back for a new problem', async () => {
    const fake = await renderApp(
      installCore({
        ...people(),
        // Seeding left the day's backup; a damaged vouch.json is moved aside and that backup
        // restored.
        prepare: damageDataFile,
      }),
    )
    const { problem } = await fake.core.call('app.status', {})
    expect(problem).toMatchObject({ kind: 'quarantined' })
    const banner = await screen.findByTestId('status-banner')
    expect(banner.textContent).toContain(problem?.quarantinedAs)
    expect(banner.textContent).toContain(problem?.restoredFrom)
    expect(problem?.quarantinedAs).toContain(`${fake.dataDir}/vouch.corrupt-`)
    expect(problem?.restoredFrom).toContain(`${fake.dataDir}/backups/vouch-`)
    await waitFor(() => expect(namesIn('Identified')).toEqual(['Ada Lovelace', 'José Martí']))
    fireEvent.click(within(banner).getByRole('button', { name: 'Dismiss' }))
    expect(screen.queryByTestId('status-banner')).toBeNull()

    // The disk fills up: the next change fails and the banner is back with the core's reason.
    fake.disk.set({ code: 'ENOSPC', at: new Set(['write']), pathIncludes: 'vouch.journal' })
    const quickAdd = screen.getByRole('textbox', { name: 'Add a person to Identified' })
    fireEvent.change(quickAdd, { target: { value: 'Linus Torvalds' } })
    fireEvent.submit(quickAdd)
    const again = await screen.findByTestId('status-banner')
    expect(again.textContent).toContain('Vouch could not save your latest changes.')
    const failed = (await fake.core.call('app.status', {})).problem
    expect(failed?.kind).toBe('write-failed')
    expect(again.textContent).toContain(failed?.message)
    expect(namesIn('Identified')).toEqual(['Ada Lovelace', 'José Martí'])
  })
})
