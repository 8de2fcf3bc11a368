import { useEffect } from 'react'
import type { Theme } from '@shared/domain'
import { call, subscribe } from '../api/client'

/**
 * Put the chosen theme on <html> as data-theme; base.css then forces light or dark, and
 * without it (System) `color-scheme: light dark` follows the OS's prefers-color-scheme.
 */
export function applyTheme(theme: Theme, root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme
  else root.dataset.theme = theme
}

/** Keep <html> on the stored theme: at start and after every settings change. */
export function useStoredTheme(): void {
  useEffect(() => {
    let live = true
    const load = () =>
      void call('settings.get', {}).then((result) => {
        if (live && result.ok) applyTheme(result.value.theme)
      })
    load()
    const unsubscribe = subscribe((event) => {
      if (event.type === 'changed' && event.collections.includes('settings')) load()
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [])
}
