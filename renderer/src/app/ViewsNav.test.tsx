import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { SavedView } from '@shared/domain'
import { closeRealCores, installRealCore, type RealCore } from '@testing/renderer/realBridge'
import { boardData } from '../board/boardData'
import { settingsStore } from '../store/queries'
import { ToastProvider } from '../ui/toasts'
import { TopNav, type View } from './TopNav'

/** The real core with these views saved (in order); their ids as the core gave them. */
async function installViews(views: { name: string; query: SavedView['query'] }[]) {
  const real = await installRealCore(window)
  const ids: string[] = []
  for (const { name, query } of views) {
    const saved = await real.core.call('view.save', { name, scope: 'board', query })
    ids.push(saved.id)
  }
  return { real, ids }
}
const view = (name: string, query: SavedView['query']) => ({ name, query })
const sent = (real: RealCore, command: string) => real.calls.filter((c) => c.command === command)

function renderNav(current: View, onChange: (view: View) => void = () => {}) {
  settingsStore.start()
  return render(
    <ToastProvider>
      <TopNav view={current} onChange={onChange} />
    </ToastProvider>,
  )
}

afterEach(async () => {
  cleanup()
  settingsStore.stop()
  boardData.reset()
  window.vouch = undefined
  await closeRealCores()
})

const LONG = 'Ingénieurs de confiance à Zürich, Montréal et São Paulo, par crédibilité'

describe('the sidebar’s Views', () => {
  it('lists saved views by name, opens one on the board and marks it current', async () => {
    await installViews([
      view('ML mentors', { filter: { tags: ['ml'] }, sort: 'name', groupBy: 'company' }),
      view(LONG, { filter: {}, sort: 'readiness', groupBy: 'none' }),
    ])
    const onChange = vi.fn()
    renderNav('board', onChange)
    const list = await screen.findByRole('list', { name: 'Views' })
    const links = within(list).getAllByRole('button', { name: /^(ML mentors|Ingénieurs)/ })
    expect(links.map((l) => l.textContent)).toEqual(['ML mentors', LONG])
    // A long name is cut by CSS; the whole name is its tooltip and its accessible name.
    expect(links[1]?.getAttribute('title')).toBe(LONG)
    expect(links.some((l) => l.hasAttribute('aria-current'))).toBe(false)

    fireEvent.click(within(list).getByRole('button', { name: 'ML mentors' }))
    expect(onChange).toHaveBeenCalledWith('board')
    expect(boardData.getSnapshot().query).toEqual({
      filter: { tags: ['ml'] },
      sort: 'name',
      groupBy: 'company',
    })
    await waitFor(() =>
      expect(
        within(list).getByRole('button', { name: 'ML mentors' }).getAttribute('aria-current'),
      ).toBe('true'),
    )
    // Board stays the current page, drawn without its fill while one of its views is open.
    const board = screen.getByRole('button', { name: 'Board' })
    expect(board.getAttribute('aria-current')).toBe('page')
    expect(board.className).toContain('nav-link-parent')
  })

  it('is not shown until a view is saved, and marks nothing current away from the board', async () => {
    await installViews([])
    renderNav('today')
    await waitFor(() => expect(settingsStore.getSnapshot().value).not.toBeNull())
    expect(screen.queryByRole('list', { name: 'Views' })).toBeNull()
  })

  it('renames from the item’s menu, and refuses a name another view has', async () => {
    const { real, ids } = await installViews([
      view('ML mentors', { sort: 'name' }),
      view('Asked this year', { sort: 'recent' }),
    ])
    renderNav('today')
    await screen.findByRole('list', { name: 'Views' })
    fireEvent.click(screen.getByRole('button', { name: 'Rename or delete ML mentors' }))
    fireEvent.click(screen.getByRole('menuitem', { name: 'Rename…' }))
    const field = screen.getByRole('textbox', { name: 'Rename ML mentors' })
    fireEvent.change(field, { target: { value: 'asked THIS year' } })
    fireEvent.submit(field)
    expect((await screen.findByRole('alert')).textContent).toBe(
      'A view named “Asked this year” already exists: pick another name.',
    )
    expect(sent(real, 'view.save')).toEqual([])

    fireEvent.change(field, { target: { value: 'ML mentors (Europe)' } })
    fireEvent.submit(field)
    await screen.findByRole('button', { name: 'ML mentors (Europe)' })
    expect(sent(real, 'view.save')).toEqual([
      {
        command: 'view.save',
        input: {
          id: ids[0],
          name: 'ML mentors (Europe)',
          scope: 'board',
          query: { filter: {}, sort: 'name', groupBy: 'none' },
        },
      },
    ])
    // Escape leaves a rename without saving; F2 starts one from the keyboard.
    const link = screen.getByRole('button', { name: 'ML mentors (Europe)' })
    fireEvent.keyDown(link, { key: 'F2' })
    const again = screen.getByRole('textbox', { name: 'Rename ML mentors (Europe)' })
    fireEvent.change(again, { target: { value: 'Something else' } })
    fireEvent.keyDown(again, { key: 'Escape' })
    expect(screen.getByRole('button', { name: 'ML mentors (Europe)' })).toBeTruthy()
    expect(sent(real, 'view.save')).toHaveLength(1)
  })

  it('deletes from the item’s menu with an Undo toast', async () => {
    const { real, ids } = await installViews([view('ML mentors', {}), view('Asked', {})])
    renderNav('today')
    await screen.findByRole('list', { name: 'Views' })
    fireEvent.click(screen.getByRole('button', { name: 'Rename or delete ML mentors' }))
    await act(async () => {
      fireEvent.click(screen.getByRole('menuitem', { name: 'Delete' }))
    })
    await waitFor(() => expect(screen.queryByRole('button', { name: 'ML mentors' })).toBeNull())
    expect(sent(real, 'view.delete')).toEqual([{ command: 'view.delete', input: { id: ids[0] } }])
    const toast = await screen.findByTestId('toast')
    expect(toast.textContent).toContain('Deleted the view “ML mentors”.')
    expect(within(toast).getByRole('button', { name: 'Undo' })).toBeTruthy()
    // Focus goes to the next view, not to the page.
    await waitFor(() =>
      expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Asked' })),
    )
  })
})
