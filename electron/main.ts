import { join } from 'node:path'
import { app, dialog, protocol, session, type BrowserWindow } from 'electron'
import { openCore } from './core'
import { openExternalSafely } from './links'
import { wireIpc } from './ipc'
import { registerAppScheme, serveRenderer } from './protocol'
import { ReminderShell } from './reminders'
import { createMainWindow, hardenSession } from './window'

// Tests and side-by-side profiles point the app at another data folder; must precede 'ready'.
const userData = process.env.VOUCH_USER_DATA
if (userData) app.setPath('userData', userData)
registerAppScheme(protocol)

let mainWindow: BrowserWindow | null = null
const reminders = new ReminderShell()

function showMainWindow(): BrowserWindow {
  if (mainWindow === null || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(join(import.meta.dirname, '../preload/preload.cjs'))
    return mainWindow
  }
  if (mainWindow.isMinimized()) mainWindow.restore()
  mainWindow.show()
  mainWindow.focus()
  return mainWindow
}

async function start(): Promise<void> {
  await app.whenReady()
  let core: Awaited<ReturnType<typeof openCore>>
  try {
    core = await openCore({
      dataDir: app.getPath('userData'),
      notify: reminders.notify,
      openExternal: async (url) => void (await openExternalSafely(url)),
    })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    dialog.showErrorBox('Vouch could not open your data', message)
    app.exit(1)
    return
  }
  hardenSession(session.defaultSession)
  serveRenderer(protocol, join(import.meta.dirname, '../renderer'))
  wireIpc(core, () => mainWindow)
  showMainWindow()
  // Notifications, tray, app menu, close-to-tray, launch at login, and a tick every minute.
  reminders.start(core, showMainWindow)

  app.on('second-instance', showMainWindow)
  app.on('activate', showMainWindow)
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Closing the core compacts the journal into vouch.json and releases the lock; quitting
  // waits for it. https://www.electronjs.org/docs/latest/api/app#event-will-quit
  let closed = false
  app.on('will-quit', (event) => {
    if (closed) return
    event.preventDefault()
    closed = true
    void core
      .close()
      .catch((error: unknown) => console.error('Vouch could not close its data cleanly:', error))
      .finally(() => app.quit())
  })
}

if (app.requestSingleInstanceLock()) {
  start().catch((error: unknown) => {
    console.error('Vouch failed to start:', error)
    app.exit(1)
  })
} else {
  app.quit()
}
