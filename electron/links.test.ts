import { describe, expect, it, vi } from 'vitest'

// Loading the real 'electron' package outside Electron tries to download the binary.
const shellOpenExternal = vi.hoisted(() => vi.fn())
vi.mock('electron', () => ({ shell: { openExternal: shellOpenExternal } }))

const { openExternalSafely } = await import('./links')

describe('openExternalSafely', () => {
  it('opens a validated, normalised link', async () => {
    const open = vi.fn(async (_url: string) => {})
    expect(await openExternalSafely('  HTTPS://Example.com/in/ada ', open)).toBe(true)
    expect(open).toHaveBeenCalledWith('https://example.com/in/ada')
  })

  it('never hands a refused link to the operating system', async () => {
    const open = vi.fn(async (_url: string) => {})
    for (const url of ['java\tscript:alert(1)', '\\\\server\\share', 'file:///etc/passwd']) {
      expect(await openExternalSafely(url, open)).toBe(false)
    }
    expect(open).not.toHaveBeenCalled()
  })

  it('reports false when the operating system refuses', async () => {
    const open = vi.fn(async (_url: string) => {
      throw new Error('no handler')
    })
    expect(await openExternalSafely('mailto:ada@example.com', open)).toBe(false)
  })

  it('uses shell.openExternal by default', async () => {
    expect(await openExternalSafely('https://example.com/')).toBe(true)
    expect(shellOpenExternal).toHaveBeenCalledWith('https://example.com/')
  })
})
