import * as nodeFs from 'node:fs/promises'

/** The file operations the store uses; injected so tests can simulate a full or read-only disk. */
export interface StoreFs {
  open: typeof nodeFs.open
  readFile: typeof nodeFs.readFile
  rename: typeof nodeFs.rename
  unlink: typeof nodeFs.unlink
  readdir: typeof nodeFs.readdir
  mkdir: typeof nodeFs.mkdir
  stat: typeof nodeFs.stat
  link: typeof nodeFs.link
  copyFile: typeof nodeFs.copyFile
}

/** The real filesystem. */
export const realFs: StoreFs = {
  open: nodeFs.open,
  readFile: nodeFs.readFile,
  rename: nodeFs.rename,
  unlink: nodeFs.unlink,
  readdir: nodeFs.readdir,
  mkdir: nodeFs.mkdir,
  stat: nodeFs.stat,
  link: nodeFs.link,
  copyFile: nodeFs.copyFile,
}

/** The error code of a Node system error, if any. */
export function errorCode(error: unknown): string | undefined {
  if (error instanceof Error && 'code' in error && typeof error.code === 'string') return error.code
  return undefined
}
