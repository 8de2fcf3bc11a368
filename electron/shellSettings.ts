import { Settings } from '@shared/domain'
import type { Core } from './core/types'

/** The settings the shell applies itself. */
export type ShellSettings = Pick<Settings, 'closeToTray' | 'launchAtLogin' | 'theme'>

/**
 * Calls apply with the shell's settings now and after every change to them. Unreadable
 * settings are skipped (the previous ones stay applied).
 */
export function watchShellSettings(
  core: Pick<Core, 'invoke' | 'subscribe'>,
  apply: (settings: ShellSettings) => void,
): () => void {
  const read = async () => {
    const result = await core.invoke('settings.get', {})
    const parsed = Settings.safeParse(result.ok ? result.value : null)
    if (!parsed.success) return
    const { closeToTray, launchAtLogin, theme } = parsed.data
    apply({ closeToTray, launchAtLogin, theme })
  }
  void read()
  return core.subscribe((event) => {
    if (event.type === 'changed' && event.collections.includes('settings')) void read()
  })
}
