import { afterEach, describe, expect, it } from 'vitest'
import { z } from 'zod'
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import type { VouchBridge } from '@shared/bridge'
import type { Result } from '@shared/result'
import { makeContact } from '../test/fakeBridge'
import { TriageView } from './TriageView'

const Page = z.object({ offset: z.number().optional(), limit: z.number() })

/** A core whose contact.bulk answers only when the test says so: a slow disk. */
function installSlowCore(count: number) {
  const people = Array.from({ length: count }, (_, i) =>
    makeContact({ name: `Person ${i + 1}`, id: `p${i + 1}`, triage: 'inbox' }),
  )
  const bulks: { input: unknown; answer: (result: Result<unknown>) => void }[] = []
  const bridge: VouchBridge = {
    invoke: (envelope) => {
      const input = envelope.input
      if (envelope.command === 'contact.query') {
        const { offset = 0, limit } = Page.parse(input)
        const inbox = people.filter((p) => p.triage === 'inbox')
        return Promise.resolve({
          ok: true,
          value: { total: inbox.length, items: inbox.slice(offset, offset + limit) },
        })
      }
      if (envelope.command === 'contact.bulk')
        return new Promise((resolve) => bulks.push({ input, answer: resolve }))
      return Promise.resolve({ ok: false, code: 'unknown-command', message: 'not in this test' })
    },
    subscribe: () => () => {},
  }
  Object.defineProperty(window, 'vouch', { value: bridge, configurable: true })
  return { bulks }
}

afterEach(() => {
  cleanup()
  Reflect.deleteProperty(window, 'vouch')
})

const name = () => screen.getByTestId('triage-name').textContent

describe('TriageView', () => {
  it('moves on at once while the core is still saving, and saves in order', async () => {
    const core = installSlowCore(5)
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
    expect(core.bulks.map((b) => b.input)).toEqual([{ ids: ['p1'], set: { triage: 'kept' } }])
    await act(async () => core.bulks[0]?.answer({ ok: true, value: { changed: 1 } }))
    expect(core.bulks.map((b) => b.input)).toEqual([
      { ids: ['p1'], set: { triage: 'kept' } },
      { ids: ['p2'], set: { triage: 'archived' } },
    ])

    // A refused decision is shown and its person comes back first.
    await act(async () =>
      core.bulks[1]?.answer({ ok: false, code: 'write-failed', message: 'The disk is full.' }),
    )
    expect(name()).toBe('Person 2')
    expect(screen.getByRole('alert').textContent).toContain(
      'Could not save the decision about Person 2: The disk is full.',
    )
  })

  it('undoes with z and with Ctrl+Z, and ignores keys typed into the filters', async () => {
    installSlowCore(3)
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
  })
})
