import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ELECTRON_PACKAGE = resolve(import.meta.dirname, '../../node_modules/electron')

/**
 * Path of the Electron executable if it is already on disk, else null. Reads what the electron
 * package would read, without requiring it: requiring it starts a download when the binary is
 * missing (node_modules/electron/index.js).
 */
export function installedElectron(env: NodeJS.ProcessEnv = process.env): string | null {
  const pathFile = join(ELECTRON_PACKAGE, 'path.txt')
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  const executable = override
    ? join(override, relative || 'electron')
    : relative
      ? join(ELECTRON_PACKAGE, 'dist', relative)
      : null
  return executable !== null && existsSync(executable) ? executable : null
}
