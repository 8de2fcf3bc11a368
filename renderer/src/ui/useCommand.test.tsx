import type { ReactElement } from 'react'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { closeRealCores, installRealCore, type RealCore } from '@testing/renderer/realBridge'
import { FormError } from './form/Field'
import { useFormErrors } from './form/useFormErrors'
import { ToastProvider } from './toasts'
import { useCommand } from './useCommand'

afterEach(async () => {
  cleanup()
  window.vouch = undefined
  await closeRealCores()
})

const created = (real: RealCore) => real.calls.filter((c) => c.command === 'contact.create')
const names = async (real: RealCore) =>
  (await real.core.call('contact.list', {})).map((c) => c.name)

/** A button that adds a person through the hook, its errors going to a toast. */
function AddButton({ name, undoable = false }: { name: string; undoable?: boolean }) {
  const { busy, run } = useCommand()
  return (
    <button
      type="button"
      disabled={busy}
      data-busy={busy}
      onClick={() =>
        void run(
          'contact.create',
          { name },
          { toast: (c) => `Added ${c.name}.`, undoable, failure: 'Could not add' },
        )
      }
    >
      Add
    </button>
  )
}

/** A one-field form whose refusal goes beside the field. */
function NameForm() {
  const errors = useFormErrors(['name'] as const)
  const { run } = useCommand(errors)
  const field = errors.field('name')
  return (
    <form ref={errors.ref} onSubmit={errors.onSubmit(() => run('contact.create', { name: '' }))}>
      <FormError>{errors.summary}</FormError>
      <input aria-label="Other" />
      <input aria-label="Name" aria-invalid={field.error !== undefined} />
      {field.error && <p data-testid="name-error">{field.error}</p>}
      <button type="submit">Save</button>
    </form>
  )
}

function renderWithToasts(ui: ReactElement) {
  return render(<ToastProvider>{ui}</ToastProvider>)
}

describe('useCommand', () => {
  it('is busy while the command runs and sends it once however often it is clicked', async () => {
    const real = await installRealCore(window)
    const creates = real.hold('contact.create')
    renderWithToasts(<AddButton name="Ada" />)
    const button = screen.getByRole('button', { name: 'Add' })
    fireEvent.click(button)
    fireEvent.click(button)
    await waitFor(() => expect(button).toHaveProperty('disabled', true))
    expect(creates.waiting).toHaveLength(1)
    await act(() => creates.release())
    await waitFor(() => expect(button).toHaveProperty('disabled', false))
    expect(created(real)).toHaveLength(1)
    expect(await screen.findByText('Added Ada.')).toBeTruthy()
    expect(await names(real)).toEqual(['Ada'])
  })

  it('offers Undo on the toast of an undoable command, and says what was undone', async () => {
    const real = await installRealCore(window)
    renderWithToasts(<AddButton name="Ada" undoable />)
    fireEvent.click(screen.getByRole('button', { name: 'Add' }))
    fireEvent.click(await screen.findByRole('button', { name: 'Undo' }))
    expect(await screen.findByText(/^Undone: .*Ada/)).toBeTruthy()
    expect(real.calls.map((c) => c.command)).toEqual(['contact.create', 'undo'])
    expect(await names(real)).toEqual([])
  })

  it('has no Undo when the command is not undoable', async () => {
    await installRealCore(window)
    renderWithToasts(<AddButton name="Ada" />)
    fireEvent.click(screen.getByRole('button', { name: 'Add' }))
    await screen.findByText('Added Ada.')
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull()
  })

  it('turns a refusal without a form into an error toast in plain words', async () => {
    await installRealCore(window)
    renderWithToasts(<AddButton name="" />)
    fireEvent.click(screen.getByRole('button', { name: 'Add' }))
    const toast = await screen.findByTestId('toast')
    expect(toast.className).toContain('toast-error')
    expect(toast.textContent).toMatch(/^Could not add: .+\.×$/)
  })

  it("puts a validation error's issues beside their field and focuses it", async () => {
    await installRealCore(window)
    renderWithToasts(<NameForm />)
    fireEvent.click(screen.getByRole('button', { name: 'Save' }))
    const error = await screen.findByTestId('name-error')
    expect(error.textContent).toMatch(/\.$/)
    const name = screen.getByRole('textbox', { name: 'Name' })
    expect(name.getAttribute('aria-invalid')).toBe('true')
    await waitFor(() => expect(document.activeElement).toBe(name))
    // Beside the field only: no line above the form, no toast.
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.queryByTestId('toast')).toBeNull()
  })
})
