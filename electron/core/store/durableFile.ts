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
 * Write text so that the target holds either its old or its new content, never a mix:
 * a unique temp file beside it, fsynced, renamed over the target, then the folder fsynced.
 * Chunks are written as they come, each write an await, so a large snapshot never blocks the
 * event loop for long. A failed write removes its temp file and leaves the target untouched.
 */
export async function writeFileDurably(
  fs: StoreFs,
  file: string,
  data: string | Uint8Array | Iterable<string>,
): Promise<void> {
  const dir = dirname(file)
  const temp = join(dir, `${tempPrefix(file)}${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: Awaited<ReturnType<StoreFs['open']>> | undefined
  try {
    handle = await fs.open(temp, 'wx', 0o600)
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await handle.writeFile(data)
    } else {
      let pending: string[] = []
      let size = 0
      for (const chunk of data) {
        pending.push(chunk)
        size += chunk.length
        if (size >= WRITE_BATCH) {
          await handle.write(pending.join(''))
          pending = []
          size = 0
        }
      }
      if (pending.length > 0) await handle.write(pending.join(''))
    }
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

/** Characters gathered before one write: big enough to keep syscalls few, small enough to stay quick. */
const WRITE_BATCH = 64 * 1024

/**
 * lowdb adapter over a durable, chunked write. Reading is done by the store itself, because
 * a damaged file must be quarantined rather than parsed.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly fs: StoreFs,
    private readonly file: string,
    private readonly toChunks: (data: T) => Iterable<string>,
  ) {}

  async read(): Promise<T | null> {
    throw new Error('The store reads vouch.json itself, to quarantine damaged files.')
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.fs, this.file, this.toChunks(data))
  }
}
