import type { Settings } from '@shared/domain'
import type { Core } from './core/types'

/** The settings the shell applies itself. */
export type ShellSettings = Pick<Settings, 'closeToTray' | 'launchAtLogin' | 'theme'>

/**
 * Calls apply with the shell's settings now and after every change to them. When the core
 * refuses to read them, nothing is applied (the previous ones stay).
 */
export function watchShellSettings(
  core: Pick<Core, 'call' | 'subscribe'>,
  apply: (settings: ShellSettings) => void,
): () => void {
  const read = async () => {
    let settings: Settings
    try {
      settings = await core.call('settings.get', {})
    } catch {
      return
    }
    const { closeToTray, launchAtLogin, theme } = settings
    apply({ closeToTray, launchAtLogin, theme })
  }
  void read()
  return core.subscribe((event) => {
    if (event.type === 'changed' && event.collections.includes('settings')) void read()
  })
}
