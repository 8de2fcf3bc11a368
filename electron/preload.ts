import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { BRIDGE_GLOBAL, IPC_CHANNELS, type VouchBridge } from '@shared/bridge'
import type { CoreEvent } from '@shared/ipc'

// Sandboxed preload: the page gets exactly these two functions and nothing of ipcRenderer.
const bridge: VouchBridge = {
  invoke: (envelope) =>
    ipcRenderer.invoke(IPC_CHANNELS.invoke, { command: envelope.command, input: envelope.input }),
  subscribe: (listener) => {
    const forward = (_event: IpcRendererEvent, coreEvent: CoreEvent) => listener(coreEvent)
    ipcRenderer.on(IPC_CHANNELS.event, forward)
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.event, forward)
    }
  },
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, bridge)
