import { createHash } from 'node:crypto'
import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import { build } from 'esbuild'

const repoRoot = resolve(import.meta.dirname, '../..')
// Inside node_modules so the bundle's external packages (zod, lowdb…) resolve from it.
const outDir = join(repoRoot, 'node_modules', '.cache', 'vouch-children')

const built = new Map<string, Promise<string>>()

/**
 * The file to run a child script (a path from the repository root, e.g.
 * 'testing/core/crashChild.ts') with plain `node`: bundled once per test process into one
 * JavaScript file. Crash and lock tests spawn dozens of children; under `--import tsx` each
 * spent about 2.2 s of CPU compiling the core before it was ready, a bundle about 0.8 s.
 */
export function childScript(script: string): Promise<string> {
  let file = built.get(script)
  if (!file) {
    file = bundle(script)
    built.set(script, file)
  }
  return file
}

async function bundle(script: string): Promise<string> {
  const result = await build({
    entryPoints: [join(repoRoot, script)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    tsconfig: join(repoRoot, 'tsconfig.node.json'),
    write: false,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0]?.contents
  if (!code) throw new Error(`esbuild produced nothing for ${script}`)
  // Named by content: parallel test workers that build the same child write the same file.
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16)
  const file = join(outDir, `${basename(script, '.ts')}-${hash}.mjs`)
  const exists = await stat(file).then(
    () => true,
    () => false,
  )
  if (!exists) {
    await mkdir(outDir, { recursive: true })
    const temp = `${file}.${process.pid}.tmp`
    await writeFile(temp, code)
    await rename(temp, file)
  }
  return file
}
