import { afterEach, describe, expect, it } from 'vitest'
import { cleanup, render, screen } from '@testing-library/react'
import { App } from '../App'
import { AnnouncerProvider } from '../ui/announcer'
import { ToastProvider } from '../ui/toasts'
import { installFakeCore, makeContact } from '../test/fakeBridge'

afterEach(() => {
  cleanup()
  window.vouch = undefined
})

describe('while the data opens', () => {
  it('says "Opening your data…" until the contacts arrive, then shows the app', async () => {
    installFakeCore([makeContact({ name: 'Ada Lovelace' })])
    render(
      <AnnouncerProvider>
        <ToastProvider>
          <App />
        </ToastProvider>
      </AnnouncerProvider>,
    )
    expect(screen.getByText('Opening your data…').getAttribute('aria-busy')).toBe('true')
    await screen.findByTestId('app')
    expect(screen.queryByText('Opening your data…')).toBeNull()
  })
})
