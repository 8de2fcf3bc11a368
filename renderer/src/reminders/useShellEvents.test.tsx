import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanup, render, screen, waitFor, within } from '@testing-library/react'
import { makeContact } from '@testing/builders'
import { closeRealCores, installRealCore } from '@testing/renderer/realBridge'
import { App } from '../App'
import { AnnouncerProvider } from '../ui/announcer'
import { ToastProvider } from '../ui/toasts'

/**
 * happy-dom draws no canvas (getContext answers null, no Path2D): the dashboard's charts get a
 * 2D context and paths that accept every call and answer 0, so the review can be reached with real data behind it.
 */
function stubCanvas(): void {
  const anything: unknown = new Proxy(function () {}, {
    get: (_target, key) => (key === Symbol.toPrimitive ? () => 0 : anything),
    apply: () => anything,
    set: () => true,
  })
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    () => anything as CanvasRenderingContext2D,
  )
  vi.stubGlobal('Path2D', anything)
}

afterEach(async () => {
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
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
    stubCanvas()
    const real = await installRealCore(window, {
      contacts: [makeContact({ id: 'ada', name: 'Ada Lovelace' })],
    })
    render(
      <AnnouncerProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </AnnouncerProvider>,
    )
    await screen.findByTestId('app')
    real.core.emit({ type: 'open-contact', contactId: 'ada' })
    expect(await screen.findByTestId('contact-panel')).toBeTruthy()
    real.core.emit({ type: 'open-review' })
    await waitFor(() => expect(current()).toBe('Dashboard'))
    expect(await screen.findByRole('dialog', { name: 'Weekly review' })).toBeTruthy()
    expect(screen.queryByTestId('contact-panel')).toBeNull()
    // The review asks the core for this week, and shows its first step.
    await waitFor(() => expect(real.calls.map((c) => c.command)).toContain('review.get'))
    expect(await screen.findByText(/Step 1 of 5/)).toBeTruthy()
  })
})
