import { describe, expect, it } from 'vitest'
import type { Theme } from '@shared/domain'
import { applyTheme, WINDOW_BACKGROUND, windowBackground, type NativeThemeLike } from './theme'

/** A nativeTheme whose dark flag follows themeSource the way Electron's does, over a given OS. */
function fakeNativeTheme(osDark: boolean): NativeThemeLike & { sets: Theme[] } {
  let source: Theme = 'system'
  const sets: Theme[] = []
  return {
    sets,
    get themeSource() {
      return source
    },
    set themeSource(value: Theme) {
      sets.push(value)
      source = value
    },
    get shouldUseDarkColors() {
      return source === 'system' ? osDark : source === 'dark'
    },
  }
}

function fakeWindow() {
  const colours: string[] = []
  return { colours, isDestroyed: () => false, setBackgroundColor: (c: string) => colours.push(c) }
}

describe('windowBackground', () => {
  it('is the dark page colour in dark mode and the light one otherwise', () => {
    expect(windowBackground(true)).toBe(WINDOW_BACKGROUND.dark)
    expect(windowBackground(false)).toBe(WINDOW_BACKGROUND.light)
    expect(WINDOW_BACKGROUND.dark).not.toBe(WINDOW_BACKGROUND.light)
  })
})

describe('applyTheme', () => {
  it('follows the OS for "system" and forces the user’s choice otherwise', () => {
    const cases: Array<[boolean, Theme, string]> = [
      [true, 'system', WINDOW_BACKGROUND.dark],
      [false, 'system', WINDOW_BACKGROUND.light],
      [false, 'dark', WINDOW_BACKGROUND.dark],
      [true, 'light', WINDOW_BACKGROUND.light],
    ]
    for (const [osDark, theme, expected] of cases) {
      const nativeTheme = fakeNativeTheme(osDark)
      const window = fakeWindow()
      expect(applyTheme(nativeTheme, theme, window), `${theme} on a dark OS: ${osDark}`).toBe(
        expected,
      )
      expect(nativeTheme.themeSource).toBe(theme)
      expect(window.colours).toEqual([expected])
    }
  })

  it('sets themeSource only when it changes, and skips a destroyed window', () => {
    const nativeTheme = fakeNativeTheme(false)
    applyTheme(nativeTheme, 'system', null)
    applyTheme(nativeTheme, 'dark', { isDestroyed: () => true, setBackgroundColor: () => {} })
    applyTheme(nativeTheme, 'dark', null)
    expect(nativeTheme.sets).toEqual(['dark'])
  })
})
