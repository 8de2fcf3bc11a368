import { randomBytes } from 'node:crypto'
import { basename, dirname, join } from 'node:path'
import type { Adapter } from 'lowdb'
import { errorCode, type StoreFs } from './fs'

/** Prefix of the temp files a durable write leaves behind if the process dies mid-write. */
export function tempPrefix(file: string): string {
  return `.${basename(file)}.`
}

/**
 * Fsync a folder so a rename inside it survives a power cut.
 * Windows cannot open a folder for fsync; there NTFS journals the rename itself.
 */
export async function fsyncDir(fs: StoreFs, dir: string): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/**
 * Write bytes so that the target holds either its old or its new content, never a mix:
 * a unique temp file beside it, fsynced, renamed over the target, then the folder fsynced.
 * A failed write removes its temp file and leaves the target untouched.
 */
export async function writeFileDurably(
  fs: StoreFs,
  file: string,
  data: string | Uint8Array,
): Promise<void> {
  const dir = dirname(file)
  const temp = join(dir, `${tempPrefix(file)}${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: Awaited<ReturnType<StoreFs['open']>> | undefined
  try {
    handle = await fs.open(temp, 'wx', 0o600)
    await handle.writeFile(data)
    await handle.sync()
    await handle.close()
    handle = undefined
    await fs.rename(temp, file)
  } catch (error) {
    if (handle) await handle.close().catch(() => undefined)
    await fs.unlink(temp).catch((e: unknown) => {
      if (errorCode(e) !== 'ENOENT') throw e
    })
    throw error
  }
  await fsyncDir(fs, dir)
}

/** lowdb adapter over a durable write; reading is done by the store, which owns validation. */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly fs: StoreFs,
    private readonly file: string,
    private readonly serialize: (data: T) => string,
    private readonly parse: (text: string) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string
    try {
      text = await this.fs.readFile(this.file, 'utf8')
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return null
      throw error
    }
    return this.parse(text)
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.fs, this.file, this.serialize(data))
  }
}
