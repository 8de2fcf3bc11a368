import { ipcMain, type BrowserWindow, type WebContents } from 'electron'
import { IPC_CHANNELS } from '@shared/bridge'
import type { Result } from '@shared/result'
import type { Core } from './core/types'
import { isAppUrl } from './protocol'

/** True when a request comes from a page of the app's own origin (app://vouch/…). */
export function isTrustedSender(url: string | undefined): boolean {
  return isAppUrl(url)
}

/** The frame an IPC request came from: its URL and whether it is a top-level frame. */
export interface SenderFrame {
  url: string
  parent: unknown
}

/**
 * Answer one vouch:invoke request: refuse anything but the app's own main frame and any
 * envelope that is not an object with a command name, then pass it to the core.
 */
export async function handleInvoke(
  core: Pick<Core, 'invoke'>,
  frame: SenderFrame | null,
  envelope: unknown,
): Promise<Result<unknown>> {
  if (frame === null || frame.parent !== null || !isTrustedSender(frame.url)) {
    return {
      ok: false,
      code: 'invalid-envelope',
      message: 'Refused: the request did not come from Vouch.',
    }
  }
  if (
    typeof envelope !== 'object' ||
    envelope === null ||
    Array.isArray(envelope) ||
    !('command' in envelope) ||
    typeof envelope.command !== 'string'
  ) {
    return { ok: false, code: 'invalid-envelope', message: 'A command needs a name and an input.' }
  }
  return core.invoke(envelope.command, 'input' in envelope ? envelope.input : undefined)
}

/** What wireIpc needs of the main window: a BrowserWindow, or a stand-in in tests. */
export type EventTarget = Pick<BrowserWindow, 'isDestroyed'> & {
  webContents: Pick<WebContents, 'send'>
}

/** Connect the renderer to the core: requests in, change events out. Returns an unwire function. */
export function wireIpc(
  core: Pick<Core, 'invoke' | 'subscribe'>,
  getWindow: () => EventTarget | null,
): () => void {
  ipcMain.handle(IPC_CHANNELS.invoke, (event, envelope: unknown) =>
    handleInvoke(core, event.senderFrame, envelope),
  )
  const unsubscribe = core.subscribe((coreEvent) => {
    const window = getWindow()
    if (window && !window.isDestroyed()) window.webContents.send(IPC_CHANNELS.event, coreEvent)
  })
  return () => {
    ipcMain.removeHandler(IPC_CHANNELS.invoke)
    unsubscribe()
  }
}
