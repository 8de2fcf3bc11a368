import { BRIDGE_GLOBAL, type VouchBridge } from '@shared/bridge'
import { contract, type Command, type CoreEvent, type Input, type Output } from '@shared/ipc'
import type { Failure, Result } from '@shared/result'
import type { z } from 'zod'

declare global {
  interface Window {
    /** Put there by the preload (or the e2e harness); absent when the page runs without a core. */
    vouch?: VouchBridge
  }
}

function bridge(): VouchBridge | undefined {
  return window[BRIDGE_GLOBAL]
}

const notConnected: Failure = {
  ok: false,
  code: 'closed',
  message: 'Vouch is not connected to its data. Restart the app.',
}

/** The output schema of a command, typed by the command. */
function outputSchema<C extends Command>(command: C): z.ZodType<Output<C>> {
  // TypeScript cannot narrow an indexed access on a generic key; the table pairs each command with its schema.
  return contract[command].output as unknown as z.ZodType<Output<C>>
}

/** Send one command to the core. Never throws: every problem comes back as a Failure. */
export async function call<C extends Command>(
  command: C,
  input: Input<C>,
): Promise<Result<Output<C>>> {
  const target = bridge()
  if (!target) return notConnected
  let result: Result<unknown>
  try {
    result = await target.invoke({ command, input })
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      code: 'internal',
      message: `Vouch could not reach its data: ${message.slice(0, 300)}`,
    }
  }
  if (contract[command].mutates) noteWriteOutcome(command, input, result)
  if (!result.ok) return result
  // The core is trusted, but a shape mismatch here would otherwise surface as a crash far away.
  const parsed = outputSchema(command).safeParse(result.value)
  if (!parsed.success) {
    return { ok: false, code: 'internal', message: `Unexpected answer to ${command}.` }
  }
  return { ok: true, value: parsed.data }
}

/** A change the disk refused (`write-failed`), kept so the user can send it again. */
export interface UnsavedChange {
  command: Command
  /** Sends the same command with the same input again. */
  retry: () => Promise<Result<unknown>>
}

let unsaved: { change: UnsavedChange; key: string } | null = null
const unsavedListeners = new Set<() => void>()

function setUnsaved(next: typeof unsaved): void {
  unsaved = next
  for (const listener of unsavedListeners) listener()
}

function noteWriteOutcome<C extends Command>(command: C, input: Input<C>, result: Result<unknown>) {
  const key = JSON.stringify([command, input])
  if (!result.ok && result.code === 'write-failed') {
    setUnsaved({ change: { command, retry: () => call(command, input) }, key })
  } else if (result.ok && unsaved?.key === key) {
    // The same change went through (a retry, or the form sent again): nothing is unsaved now.
    setUnsaved(null)
  }
}

/** The last change that failed with `write-failed` and has not been saved since, if any. */
export function unsavedChange(): UnsavedChange | null {
  return unsaved?.change ?? null
}

/** Be told when the unsaved change appears or clears; returns the unsubscribe function. */
export function subscribeUnsaved(listener: () => void): () => void {
  unsavedListeners.add(listener)
  return () => unsavedListeners.delete(listener)
}

/** Listen to core events; returns the unsubscribe function. */
export function subscribe(listener: (event: CoreEvent) => void): () => void {
  const target = bridge()
  if (!target) return () => {}
  return target.subscribe(listener)
}
