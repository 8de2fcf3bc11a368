import { describe, expect, it, vi } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain'
import { useTempCores } from '@testing/core/tempCores'
import { CoreCallError, type Core } from './core/types'
import { watchShellSettings, type ShellSettings } from './shellSettings'

const temp = useTempCores(() => ({ compactAfterMs: 600_000 }))

describe('watchShellSettings', () => {
  it('applies the settings at once and after each settings change, and nothing when the core refuses', async () => {
    const core = await temp.open()
    let refusing = false
    const reads = vi.fn()
    // The real core, refusing on demand as a closing core does.
    const shellCore: Pick<Core, 'call' | 'subscribe'> = {
      call: (command, input) => {
        reads(command)
        if (refusing)
          return Promise.reject(
            new CoreCallError(command, { ok: false, code: 'closed', message: 'Vouch is closing.' }),
          )
        return core.call(command, input)
      },
      subscribe: (listener) => core.subscribe(listener),
    }
    const applied: ShellSettings[] = []
    watchShellSettings(shellCore, (s) => applied.push(s))
    await vi.waitFor(() => expect(applied).toHaveLength(1))
    expect(applied[0]).toEqual({
      closeToTray: DEFAULT_SETTINGS.closeToTray,
      launchAtLogin: DEFAULT_SETTINGS.launchAtLogin,
      theme: DEFAULT_SETTINGS.theme,
    })
    await core.call('settings.update', { theme: 'dark' })
    await vi.waitFor(() => expect(applied).toHaveLength(2))
    expect(applied[1]?.theme).toBe('dark')
    // A change to contacts reads nothing; the settings change after it is read and refused.
    await core.call('contact.create', { name: 'Ada' })
    refusing = true
    await core.call('settings.update', { theme: 'light' })
    await vi.waitFor(() => expect(reads).toHaveBeenCalledTimes(3))
    expect(reads).toHaveBeenLastCalledWith('settings.get')
    expect(applied).toHaveLength(2)
  })
})
