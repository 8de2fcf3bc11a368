import { shell } from 'electron'
import { validateExternalLink } from '@shared/links'

/** Opens a URL with the operating system; injectable so tests need no Electron. */
export type OpenExternal = (url: string) => Promise<void>

/**
 * Hand a link to the user's browser or mail app, but only one that passes
 * validateExternalLink. Resolves to whether it was opened.
 */
export async function openExternalSafely(
  raw: string,
  open: OpenExternal = (url) => shell.openExternal(url),
): Promise<boolean> {
  const check = validateExternalLink(raw)
  if (!check.ok) return false
  try {
    await open(check.url)
    return true
  } catch {
    // No handler for the scheme or the OS refused: nothing the user can fix from here.
    return false
  }
}
