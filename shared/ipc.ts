import { z } from 'zod'
import { Contact, Id, Stage } from './domain'
import { ContactFieldsInput } from './contactInput'
import { DomainError, type Failure, type Result } from './result'
import { workflowContract } from './workflowContract'
import { importContract } from './importContract'
import { reminderContract } from './reminderContract'
import { dashboardContract } from './dashboardContract'
import type { GoView, MenuAction } from './shellMenu'
import { boardContract } from './boardContract'

const Empty = z.strictObject({})

/** Where the store stands: its file, whether it refuses writes, and what went wrong at open. */
export const AppStatus = z.object({
  dataFile: z.string(),
  readOnly: z.boolean(),
  problem: z
    .object({
      kind: z.enum([
        'quarantined',
        'recovered',
        'read-only',
        'journal-tail-dropped',
        'write-failed',
      ]),
      message: z.string(),
      quarantinedAs: z.string().optional(),
      restoredFrom: z.string().optional(),
    })
    .nullable(),
})
export type AppStatus = z.infer<typeof AppStatus>

/** What undo or redo did, in words for a toast; null when there was nothing to do. */
export const UndoResult = z.object({ label: z.string().nullable() })

/**
 * The IPC contract: every command the renderer may send, with its input and output schema.
 * `mutates` commands are refused when the store is read-only.
 */
export const contract = {
  'app.status': { input: Empty, output: AppStatus, mutates: false },
  'contact.list': { input: Empty, output: z.array(Contact), mutates: false },
  'contact.trash': { input: Empty, output: z.array(Contact), mutates: false },
  'contact.get': { input: z.strictObject({ id: Id }), output: Contact, mutates: false },
  'contact.create': {
    input: ContactFieldsInput.partial()
      .required({ name: true })
      .extend({ stage: Stage.optional() })
      .strict(),
    output: Contact,
    mutates: true,
  },
  'contact.update': {
    input: ContactFieldsInput.partial().extend({ id: Id }).strict(),
    output: Contact,
    mutates: true,
  },
  'contact.move': {
    input: z.strictObject({
      id: Id,
      stage: Stage,
      index: z.number().int().min(0).optional(),
      /** Fields a drop into another lane of a grouped board changes, in the same undo step. */
      lane: ContactFieldsInput.pick({ relationship: true, company: true, tags: true })
        .partial()
        .strict()
        .optional(),
    }),
    output: Contact,
    mutates: true,
  },
  'contact.delete': { input: z.strictObject({ id: Id }), output: Contact, mutates: true },
  'contact.restore': { input: z.strictObject({ id: Id }), output: Contact, mutates: true },
  undo: { input: Empty, output: UndoResult, mutates: true },
  redo: { input: Empty, output: UndoResult, mutates: true },
  ...workflowContract,
  ...importContract,
  ...reminderContract,
  ...boardContract,
  ...dashboardContract,
} as const

export type Contract = typeof contract
export type Command = keyof Contract
/** What a caller passes: defaults may be left out. */
export type Input<C extends Command> = z.input<Contract[C]['input']>
/** What a handler receives: parsed, defaults applied. */
export type ParsedInput<C extends Command> = z.output<Contract[C]['input']>
export type Output<C extends Command> = z.output<Contract[C]['output']>

/** One function per command. Handlers may throw DomainError; dispatch turns it into a Failure. */
export type Handlers = { [C in Command]: (input: ParsedInput<C>) => Promise<Output<C>> | Output<C> }

/** Contacts a change put (as stored now, trashed ones included) and ids it deleted. */
export interface ContactDelta {
  put: Contact[]
  deleted: string[]
}

/** Change notifications pushed from the core to the UI. */
export type CoreEvent =
  | {
      type: 'changed'
      collections: string[]
      /**
       * The contacts the change put or deleted, when it touched few: the UI applies them instead
       * of re-fetching every contact. Absent after big changes (an import, a restore): re-fetch.
       */
      contacts?: ContactDelta
    }
  | { type: 'status'; status: AppStatus }
  /** After each reminder tick: how many items are due now (for the tray badge). */
  | { type: 'reminders'; due: number }
  /** From the shell (a notification or tray click): show this contact. */
  | { type: 'open-contact'; contactId: string }
  /** From the shell (the weekly review's notification, or its in-app banner): start the review. */
  | { type: 'open-review' }
  /** From the tray: open the log-touch dialog. */
  | { type: 'log-touch' }
  /** From the app menu: a command (New contact, Import…, Export…, Find, Settings). */
  | { type: 'menu'; action: MenuAction }
  /** From the app menu's Go menu: show this view. */
  | { type: 'go'; view: GoView }
  /** From the shell: a notification the OS could not show, for an in-app banner instead. */
  | {
      type: 'notice'
      /** `opensReview`: the weekly review's notification, whose Open starts the review. */
      notification: { title: string; body: string; contactId?: string; opensReview?: boolean }
      reason: string
      hint?: string
    }

const Envelope = z.object({ command: z.string().max(100), input: z.unknown() })

/** True when a string names a command in the contract. */
export function isCommand(name: string): name is Command {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

/** Turn zod issues into field-level messages and one sentence. */
export function describeIssues(error: z.ZodError): Failure {
  const issues = error.issues.slice(0, 20).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message,
  }))
  const first = issues[0]
  const message = first
    ? first.path
      ? `${first.path}: ${first.message}`
      : first.message
    : 'The input is not valid.'
  return { ok: false, code: 'invalid-input', message, issues }
}

/** Validate an envelope, run its handler, and return a Result. Never throws. */
export async function dispatch(
  handlers: Handlers,
  envelope: unknown,
  options: { readOnly?: boolean } = {},
): Promise<Result<unknown>> {
  const env = Envelope.safeParse(envelope)
  if (!env.success) {
    return {
      ok: false,
      code: 'invalid-envelope',
      message: 'A command needs a name and an input.',
    }
  }
  const { command } = env.data
  if (!isCommand(command)) {
    return {
      ok: false,
      code: 'unknown-command',
      message: `Unknown command "${command.slice(0, 60)}".`,
    }
  }
  return dispatchCommand(handlers, command, env.data.input, options)
}

/**
 * Run one known command: parse its input with the contract's schema, call its handler, and
 * return a Result typed with the command's output. Never throws.
 */
export async function dispatchCommand<C extends Command>(
  handlers: Handlers,
  command: C,
  input: unknown,
  options: { readOnly?: boolean } = {},
): Promise<Result<Output<C>>> {
  try {
    const spec = contract[command]
    if (spec.mutates && options.readOnly) {
      return {
        ok: false,
        code: 'read-only',
        message: 'Vouch opened this data read-only, so changes are not saved.',
      }
    }
    const parsed = spec.input.safeParse(input ?? {})
    if (!parsed.success) return describeIssues(parsed.error)
    // TypeScript cannot correlate a command with its handler's parameter type
    // (microsoft/TypeScript#30581); the input was just parsed by that command's own schema.
    const handler = handlers[command] as (input: unknown) => Promise<Output<C>> | Output<C>
    const value = await handler(parsed.data)
    return { ok: true, value }
  } catch (error) {
    if (error instanceof DomainError) {
      return {
        ok: false,
        code: error.code,
        message: error.message,
        ...(error.issues ? { issues: error.issues } : {}),
      }
    }
    const message = error instanceof Error ? error.message : String(error)
    return {
      ok: false,
      code: 'internal',
      message: `Something went wrong: ${message.slice(0, 300)}`,
    }
  }
}
