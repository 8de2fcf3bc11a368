import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { VouchBridge } from '@shared/bridge'
import type { Contact, Interaction } from '@shared/domain'
import type { CoreEvent } from '@shared/ipc'
import type { Result } from '@shared/result'
import { openCore } from '../../electron/core'
import type { Core } from '../../electron/core/types'
import { faultyFs, type FaultyFs } from '../core/faultyFs'
import { seedStore } from '../core/seed'
import { makeTempDir } from '../core/tempDir'
import { FakeClock } from '../reminders/simulation'

/** The instant renderer tests run at unless they say otherwise. */
export const RENDERER_TEST_NOW = '2025-01-02T10:00:00.000Z'

/** One envelope as the renderer sent it. */
export interface SentEnvelope {
  command: string
  input: unknown
}

/** A command whose answers wait until the test lets each one through: a slow disk. */
export interface HeldCommand {
  /** The inputs of the calls still waiting, oldest first. */
  readonly waiting: readonly unknown[]
  /** Hands the oldest waiting call to the core and resolves once the renderer has its answer. */
  release(): Promise<void>
}

/** The real core (openCore) on a temp data folder, and a bridge for window.vouch in front of it. */
export interface RealCore {
  readonly core: Core
  /** What window.vouch holds in the app, with the same serialization as Electron's IPC. */
  readonly bridge: VouchBridge
  /** Every envelope the renderer sent, in order. */
  readonly calls: readonly SentEnvelope[]
  readonly clock: FakeClock
  readonly dataDir: string
  /** The core's filesystem: `disk.set({ code: 'ENOSPC', … })` fills the disk, `set(null)` fixes it. */
  readonly disk: FaultyFs
  /** Holds every later call of `command` until the test releases it. */
  hold(command: string): HeldCommand
  /** Closes the core and removes its data folder. */
  close(): Promise<void>
}

/** What to put in the data folder before the core opens it. */
export interface RealCoreOptions {
  contacts?: readonly Contact[]
  interactions?: readonly Interaction[]
  /** Runs on the seeded folder before the core opens (write a damaged file, a backup). */
  prepare?: (dataDir: string) => Promise<void>
  now?: Date
}

// Electron's ipcRenderer.invoke and webContents.send copy their arguments with the structured
// clone algorithm (https://www.electronjs.org/docs/latest/api/ipc-renderer#ipcrendererinvokechannel-args):
// copy every envelope, answer and event the same way so nothing is shared by reference.
const overIpc = <T>(value: T): T => structuredClone(value)

const open = new Set<RealCore>()

/**
 * Open the real core on a fresh temp folder seeded with `options`, behind a bridge the renderer
 * cannot tell from the preload's. Close it with `close()` or `closeRealCores()` after each test.
 */
export async function openRealCore(options: RealCoreOptions = {}): Promise<RealCore> {
  const clock = new FakeClock(options.now ?? new Date(RENDERER_TEST_NOW))
  const temp = await makeTempDir('vouch-renderer-')
  await seedStore(temp.dir, options, clock.now)
  await options.prepare?.(temp.dir)
  const disk = faultyFs()
  const core = await openCore({ dataDir: temp.dir, now: clock.now, fs: disk.fs })
  const calls: SentEnvelope[] = []
  const held = new Map<string, { input: unknown; go: () => Promise<void> }[]>()

  const send = (envelope: SentEnvelope): Promise<Result<unknown>> =>
    core.invoke(envelope.command, envelope.input).then(overIpc)

  const bridge: VouchBridge = {
    invoke: (sent) => {
      const envelope = overIpc({ command: sent.command, input: sent.input })
      calls.push(envelope)
      const queue = held.get(envelope.command)
      if (!queue) return send(envelope)
      return new Promise((resolve) => {
        queue.push({ input: envelope.input, go: () => send(envelope).then(resolve) })
      })
    },
    subscribe: (listener) => {
      let subscribed = true
      const unsubscribe = core.subscribe((event: CoreEvent) => {
        const copy = overIpc(event)
        // IPC delivers on a later task, never inside the command that caused the event.
        setTimeout(() => {
          if (subscribed) listener(copy)
        })
      })
      return () => {
        subscribed = false
        unsubscribe()
      }
    },
  }

  const real: RealCore = {
    core,
    bridge,
    calls,
    clock,
    dataDir: temp.dir,
    disk,
    hold(command) {
      const queue: { input: unknown; go: () => Promise<void> }[] = []
      held.set(command, queue)
      return {
        get waiting() {
          return queue.map((call) => call.input)
        },
        async release() {
          const next = queue.shift()
          if (!next) throw new Error(`No ${command} call is waiting.`)
          await next.go()
          // Let the renderer's continuation of that call run before the test looks.
          await new Promise((resolve) => setTimeout(resolve))
        },
      }
    },
    async close() {
      if (!open.delete(real)) return
      await core.close()
      await temp.remove()
    },
  }
  open.add(real)
  return real
}

/** Close every core openRealCore opened and not yet closed: call it in afterEach. */
export async function closeRealCores(): Promise<void> {
  await Promise.all([...open].map((real) => real.close()))
}

/** openRealCore, with its bridge put where the preload puts it: `installRealCore(window, …)`. */
export async function installRealCore(
  target: { vouch?: VouchBridge | undefined },
  options: RealCoreOptions = {},
): Promise<RealCore> {
  const real = await openRealCore(options)
  target.vouch = real.bridge
  return real
}

/** For `prepare`: replace vouch.json with a truncated file, as a crash of another tool might leave it. */
export async function damageDataFile(dataDir: string): Promise<void> {
  await writeFile(join(dataDir, 'vouch.json'), '{"schemaVersion":1,"contacts":')
}
