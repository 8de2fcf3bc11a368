// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import importX from 'eslint-plugin-import-x'
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript'

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'worker_threads',
]

/** Which folder may import which: the layers of docs/ARCHITECTURE.md. */
const LAYER_ZONES = [
  {
    target: './shared',
    from: ['./electron', './renderer', './e2e', './bench', './scripts'],
    message: 'shared/ is the pure layer: it imports nothing of ours from other folders.',
  },
  {
    target: './electron/core',
    from: './electron',
    except: ['./core'],
    message: 'electron/core may import only shared/ and itself, never the Electron shell.',
  },
  {
    target: './electron',
    from: ['./renderer', './e2e', './bench', './scripts'],
    message: 'The main process may import only electron/ and shared/.',
  },
  {
    target: './renderer',
    from: ['./electron', './e2e', './bench', './scripts'],
    message: 'The renderer may import only shared/ and itself; it reaches main through the bridge.',
  },
]

/**
 * shared/ and testing/ are reached by their aliases (tsconfig.base.json `paths`), never by a
 * relative path such as '../../shared/domain': one spelling, whichever folder the importer is in.
 * Every block that sets no-restricted-imports below spreads these in, as a later block's options
 * replace an earlier one's.
 */
const ALIAS_PATTERNS = [
  {
    regex: '^\\.{1,2}/(.+/)?shared(/|$)',
    message: "Import shared/ as '@shared/…', not by a relative path.",
  },
  {
    regex: '^\\.{1,2}/(.+/)?testing(/|$)',
    message: "Import testing/ as '@testing/…', not by a relative path.",
  },
]

/** Production code never depends on test support. */
const TEST_SUPPORT_ZONE = {
  target: ['./electron', './shared', './renderer'],
  from: ['./testing'],
  message: 'Production code may not import test support (testing/).',
}

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node },
      // One TypeScript project service for every file: it finds each file's tsconfig through the
      // root solution (tsconfig.json's references), so no program is built twice.
      // https://typescript-eslint.io/packages/parser#projectservice
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ALIAS_PATTERNS }] },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ALIAS_PATTERNS,
            {
              group: ['electron', 'electron/*'],
              message: 'The renderer talks to main only through src/api/client.ts.',
            },
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node built-ins.' },
            {
              group: ['**/electron/**', '../electron/*'],
              message: 'The renderer may not import main-process code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ALIAS_PATTERNS,
            {
              group: ['electron', 'electron/*', 'react', 'react/*', 'react-dom', 'react-dom/*'],
              message: 'shared/ is pure: no electron or react.',
            },
            { group: nodeBuiltins, message: 'shared/ is pure: no Node built-ins.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...ALIAS_PATTERNS,
            {
              group: ['electron', 'electron/*'],
              message: 'electron/core runs in plain Node: inject OS objects instead.',
            },
            { group: ['react', 'react-dom', 'react/*'], message: 'electron/core has no UI.' },
          ],
        },
      ],
    },
  },
  // Layer boundaries by folder, whatever the import's spelling ('@shared/…', '../../notifier'):
  // shared/ imports nothing of ours; electron/core only shared/; the shell only core and shared;
  // the renderer only shared and itself. scripts/boundaries.test.ts proves each zone bites.
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: 'tsconfig.json',
        }),
      ],
    },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          basePath: import.meta.dirname,
          zones: LAYER_ZONES,
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts', 'shared/**/*.ts', 'renderer/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        { basePath: import.meta.dirname, zones: [...LAYER_ZONES, TEST_SUPPORT_ZONE] },
      ],
    },
  },
  // Test doubles implement async interfaces without awaiting anything (`invoke: async () => ok`),
  // and `await act(async () => …)` is how a React test flushes updates: there require-await's
  // "nothing awaited here" is noise, not a forgotten await. Production code keeps the rule.
  {
    files: ['**/*.test.{ts,tsx}', 'e2e/**/*.ts', 'testing/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  // Plain JavaScript (this file, scripts/*.mjs) is in no tsconfig (no allowJs): lint it without types.
  { files: ['**/*.{js,mjs,cjs}'], ...tseslint.configs.disableTypeChecked },
)
