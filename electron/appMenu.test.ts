import { describe, expect, it, vi } from 'vitest'
import { GO_VIEWS } from '@shared/shellMenu'

// Loading the real 'electron' package outside Electron tries to download the binary.
vi.mock('electron', () => ({ Menu: {} }))

const { appMenuTemplate } = await import('./appMenu')
type Entry = ReturnType<typeof appMenuTemplate>[number]

const names = (entries: Entry[] | undefined) =>
  (entries ?? []).map((e) => e.role ?? (e.type === 'separator' ? '—' : e.label))

function handlers() {
  const sent: unknown[] = []
  return {
    sent,
    menu: vi.fn((action: string) => sent.push({ type: 'menu', action })),
    go: vi.fn((view: string) => sent.push({ type: 'go', view })),
  }
}

function find(entries: Entry[], id: string): Entry | undefined {
  for (const entry of entries) {
    if (entry.id === id) return entry
    const inner = find(entry.submenu ?? [], id)
    if (inner) return inner
  }
  return undefined
}

describe('appMenuTemplate', () => {
  it('on macOS: the app menu with About, Settings ⌘, Services, Hide and Quit, then File, Edit, View, Go, Window', () => {
    const template = appMenuTemplate('darwin', handlers())
    expect(names(template)).toEqual(['appMenu', 'File', 'editMenu', 'viewMenu', 'Go', 'windowMenu'])
    expect(names(template[0]?.submenu)).toEqual([
      'about',
      '—',
      'Settings…',
      '—',
      'services',
      '—',
      'hide',
      'hideOthers',
      'unhide',
      '—',
      'quit',
    ])
    expect(find(template, 'settings')?.accelerator).toBe('Cmd+,')
    // File ends with Close Window; Settings and Quit live in the app menu only.
    expect(names(template[1]?.submenu)).toEqual([
      'New Contact',
      '—',
      'Import…',
      'Export…',
      '—',
      'Find',
      '—',
      'close',
    ])
  })

  it('on Windows and Linux: File carries Settings (Ctrl+,) and Quit; there is no app menu', () => {
    for (const platform of ['win32', 'linux']) {
      const template = appMenuTemplate(platform, handlers())
      expect(names(template), platform).toEqual([
        'File',
        'editMenu',
        'viewMenu',
        'Go',
        'windowMenu',
      ])
      expect(names(template[0]?.submenu)).toEqual([
        'New Contact',
        '—',
        'Import…',
        'Export…',
        '—',
        'Find',
        '—',
        'Settings…',
        '—',
        'quit',
      ])
      expect(find(template, 'settings')?.accelerator).toBe('Ctrl+,')
    }
  })

  it('gives File its accelerators and sends each command to the renderer', () => {
    const h = handlers()
    const template = appMenuTemplate('linux', h)
    expect(find(template, 'new-contact')?.accelerator).toBe('CmdOrCtrl+N')
    expect(find(template, 'import')?.accelerator).toBe('CmdOrCtrl+I')
    expect(find(template, 'find')?.accelerator).toBe('CmdOrCtrl+F')
    expect(find(template, 'export')?.accelerator).toBeUndefined()
    for (const id of ['new-contact', 'import', 'export', 'find', 'settings'])
      find(template, id)?.click?.()
    expect(h.sent).toEqual([
      { type: 'menu', action: 'new-contact' },
      { type: 'menu', action: 'import' },
      { type: 'menu', action: 'export' },
      { type: 'menu', action: 'find' },
      { type: 'menu', action: 'settings' },
    ])
  })

  it('lists every view of the Go table in order with Cmd/Ctrl+1…, and no accelerator twice', () => {
    const h = handlers()
    const template = appMenuTemplate('darwin', h)
    const go = template.find((e) => e.label === 'Go')?.submenu ?? []
    expect(go.map((e) => [e.label, e.accelerator])).toEqual(
      GO_VIEWS.map((v, i) => [v.label, `CmdOrCtrl+${i + 1}`]),
    )
    expect(GO_VIEWS.length).toBeLessThanOrEqual(9)
    for (const entry of go) entry.click?.()
    expect(h.sent).toEqual(GO_VIEWS.map(({ view }) => ({ type: 'go', view })))
    for (const platform of ['darwin', 'win32', 'linux']) {
      const accelerators: string[] = []
      const walk = (entries: Entry[]) =>
        entries.forEach((e) => {
          if (typeof e.accelerator === 'string') accelerators.push(e.accelerator)
          walk(e.submenu ?? [])
        })
      walk(appMenuTemplate(platform, handlers()))
      expect(new Set(accelerators).size, platform).toBe(accelerators.length)
    }
  })
})
