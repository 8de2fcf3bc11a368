import { join } from 'node:path'
import { app, dialog, Notification, powerMonitor, protocol, session } from 'electron'
import type { CoreEvent } from '@shared/ipc'
import { applyWindowsIdentity } from './appIdentity'
import { installAppMenu } from './appMenu'
import { CloseToTray } from './closeToTray'
import { openCore } from './core/index'
import { CoreHandle } from './coreHandle'
import { wireIpc } from './ipc'
import { openExternalSafely } from './links'
import { LoginItem } from './loginItem'
import { MainWindow } from './mainWindow'
import { handleOrphanActivations, Notifier } from './notifier'
import { registerAppScheme, serveRenderer } from './protocol'
import { QuitGuard } from './quit'
import { watchShellSettings } from './shellSettings'
import { startTicker } from './ticker'
import { TrayController } from './trayController'
import { hardenSession } from './window'

// Tests and side-by-side profiles point the app at another data folder; must precede 'ready'.
if (process.env.VOUCH_USER_DATA) app.setPath('userData', process.env.VOUCH_USER_DATA)
registerAppScheme(protocol)
applyWindowsIdentity(process.platform, app)

const { platform } = process
const dataDir = app.getPath('userData')
const core = new CoreHandle()
const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))
const close = () => core.close()
const quit = new QuitGuard(app, { close, wait, beforeEnd: () => mainWindow.saveState() })
const preloadPath = join(import.meta.dirname, '../preload/preload.cjs')
const isQuitting = () => quit.quitting
const mainWindow = new MainWindow({ preloadPath, dataDir, isQuitting })
const showWindow = async () => void (await mainWindow.showLoaded())
const notifier = new Notifier({ platform, emit: (e) => core.emit(e), showWindow })
const send = (event: CoreEvent) => void showWindow().then(() => core.emit(event))

async function start(): Promise<void> {
  await app.whenReady()
  hardenSession(session.defaultSession)
  serveRenderer(protocol, join(import.meta.dirname, '../renderer'))
  wireIpc(core, () => mainWindow.current())
  installAppMenu(platform, {
    menu: (action) => send({ type: 'menu', action }),
    go: (view) => send({ type: 'go', view }),
  })
  const tray = new TrayController({ platform, core, showWindow, notifier, quit })
  const closeToTray = new CloseToTray(tray, quit)
  app.on('browser-window-created', (_event, created) => {
    closeToTray.watch(created)
    quit.watchSessionEnd(created)
  })
  mainWindow.followApp(app)
  mainWindow.show() // First the window ("Opening your data…"), then the data.
  const openExternal = async (url: string) => void (await openExternalSafely(url))
  const opened = await core.open(() => openCore({ dataDir, notify: notifier.notify, openExternal }))
  handleOrphanActivations(platform, Notification, () => mainWindow.show())
  const loginItem = new LoginItem(app, platform)
  watchShellSettings(core, (settings) => {
    closeToTray.setEnabled(settings.closeToTray)
    loginItem.apply(settings.launchAtLogin)
    mainWindow.setTheme(settings.theme)
  })
  startTicker(opened, powerMonitor)
}

if (!app.requestSingleInstanceLock()) app.quit()
else
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error)
    dialog.showErrorBox('Vouch could not open your data', message)
    app.exit(1)
  })
