import { randomUUID } from 'node:crypto'
import { setImmediate } from 'node:timers/promises'
import type { Contact } from '@shared/domain'
import { dispatch, dispatchCommand, type CoreEvent, type Handlers } from '@shared/ipc'
import type { Result } from '@shared/result'
import { appHandlers } from './handlers/app'
import { BoardIndex } from './handlers/boardIndex'
import { contactHandlers } from './handlers/contacts'
import { backupHandlers } from './handlers/backups'
import { exportHandlers } from './handlers/exports'
import { importHandlers, ImportSessions } from './handlers/importSessions'
import type { HandlerContext } from './handlers/context'
import { UndoStack } from './handlers/undo'
import { workflowHandlers } from './handlers/workflow'
import { TouchIndex } from './derived/touchIndex'
import { ContactInsights } from './derived/insights'
import { NormalizedIndex } from './derived/normalizedIndex'
import { TodayIndex } from './derived/todayIndex'
import { boardHandlers } from './handlers/board'
import { DashboardIndex } from './derived/dashboardIndex'
import { dashboardHandlers } from './handlers/dashboard'
import { reminderHandlers } from './handlers/reminders'
import { ReminderIndex } from './reminders/engine'
import { ReminderTicker } from './reminders/ticker'
import { realFs } from './store/fs'
import { defaultIsProcessAlive } from './store/lock'
import { Store } from './store/store'
import { Slicer } from './slices/slicer'
import { CoreCallError, type Core, type CoreOptions } from './types'

export { CoreCallError, type Core, type CoreOptions } from './types'

/** Contacts per background slice: about a millisecond or two of work per event-loop turn. */
const WARM_SLICE = 1000

/**
 * Open the headless core on a data folder. The IPC handler, the e2e bridge, benchmarks and
 * scripts all go through this one entry point.
 */
export async function openCore(options: CoreOptions): Promise<Core> {
  const now = options.now ?? (() => new Date())
  const slicer = options.slicer ?? new Slicer()
  const store = await Store.open({
    slicer,
    dataDir: options.dataDir,
    fs: options.fs ?? realFs,
    now,
    isProcessAlive: options.isProcessAlive ?? defaultIsProcessAlive,
    ...(options.compactAfterMs !== undefined ? { compactAfterMs: options.compactAfterMs } : {}),
  })
  const listeners = new Set<(event: CoreEvent) => void>()
  const emit = (event: CoreEvent) => {
    // After a settings change or a big change (a restore, an import, a large bulk), the day's
    // lists and the search text are rebuilt in background slices rather than by the next read.
    if (
      event.type === 'changed' &&
      (event.collections.includes('settings') ||
        (event.collections.includes('contacts') && event.contacts === undefined))
    )
      warmInBackground()
    for (const listener of listeners) {
      try {
        listener(event)
      } catch {
        // A broken listener must not break a command that already succeeded.
      }
    }
  }
  // Search text is cached per contact (reused field by field) and slot by slot in each board.
  const normalized = store.addIndex(new NormalizedIndex())
  const normalize = (contact: Contact) => normalized.of(contact)
  const board = store.addIndex(new BoardIndex('kept', normalize))
  const boards = {
    kept: board,
    inbox: store.addIndex(new BoardIndex('inbox', normalize)),
    archived: store.addIndex(new BoardIndex('archived', normalize)),
  }
  const ctx: HandlerContext = {
    store,
    now,
    newId: randomUUID,
    board,
    boards,
    undo: new UndoStack(),
    slicer,
    emit,
  }
  const touches = store.addIndex(new TouchIndex())
  const insights = new ContactInsights(store, touches)
  // After the TouchIndex too: it reads each contact's last touch from it.
  const today = store.addIndex(new TodayIndex(touches))
  // After the TouchIndex: it reads each contact's last touch from it as ops are applied.
  const reminders = store.addIndex(new ReminderIndex(touches))
  // After the TouchIndex too: it reads each person's touches from it.
  const dashboard = store.addIndex(new DashboardIndex(touches))
  const ticker = new ReminderTicker(ctx, reminders, options.notify)
  const workflow = workflowHandlers(ctx, {
    touches,
    insights,
    today,
    ...(options.openExternal ? { openExternal: options.openExternal } : {}),
  })
  const imports = new ImportSessions()
  const handlers: Handlers = {
    ...appHandlers(ctx),
    ...contactHandlers(ctx),
    ...importHandlers(ctx, imports),
    ...exportHandlers(ctx),
    ...backupHandlers(ctx, () => imports.clear()),
    ...workflow,
    ...reminderHandlers(ctx, { reminders, snooze: workflow['contact.snooze'] }),
    ...boardHandlers(ctx, { insights, normalized, today, touches }),
    ...dashboardHandlers(ctx, { dashboard, touches, reminders }),
  }

  let queue: Promise<unknown> = Promise.resolve()
  let closed = false

  // Work no command should wait for, done a slice per event-loop turn: search text normalized
  // once per contact, and the day's Today lists (after open, and again when the day turns).
  let warming: Promise<void> | null = null
  const warmInBackground = (): void => {
    if (warming !== null || closed) return
    warming = (async () => {
      await store.settled()
      for (;;) {
        if (closed) return
        const searchDone = normalized.warm(WARM_SLICE)
        const todayDone = today.warm(now(), WARM_SLICE)
        if (searchDone && todayDone) return
        await setImmediate()
      }
    })().finally(() => {
      warming = null
    })
  }
  warmInBackground()
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
      // A tick follows the clock: when the day has turned, the new day's lists build meanwhile.
      warmInBackground()
      return serial(() => ticker.tick())
    },
    emit,
    settled: async () => {
      await store.settled()
      await warming
    },
    async close() {
      if (closed) return
      closed = true
      await serial(() => store.close())
      listeners.clear()
    },
  }
}
