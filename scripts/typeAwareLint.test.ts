import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// eslint.config.js lints with types (typescript-eslint's project service), tried here on probe
// files: a promise dropped on the floor or handed to an event prop that ignores it, and a switch
// that misses a stage, must each fail lint; the fixed spellings must pass. The probes are linted
// as text under paths in their folders, never written there: `npm test` runs ESLint, Prettier and
// tsc over the tree at the same time as this test, and must not see them. A file that is on no
// disk is in no tsconfig's program, so the project service types the probes with a default project
// (the config's own rules and their options apply as is).

const repoRoot = resolve(import.meta.dirname, '..')
const tag = `lintProbe${process.pid}`
const probes = {
  form: `renderer/src/${tag}Form.tsx`,
  fixedForm: `renderer/src/${tag}Fixed.tsx`,
  shared: `shared/${tag}.ts`,
  test: `electron/core/${tag}.test.ts`,
}

// The project service is one per process, so one default project types every probe: the
// renderer's tsconfig (JSX, DOM, the @shared alias) compiles all three.
const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfig: {
    languageOptions: {
      parserOptions: {
        projectService: {
          allowDefaultProject: Object.values(probes),
          defaultProject: 'tsconfig.web.json',
        },
        tsconfigRootDir: repoRoot,
      },
    },
  },
})

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

/** The type-aware rule ids lint reports for a probe, and the message of any parse error. */
async function typeAwareFindings(probe: string, source: string): Promise<(string | null)[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(repoRoot, probe) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === null || TYPE_AWARE_RULES.includes(m.ruleId))
    .map((m) => (m.ruleId === null ? `${m.message}` : m.ruleId))
}

// The first lint builds the default project's program: seconds on an idle machine, a minute or
// more on a busy 2-core one. A generous timeout, not a time assertion.
describe('type-aware lint', { timeout: 300_000 }, () => {
  it('refuses an async submit handler and a floating promise in a form', async () => {
    expect((await typeAwareFindings(probes.form, FORM)).sort()).toEqual([
      '@typescript-eslint/no-floating-promises',
      '@typescript-eslint/no-misused-promises',
    ])
  })

  it('allows the same form with the handler wrapped and the promise voided', async () => {
    expect(await typeAwareFindings(probes.fixedForm, FIXED_FORM)).toEqual([])
  })

  it('refuses a switch over stages that misses one, in shared/ and in a test', async () => {
    for (const probe of [probes.shared, probes.test])
      expect(await typeAwareFindings(probe, PARTIAL_SWITCH), probe).toEqual([
        '@typescript-eslint/switch-exhaustiveness-check',
      ])
  })
})
