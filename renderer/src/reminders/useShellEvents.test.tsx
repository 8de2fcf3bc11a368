import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { makeContact } from '@testing/builders'
import { closeRealCores, installRealCore } from '@testing/renderer/realBridge'
import { App } from '../App'
import { AnnouncerProvider } from '../ui/announcer'
import { ToastProvider } from '../ui/toasts'

afterEach(async () => {
  cleanup()
  window.vouch = undefined
  await closeRealCores()
})

const current = () =>
  within(screen.getByRole('navigation', { name: 'Main' }))
    .getAllByRole('button')
    .find((b) => b.getAttribute('aria-current') === 'page')?.textContent

describe('the app menu in the renderer', () => {
  it('goes to each view, opens a new contact, focuses the board search and opens Settings', async () => {
    // The shell sends menu events through the core's emit, as electron/main.ts does.
    const { core } = await installRealCore(window, {
      contacts: [makeContact({ name: 'Ada Lovelace' })],
    })
    render(
      <AnnouncerProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </AnnouncerProvider>,
    )
    await screen.findByTestId('app')
    core.emit({ type: 'go', view: 'coverage' })
    await waitFor(() => expect(current()).toBe('Coverage'))
    core.emit({ type: 'menu', action: 'settings' })
    await waitFor(() => expect(current()).toBe('Settings'))
    core.emit({ type: 'menu', action: 'import' })
    await waitFor(() => expect(current()).toBe('Import / Export'))
    core.emit({ type: 'menu', action: 'find' })
    await waitFor(() => expect(current()).toBe('Board'))
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search people' })),
    )
    core.emit({ type: 'go', view: 'trash' })
    await waitFor(() => expect(current()).toBe('Trash'))
    core.emit({ type: 'menu', action: 'new-contact' })
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
