import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen, waitFor } from '@testing-library/react'
import { App } from '../App'
import { AnnouncerProvider } from '../ui/announcer'
import { ToastProvider } from '../ui/toasts'
import { installFakeCore, makeContact } from '../test/fakeBridge'

afterEach(() => {
  cleanup()
  window.vouch = undefined
})

describe('while the data opens', () => {
  it('shows the app at once and says "Opening your data…" until the core answers', async () => {
    installFakeCore([makeContact({ name: 'Ada Lovelace' })])
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
