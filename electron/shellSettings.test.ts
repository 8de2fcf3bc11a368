import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS, type Settings } from '@shared/domain'
import type { CoreEvent } from '@shared/ipc'
import { watchShellSettings, type ShellSettings } from './shellSettings'

function fakeCore(initial: unknown) {
  let stored = initial
  let listener: (event: CoreEvent) => void = () => {}
  return {
    set(value: unknown, collections = ['settings']) {
      stored = value
      listener({ type: 'changed', collections })
    },
    invoke: vi.fn(async () => ({ ok: true as const, value: stored })),
    subscribe: (l: (event: CoreEvent) => void) => {
      listener = l
      return () => {}
    },
  }
}

describe('watchShellSettings', () => {
  it('applies the settings at once and after each settings change, skipping unreadable ones', async () => {
    const core = fakeCore(DEFAULT_SETTINGS)
    const applied: ShellSettings[] = []
    watchShellSettings(core, (s) => applied.push(s))
    await vi.waitFor(() => expect(applied).toHaveLength(1))
    expect(applied[0]).toEqual({
      closeToTray: DEFAULT_SETTINGS.closeToTray,
      launchAtLogin: DEFAULT_SETTINGS.launchAtLogin,
      theme: DEFAULT_SETTINGS.theme,
    })
    const dark: Settings = { ...DEFAULT_SETTINGS, theme: 'dark' }
    core.set(dark)
    await vi.waitFor(() => expect(applied).toHaveLength(2))
    expect(applied[1]?.theme).toBe('dark')
    core.set({ ...dark, theme: 'sepia' })
    core.set(dark, ['contacts'])
    await vi.waitFor(() => expect(core.invoke).toHaveBeenCalledTimes(3))
    expect(applied).toHaveLength(2)
  })
})
