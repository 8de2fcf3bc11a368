import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { contract } from '@shared/ipc'
import type { Result } from '@shared/result'
import { openCore, type Core } from '.'
import { makeTempDir } from '@testing/core/tempDir'

// Hostile IPC: every command in the contract (new ones are picked up from Object.keys) gets
// wrong types, missing fields, 10 MB strings, __proto__/constructor/prototype keys, deep
// nesting, and unknown names. Each call must answer ok: false with a code and a message;
// nothing may be stored, and no prototype may be polluted.
// No wall-clock budgets here: one made CI fail at random on a busy machine. What keeps a
// hostile call cheap is structural (the envelope and every string have length caps, checked
// before content), and timing belongs in `npm run bench`.

const commands = Object.keys(contract)
const TEN_MB = 'x'.repeat(10 * 1024 * 1024)

let core: Core
let dir: string
let remove: () => Promise<void>
let before: { journal: string; snapshot: string; contacts: unknown }
const prototypeKeys = {
  object: Object.getOwnPropertyNames(Object.prototype).sort(),
  array: Object.getOwnPropertyNames(Array.prototype).sort(),
  fn: Object.getOwnPropertyNames(Function.prototype).sort(),
}

async function storedState() {
  return {
    journal: await readFile(join(dir, 'vouch.journal'), 'utf8').catch(() => ''),
    snapshot: await readFile(join(dir, 'vouch.json'), 'utf8').catch(() => ''),
    contacts: await core.call('contact.list', {}),
  }
}

/** The call must come back as a refusal with a stable code and a sentence. */
async function expectRefused(command: string, input: unknown): Promise<Result<unknown>> {
  const result = await core.invoke(command, input)
  // The message is built only on failure: stringifying a 10 MB input on every call is slow.
  if (result.ok) expect.fail(`${command.slice(0, 100)} accepted ${show(input)}`)
  if (!result.ok) {
    expect(result.code).toMatch(/^[a-z-]+$/)
    expect(result.message.length).toBeGreaterThan(0)
    expect(result.message.length).toBeLessThan(2000)
    expect(result.code).not.toBe('internal')
  }
  return result
}

/** A short picture of an input for failure messages. */
function show(input: unknown): string {
  try {
    return JSON.stringify(input)?.slice(0, 200) ?? String(input)
  } catch {
    return typeof input
  }
}

/** Objects built by JSON.parse, so "__proto__" and friends are own keys, as from a real wire. */
const hostileKeys = ['__proto__', 'constructor', 'prototype']
function withHostileKeys(extra: Record<string, unknown>): unknown {
  const body = hostileKeys
    .map((key) => `${JSON.stringify(key)}:{"polluted":1,"prototype":{"polluted":1}}`)
    .join(',')
  const parsed: unknown = JSON.parse(`{${body}}`)
  if (typeof parsed === 'object' && parsed !== null) Object.assign(parsed, extra)
  return parsed
}

function deeplyNested(depth: number, kind: 'object' | 'array'): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = kind === 'object' ? { a: value } : [value]
  return value
}

/** The field names a command's input object knows, for targeted bad values. */
function fieldsOf(command: string): string[] {
  const spec: unknown = Reflect.get(contract, command)
  const input: unknown =
    typeof spec === 'object' && spec !== null ? Reflect.get(spec, 'input') : null
  const shape: unknown =
    typeof input === 'object' && input !== null ? Reflect.get(input, 'shape') : null
  return typeof shape === 'object' && shape !== null ? Object.keys(shape) : []
}

beforeAll(async () => {
  ;({ dir, remove } = await makeTempDir('vouch-fuzz-'))
  core = await openCore({ dataDir: dir, compactAfterMs: 10 * 60_000 })
  await core.call('contact.create', { name: 'Ada', tags: ['friend'] })
  before = await storedState()
})

