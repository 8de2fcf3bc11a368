import type { Theme } from '@shared/domain'

/**
 * The window's background before the page paints, per theme: the renderer's page background
 * (`--bg` in renderer/src/styles/base.css), so the first frame is neither white nor a flash.
 */
export const WINDOW_BACKGROUND = { light: '#f6f7f9', dark: '#111215' } as const

/** The window background for the colours the OS (or the user's forced theme) asks for. */
export function windowBackground(shouldUseDarkColors: boolean): string {
  return shouldUseDarkColors ? WINDOW_BACKGROUND.dark : WINDOW_BACKGROUND.light
}

/** What the shell needs of Electron's nativeTheme (a fake in tests). */
export interface NativeThemeLike {
  themeSource: Theme
  readonly shouldUseDarkColors: boolean
}

/** What the shell needs of the window to repaint its background. */
export interface BackgroundTarget {
  isDestroyed: () => boolean
  setBackgroundColor: (colour: string) => void
}

/**
 * Applies Settings.theme: nativeTheme.themeSource drives both the window chrome and the
 * renderer's prefers-color-scheme ("system" follows the OS again), then the window's
 * background follows. https://www.electronjs.org/docs/latest/api/native-theme#nativethemethemesource
 */
export function applyTheme(
  nativeTheme: NativeThemeLike,
  theme: Theme,
  window: BackgroundTarget | null,
): string {
  if (nativeTheme.themeSource !== theme) nativeTheme.themeSource = theme
  const background = windowBackground(nativeTheme.shouldUseDarkColors)
  if (window && !window.isDestroyed()) window.setBackgroundColor(background)
  return background
}
