import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
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

describe('while the data opens', () => {
  it('shows the app at once and says "Opening your data…" until the core answers', async () => {
    await installRealCore(window, { contacts: [makeContact({ name: 'Ada Lovelace' })] })
    render(
      <AnnouncerProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </AnnouncerProvider>,
    )
    expect(screen.getByTestId('app')).toBeTruthy()
    expect(screen.getByText('Opening your data…').getAttribute('aria-busy')).toBe('true')
    await waitFor(() => expect(screen.queryByText('Opening your data…')).toBeNull())
  })
})
