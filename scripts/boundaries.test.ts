import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import tseslint from 'typescript-eslint'
import { describe, expect, it } from 'vitest'

// The layer rules in eslint.config.js, tried on probe files that are never written to disk:
// each forbidden import must fail lint, whatever its spelling, and each allowed one must pass.

const repoRoot = resolve(import.meta.dirname, '..')
// The probes exist only in memory, so no tsconfig holds them: lint them without types (the layer
// rules need none). scripts/typeAwareLint.test.ts covers the type-aware rules on real files.
const eslint = new ESLint({ cwd: repoRoot, overrideConfig: tseslint.configs.disableTypeChecked })

async function boundaryErrors(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(repoRoot, filePath) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths')
    .map((m) => m.message)
}

async function restrictedImports(filePath: string, source: string): Promise<string[]> {
  const [result] = await eslint.lintText(source, { filePath: resolve(repoRoot, filePath) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

describe('layer boundaries in lint', () => {
  it('refuses shell code in electron/core, by relative path', async () => {
    const errors = await boundaryErrors(
      'electron/core/probe.ts',
      "import { NOTICE_HINTS } from '../notifier'\nexport const probe = NOTICE_HINTS\n",
    )
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('electron/core may import only shared/')
  })

  it('refuses main-process code in the renderer and anything of ours in shared/', async () => {
    expect(
      await boundaryErrors(
        'renderer/src/probe.ts',
        "import { openCore } from '../../electron/core/index'\nexport const probe = openCore\n",
      ),
    ).toHaveLength(1)
    expect(
      await boundaryErrors(
        'shared/probe.ts',
        "import { call } from '../renderer/src/api/client'\nexport const probe = call\n",
      ),
    ).toHaveLength(1)
  })

  it('refuses test support in production code, and allows it in tests', async () => {
    const source =
      "import { makeContact } from '@testing/builders'\nexport const probe = makeContact\n"
    const errors = await boundaryErrors('electron/core/handlers/probe.ts', source)
    expect(errors).toHaveLength(1)
    expect(errors[0]).toContain('may not import test support')
    expect(await boundaryErrors('electron/core/handlers/probe.test.ts', source)).toEqual([])
  })

  it('lets renderer tests reach the real core only through test support', async () => {
    const realCore =
      "import { openRealCore } from '@testing/renderer/realBridge'\nexport const probe = openRealCore\n"
    const inProduction = await boundaryErrors('renderer/src/board/probe.ts', realCore)
    expect(inProduction).toHaveLength(1)
    expect(inProduction[0]).toContain('may not import test support')
    expect(await boundaryErrors('renderer/src/board/probe.test.tsx', realCore)).toEqual([])
    // A renderer test still may not import the core itself.
    expect(
      await boundaryErrors(
        'renderer/src/board/probe.test.tsx',
        "import { openCore } from '../../../electron/core'\nexport const probe = openCore\n",
      ),
    ).toHaveLength(1)
  })

  it('allows what each layer may use, including through the @shared alias', async () => {
    expect(
      await boundaryErrors(
        'electron/core/probe.ts',
        "import { contract } from '@shared/ipc'\nimport { Store } from './store/store'\nexport const probe = [contract, Store]\n",
      ),
    ).toEqual([])
    expect(
      await boundaryErrors(
        'electron/probe.ts',
        "import { openCore } from './core/index'\nexport const probe = openCore\n",
      ),
    ).toEqual([])
  })

  it('refuses shared/ and testing/ by relative path, in every folder: they are @shared and @testing', async () => {
    const stages = (path: string) =>
      `import { STAGE_IDS } from '${path}'\nexport const probe = STAGE_IDS\n`
    const refused: [file: string, source: string][] = [
      ['e2e/probe.spec.ts', stages('../shared/stages')],
      ['renderer/src/board/probe.ts', stages('../../../shared/stages')],
      ['electron/core/probe.ts', stages('../../shared/stages')],
      ['bench/probe.ts', stages('../shared/stages')],
      [
        'electron/core/probe.test.ts',
        "import { readJson } from '../../testing/json'\nexport const probe = readJson\n",
      ],
    ]
    for (const [file, source] of refused) {
      const errors = await restrictedImports(file, source)
      expect(errors, file).toHaveLength(1)
      expect(errors[0], file).toMatch(/Import (shared|testing)\/ as '@(shared|testing)\/…'/)
    }
    expect(await restrictedImports('e2e/probe.spec.ts', stages('@shared/stages'))).toEqual([])
    expect(await restrictedImports('shared/probe.ts', stages('./stages'))).toEqual([])
  })
})
