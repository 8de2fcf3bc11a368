import { randomUUID } from 'node:crypto'
import { dispatch, dispatchCommand, type CoreEvent, type Handlers } from '@shared/ipc'
import type { Result } from '@shared/result'
import { appHandlers } from './handlers/app'
import { BoardIndex } from './handlers/boardIndex'
import { contactHandlers } from './handlers/contacts'
import { importExportHandlers } from './handlers/importExport'
import type { HandlerContext } from './handlers/context'
import { UndoStack } from './handlers/undo'
import { workflowHandlers } from './handlers/workflow'
import { TouchIndex } from './derived/touchIndex'
import { DashboardIndex } from './derived/dashboardIndex'
import { dashboardHandlers } from './handlers/dashboard'
import { reminderHandlers } from './handlers/reminders'
import { ReminderIndex } from './reminders/engine'
import { ReminderTicker } from './reminders/ticker'
import { realFs } from './store/fs'
import { defaultIsProcessAlive } from './store/lock'
import { Store } from './store/store'
import { CoreCallError, type Core, type CoreOptions } from './types'

export { CoreCallError, type Core, type CoreOptions } from './types'

/**
 * Open the headless core on a data folder. The IPC handler, the e2e bridge, benchmarks and
 * scripts all go through this one entry point.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date())
  const store = await Store.open({
    dataDir: options.dataDir,
    fs: options.fs ?? realFs,
    now,
    isProcessAlive: options.isProcessAlive ?? defaultIsProcessAlive,
    ...(options.compactAfterMs !== undefined ? { compactAfterMs: options.compactAfterMs } : {}),
  })
  const listeners = new Set<(event: CoreEvent) => void>()
  const emit = (event: CoreEvent) => {
    for (const listener of listeners) {
      try {
        listener(event)
      } catch {
        // A broken listener must not break a command that already succeeded.
      }
    }
  }
  const board = store.addIndex(new BoardIndex())
  const ctx: HandlerContext = { store, now, newId: randomUUID, board, undo: new UndoStack(), emit }
  const touches = store.addIndex(new TouchIndex())
  // After the TouchIndex: it reads each contact's last touch from it as ops are applied.
  const reminders = store.addIndex(new ReminderIndex(touches))
  // After the TouchIndex too: it reads each person's touches from it.
  const dashboard = store.addIndex(new DashboardIndex(touches))
  const ticker = new ReminderTicker(ctx, reminders, options.notify)
  const workflow = workflowHandlers(ctx, {
    touches,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
  })
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...contactHandlers(ctx),
    ...importExportHandlers(ctx),
    ...workflow,
    ...reminderHandlers(ctx, { reminders, snooze: workflow['contact.snooze'] }),
    ...dashboardHandlers(ctx, { dashboard, touches, reminders }),
  }

  let queue: Promise<unknown> = Promise.resolve()
  let closed = false
  // Commands run one at a time, so each sees the state its predecessor left.
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn, fn)
    queue = run.catch(() => undefined)
    return run
  }

  const closedFailure = { ok: false, code: 'closed', message: 'Vouch is closing.' } as const
  const request: Core['request'] = (command, input) => {
    if (closed) return Promise.resolve(closedFailure)
    return serial(() => dispatchCommand(handlers, command, input, { readOnly: store.isReadOnly }))
  }

  return {
    invoke(command: string, input: unknown): Promise<Result<unknown>> {
      if (closed) return Promise.resolve(closedFailure)
      return serial(() => dispatch(handlers, { command, input }, { readOnly: store.isReadOnly }))
    },
    request,
    async call(command, input) {
      const result = await request(command, input)
      if (!result.ok) throw new CoreCallError(command, result)
      return result.value
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    tick() {
      if (closed) return Promise.resolve()
      return serial(() => ticker.tick())
    },
    emit,
    settled: () => store.settled(),
    async close() {
      if (closed) return
      closed = true
      await serial(() => store.close())
      listeners.clear()
    },
  }
}