afterAll(async () => {
  const after = await storedState()
  // Nothing was stored: the journal, the snapshot and the contacts are exactly as before.
  expect(after).toEqual(before)
  await core.close()
  await remove()
  expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys.object)
  expect(Object.getOwnPropertyNames(Array.prototype).sort()).toEqual(prototypeKeys.array)
  expect(Object.getOwnPropertyNames(Function.prototype).sort()).toEqual(prototypeKeys.fn)
})

describe('hostile IPC input, for every command in the contract', () => {
  it('covers the whole contract', () => {
    expect(commands.length).toBeGreaterThanOrEqual(11)
    expect(commands).toContain('contact.create')
  })

  it('refuses wrong types, missing fields and random junk (property-based)', async () => {
    // null/undefined mean "no input" and are valid for commands that take none: left out here.
    const junk = fc.oneof(
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.string(),
      fc.array(fc.anything()),
      fc.constant([]),
      // An object always carrying an unknown key, so it can never be a valid input by chance.
      fc.dictionary(fc.string(), fc.anything()).map((d) => ({ ...d, ['\u0000unknown']: 1 })),
    )
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...commands), junk, async (command, input) => {
        await expectRefused(command, input)
      }),
      { numRuns: 400 },
    )
  })

  it('refuses each known field given the wrong type', async () => {
    const wrong: unknown[] = [42, true, [], { nested: {} }, 'not-what-is-wanted\u0000']
    for (const command of commands) {
      for (const field of fieldsOf(command)) {
        for (const value of wrong) {
          await expectRefused(command, { [field]: value, ['\u0000unknown']: 1 })
        }
      }
    }
  })

  it('refuses __proto__, constructor and prototype keys without polluting anything', async () => {
    for (const command of commands) {
      await expectRefused(command, withHostileKeys({}))
      for (const field of fieldsOf(command)) {
        await expectRefused(command, withHostileKeys({ [field]: 'x' }))
        // The hostile keys one level down, inside a field.
        await expectRefused(command, { [field]: withHostileKeys({}), ['\u0000unknown']: 1 })
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.keys(Object.prototype)).toEqual([])
  })

  it('refuses 10 MB strings, as the input, as the command name and in every field', async () => {
    expect(await expectRefused(TEN_MB, {})).toMatchObject({ code: 'invalid-envelope' })
    for (const command of commands) {
      await expectRefused(command, TEN_MB)
      for (const field of fieldsOf(command)) {
        const result = await core.invoke(command, { [field]: TEN_MB })
        // Alone, a field may be allowed to be large (an import file); with a stray key it never is.
        expect(result.ok && contract[command as keyof typeof contract].mutates).toBe(false)
        await expectRefused(command, { [field]: TEN_MB, ['\u0000unknown']: 1 })
        await expectRefused(command, { [field]: [TEN_MB, TEN_MB], ['\u0000unknown']: 1 })
      }
    }
  }, 120_000)

  it('refuses deeply nested objects and arrays without overflowing the stack', async () => {
    for (const command of commands) {
      for (const kind of ['object', 'array'] as const) {
        const deep = deeplyNested(10_000, kind)
        await expectRefused(command, deep)
        for (const field of fieldsOf(command).slice(0, 3)) {
          await expectRefused(command, { [field]: deep, ['\u0000unknown']: 1 })
        }
      }
    }
  })

  it('refuses unknown commands, including names that exist on Object.prototype', async () => {
    const known = new Set(commands)
    for (const name of [
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf',
      '',
    ]) {
      const result = await core.invoke(name, {})
      expect(result).toMatchObject({ ok: false })
      expect(['unknown-command', 'invalid-envelope']).toContain(!result.ok && result.code)
    }
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 100 }).filter((name) => !known.has(name)),
        fc.anything(),
        async (name, input) => {
          const result = await expectRefused(name, input)
          expect(!result.ok && result.code).toBe('unknown-command')
        },
      ),
      { numRuns: 200 },
    )
  })
})
