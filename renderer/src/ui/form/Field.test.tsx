import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { Field, FieldError, FormError } from './Field'
import { useFormErrors } from './useFormErrors'

afterEach(cleanup)

/** Two fields and a form-level line, failed by hand or by a refusal as the core sends it. */
function Form({ onSave }: { onSave: () => void }) {
  const errors = useFormErrors(['company', 'role'] as const)
  return (
    <form
      ref={errors.ref}
      onSubmit={errors.onSubmit(() => {
        onSave()
        errors.show({
          message: 'role: Role is required',
          issues: [
            { path: 'role', message: 'Role is required' },
            { path: 'contactId', message: 'That contact no longer exists' },
          ],
        })
      })}
    >
      <FormError>{errors.summary}</FormError>
      <Field label="Company" {...errors.field('company')}>
        {(p) => <input {...p} />}
      </Field>
      <Field label="Role" hint="As the posting says" {...errors.field('role')}>
        {(p) => <input {...p} />}
      </Field>
      <button type="submit">Save</button>
      <button type="button" onClick={() => errors.fail('Pick a company.', 'company')}>
        Check
      </button>
      <button type="button" onClick={errors.clear}>
        Clear
      </button>
    </form>
  )
}

describe('the form kit', () => {
  it('ties the label to its control and describes it by its hint while valid', () => {
    render(<Form onSave={() => {}} />)
    const role = screen.getByRole('textbox', { name: 'Role' })
    expect(role.getAttribute('aria-invalid')).toBe('false')
    const hint = document.getElementById(role.getAttribute('aria-describedby') ?? '')
    expect(hint?.textContent).toBe('As the posting says')
    expect(screen.getByRole('textbox', { name: 'Company' }).hasAttribute('aria-describedby')).toBe(
      false,
    )
  })

  it('shows a refusal beside its field, the rest above, and focuses the first invalid field', async () => {
    const onSave = vi.fn()
    render(<Form onSave={onSave} />)
    const submitted = fireEvent.submit(screen.getByRole('button', { name: 'Save' }))
    // The page is not reloaded; the save ran.
    expect(submitted).toBe(false)
    expect(onSave).toHaveBeenCalledOnce()
    const role = screen.getByRole('textbox', { name: 'Role' })
    await waitFor(() => expect(role.getAttribute('aria-invalid')).toBe('true'))
    const [errorId, hintId] = (role.getAttribute('aria-describedby') ?? '').split(' ')
    expect(document.getElementById(errorId ?? '')?.textContent).toBe('Role is required.')
    expect(document.getElementById(hintId ?? '')?.textContent).toBe('As the posting says')
    expect(screen.getByTestId('error-role').textContent).toBe('Role is required.')
    // What fits no field is one sentence above the form, without its path.
    expect(screen.getByRole('alert').textContent).toBe('That contact no longer exists.')
    await waitFor(() => expect(document.activeElement).toBe(role))
  })

  it('places a check made before sending beside its field, and clears it', async () => {
    render(<Form onSave={() => {}} />)
    fireEvent.click(screen.getByRole('button', { name: 'Check' }))
    const company = screen.getByRole('textbox', { name: 'Company' })
    await waitFor(() => expect(document.activeElement).toBe(company))
    expect(screen.getByTestId('error-company').textContent).toBe('Pick a company.')
    expect(screen.queryByRole('alert')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }))
    expect(company.getAttribute('aria-invalid')).toBe('false')
    expect(screen.queryByTestId('error-company')).toBeNull()
  })

  it('shows nothing for no error, and an alert only when asked', () => {
    const { container, rerender } = render(<FieldError>{null}</FieldError>)
    expect(container.innerHTML).toBe('')
    rerender(
      <FieldError alert name="tag">
        Pick a tag.
      </FieldError>,
    )
    expect(screen.getByRole('alert').textContent).toBe('Pick a tag.')
    expect(screen.getByTestId('error-tag')).toBeTruthy()
  })
})
