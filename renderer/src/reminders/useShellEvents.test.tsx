import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { App } from '../App'
import { AnnouncerProvider } from '../ui/announcer'
import { ToastProvider } from '../ui/toasts'
import { installFakeCore, makeContact } from '../test/fakeBridge'

afterEach(() => {
  cleanup()
  window.vouch = undefined
})

const current = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('button')
    .find((b) => b.getAttribute('aria-current') === 'page')?.textContent

describe('the app menu in the renderer', () => {
  it('goes to each view, opens a new contact, focuses the board search and opens Settings', async () => {
    const fake = installFakeCore([makeContact({ name: 'Ada Lovelace' })])
    render(
      <AnnouncerProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </AnnouncerProvider>,
    )
    await screen.findByTestId('app')
    act(() => fake.emit({ type: 'go', view: 'coverage' }))
    await waitFor(() => expect(current()).toBe('Coverage'))
    act(() => fake.emit({ type: 'menu', action: 'settings' }))
    await waitFor(() => expect(current()).toBe('Settings'))
    act(() => fake.emit({ type: 'menu', action: 'import' }))
    await waitFor(() => expect(current()).toBe('Import / Export'))
    act(() => fake.emit({ type: 'menu', action: 'find' }))
    await waitFor(() => expect(current()).toBe('Board'))
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search people' })),
    )
    act(() => fake.emit({ type: 'go', view: 'trash' }))
    await waitFor(() => expect(current()).toBe('Trash'))
    act(() => fake.emit({ type: 'menu', action: 'new-contact' }))
    await waitFor(() => expect(current()).toBe('Board'))
    expect(await screen.findByRole('heading', { name: 'New contact' })).toBeTruthy()
  })

  it("the weekly review's notification closes the open person and starts the review on the dashboard", async () => {
    const fake = installFakeCore([makeContact({ id: 'ada', name: 'Ada Lovelace' })])
    render(
      <AnnouncerProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </AnnouncerProvider>,
    )
    await screen.findByTestId('app')
    act(() => fake.emit({ type: 'open-contact', contactId: 'ada' }))
    expect(await screen.findByTestId('contact-panel')).toBeTruthy()
    act(() => fake.emit({ type: 'open-review' }))
    await waitFor(() => expect(current()).toBe('Dashboard'))
    expect(await screen.findByRole('dialog', { name: 'Weekly review' })).toBeTruthy()
    expect(screen.queryByTestId('contact-panel')).toBeNull()
    // The fake core has no review.get: the dialog asks the core, and says what went wrong.
    await waitFor(() => expect(fake.calls.map((c) => c.command)).toContain('review.get'))
  })
})
