import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** The real contact files, in the shared/ folder CI clones beside the repository. */
export const CORPUS_DIR = resolve(import.meta.dirname, '../../../shared/corpora')

/**
 * Whether the corpus is there. On a developer machine without it the corpus tests are skipped
 * with a line saying so; under CI (CI=true) a missing corpus fails the run instead of letting
 * the import tests pass without reading a single real file.
 */
export function corpusPresent(suite: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (existsSync(CORPUS_DIR)) return true
  if (env.CI) {
    throw new Error(
      `${suite}: ${CORPUS_DIR} is missing; CI must have shared/ beside the repository.`,
    )
  }
  console.log(`${suite} skipped: ${CORPUS_DIR} not found.`)
  return false
}
