import { afterEach, describe, expect, it } from 'vitest'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import { makeContact } from '@testing/builders'
import { closeRealCores, installRealCore } from '@testing/renderer/realBridge'
import { TriageView } from './TriageView'

/** The real core with `count` people in the Inbox, whose contact.bulk answers only when released: a slow disk. */
async function installSlowCore(count: number) {
  const real = await installRealCore(window, {
    contacts: Array.from({ length: count }, (_, i) =>
      makeContact({ name: `Person ${i + 1}`, id: `p${i + 1}`, triage: 'inbox' }),
    ),
  })
  return { real, bulks: real.hold('contact.bulk') }
}

afterEach(async () => {
  cleanup()
  window.vouch = undefined
  await closeRealCores()
})

const name = () => screen.getByTestId('triage-name').textContent

describe('TriageView', () => {
  it('moves on at once while the core is still saving, and saves in order', async () => {
    const { real, bulks } = await installSlowCore(5)
    render(<TriageView onDone={() => {}} onOpenBoard={() => {}} />)
    expect(await screen.findByText('Person 1')).toBeDefined()

    fireEvent.keyDown(window, { key: 'k' })
    expect(name()).toBe('Person 2')
    fireEvent.keyDown(window, { key: 'a' })
    expect(name()).toBe('Person 3')
    fireEvent.keyDown(window, { key: 's' })
    expect(name()).toBe('Person 4')
    expect(screen.getByTestId('triage-left').textContent).toBe('2 of 5 left')

    // One change at a time reaches the core, in the order decided.
    expect(bulks.waiting).toEqual([{ ids: ['p1'], set: { triage: 'kept' } }])
    await act(() => bulks.release())
    expect((await real.core.call('contact.get', { id: 'p1' })).triage).toBe('kept')
    expect(bulks.waiting).toEqual([{ ids: ['p2'], set: { triage: 'archived' } }])

    // A refused decision is shown and its person comes back first; the core still has them.
    real.disk.set({ code: 'ENOSPC', at: new Set(['write']), pathIncludes: 'vouch.journal' })
    await act(() => bulks.release())
    expect(name()).toBe('Person 2')
    const { problem } = await real.core.call('app.status', {})
    expect(problem?.kind).toBe('write-failed')
    expect(screen.getByRole('alert').textContent).toContain(
      'Could not save the decision about Person 2: ',
    )
    expect((await real.core.call('contact.get', { id: 'p2' })).triage).toBe('inbox')
  })

  it('undoes with z and with Ctrl+Z, and ignores keys typed into the filters', async () => {
    const { bulks } = await installSlowCore(3)
    render(<TriageView onDone={() => {}} onOpenBoard={() => {}} />)
    expect(await screen.findByText('Person 1')).toBeDefined()
    fireEvent.keyDown(window, { key: 's' })
    fireEvent.keyDown(window, { key: 's' })
    expect(name()).toBe('Person 3')
    fireEvent.keyDown(window, { key: 'z' })
    expect(name()).toBe('Person 2')
    fireEvent.keyDown(window, { key: 'z', ctrlKey: true })
    expect(name()).toBe('Person 1')

    const title = screen.getByLabelText('Title contains')
    fireEvent.keyDown(title, { key: 'k' })
    expect(name()).toBe('Person 1')
    // Skips change nothing, so nothing was sent to save.
    expect(bulks.waiting).toEqual([])
  })
})
