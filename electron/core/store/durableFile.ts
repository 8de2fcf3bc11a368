import { randomBytes } from 'node:crypto'
import type { FileHandle } from 'node:fs/promises'
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
 * Chunks are written as they come, a little per event-loop turn (see writeChunks), so a large
 * snapshot never blocks the event loop for long. A failed write removes its temp file and
 * leaves the target untouched.
 */
export async function writeFileDurably(
  fs: StoreFs,
  file: string,
  data: string | Uint8Array | Iterable<string>,
): Promise<void> {
  const dir = dirname(file)
  const temp = join(dir, `${tempPrefix(file)}${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
  let handle: FileHandle | undefined
  try {
    handle = await fs.open(temp, 'wx', 0o600)
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await handle.writeFile(data)
    } else {
      await writeChunks(handle, data)
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

/** Bytes gathered before one write: enough to keep syscalls few. */
const WRITE_BATCH = 64 * 1024

/** Room for a batch plus the chunk that completes it; a larger chunk is written on its own. */
const BUFFER_BYTES = 2 * WRITE_BATCH

/** Longest stretch of chunk production before the writer lets the event loop run, in ms. */
const TURN_MS = 1

/**
 * Write chunks in order. They are pulled (and so produced) only while the current turn of
 * the event loop is younger than TURN_MS; then the bytes gathered are written, an await, or
 * with none yet the loop is given a turn. An empty chunk is a chance to stop and check.
 * Chunks are encoded into one reused buffer: no joined strings for the collector to chase.
 */
async function writeChunks(handle: FileHandle, chunks: Iterable<string>): Promise<void> {
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES)
  let used = 0
  const flush = async () => {
    await writeAll(handle, buffer.subarray(0, used))
    used = 0
  }
  let turnStart = performance.now()
  for (const chunk of chunks) {
    // UTF-8 takes at most 3 bytes per UTF-16 code unit.
    if (used + chunk.length * 3 > buffer.length) {
      if (used > 0) await flush()
      if (chunk.length * 3 > buffer.length) {
        await writeAll(handle, Buffer.from(chunk))
        turnStart = performance.now()
        continue
      }
    }
    used += buffer.write(chunk, used)
    if (used < WRITE_BATCH && performance.now() - turnStart < TURN_MS) continue
    if (used > 0) await flush()
    else await new Promise((resolve) => setImmediate(resolve))
    turnStart = performance.now()
  }
  if (used > 0) await flush()
}

/** Write all of `bytes`, in as many writes as that takes. */
async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0
  while (offset < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.length - offset)
    if (bytesWritten <= 0) throw new Error('A write made no progress.')
    offset += bytesWritten
  }
}

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

  read(): Promise<T | null> {
    return Promise.reject(
      new Error('The store reads vouch.json itself, to quarantine damaged files.'),
    )
  }

  async write(data: T): Promise<void> {
    await writeFileDurably(this.fs, this.file, this.toChunks(data))
  }
}
