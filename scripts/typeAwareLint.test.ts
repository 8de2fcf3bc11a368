import { rm, writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// eslint.config.js lints with types (typescript-eslint's project service), tried here on probe
// files: a promise dropped on the floor or handed to an event prop that ignores it, and a switch
// that misses a stage, must each fail lint; the fixed spellings must pass. The project service
// only types files that its tsconfig finds on disk, so each probe is written into its folder
// (under a name no other file has) before the first lint, and removed afterwards.

const repoRoot = resolve(import.meta.dirname, '..')
const eslint = new ESLint({ cwd: repoRoot })
const tag = `lintProbe${process.pid}`
const probes = {
  form: `renderer/src/${tag}Form.tsx`,
  fixedForm: `renderer/src/${tag}Fixed.tsx`,
  shared: `shared/${tag}.ts`,
  test: `electron/core/${tag}.test.ts`,
}

const TYPE_AWARE_RULES = [
  '@typescript-eslint/no-floating-promises',
  '@typescript-eslint/no-misused-promises',
  '@typescript-eslint/switch-exhaustiveness-check',
]

const FORM = [
  "import { call } from './api/client'",
  'async function save(): Promise<void> {',
  "  await call('contact.list', {})",
  '}',
  'export function Probe() {',
  "  call('contact.list', {})",
  '  return <form onSubmit={save} />',
  '}',
  '',
].join('\n')

const FIXED_FORM = [
  "import { call } from './api/client'",
  "import { asyncHandler } from './ui/asyncHandler'",
  'async function save(): Promise<void> {',
  "  await call('contact.list', {})",
  '}',
  'export function Probe() {',
  "  void call('contact.list', {})",
  '  return <form onSubmit={asyncHandler(save)} />',
  '}',
  '',
].join('\n')

const PARTIAL_SWITCH = [
  "import type { StageId } from '@shared/stages'",
  'export function probe(stage: StageId): number {',
  '  switch (stage) {',
  "    case 'identified':",
  '      return 1',
  '  }',
  '  return 0',
  '}',
  '',
].join('\n')

beforeAll(async () => {
  await writeFile(resolve(repoRoot, probes.form), FORM)
  await writeFile(resolve(repoRoot, probes.fixedForm), FIXED_FORM)
  await writeFile(resolve(repoRoot, probes.shared), PARTIAL_SWITCH)
  await writeFile(resolve(repoRoot, probes.test), PARTIAL_SWITCH)
})

afterAll(async () => {
  for (const probe of Object.values(probes)) await rm(resolve(repoRoot, probe), { force: true })
})

/** The type-aware rule ids (and any parse error, whose ruleId is null) lint reports for a probe. */
async function typeAwareFindings(probe: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintFiles([resolve(repoRoot, probe)])
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === null || TYPE_AWARE_RULES.includes(m.ruleId))
    .map((m) => m.ruleId)
}

// The first lint in each tsconfig project builds that project's program: seconds on an idle
// machine, a minute or more on a busy 2-core one. A generous timeout, not a time assertion.
describe('type-aware lint', { timeout: 300_000 }, () => {
  it('refuses an async submit handler and a floating promise in a form', async () => {
    expect((await typeAwareFindings(probes.form)).sort()).toEqual([
      '@typescript-eslint/no-floating-promises',
      '@typescript-eslint/no-misused-promises',
    ])
  })

  it('allows the same form with the handler wrapped and the promise voided', async () => {
    expect(await typeAwareFindings(probes.fixedForm)).toEqual([])
  })

  it('refuses a switch over stages that misses one, in shared/ and in a test', async () => {
    for (const probe of [probes.shared, probes.test])
      expect(await typeAwareFindings(probe), probe).toEqual([
        '@typescript-eslint/switch-exhaustiveness-check',
      ])
  })
})
