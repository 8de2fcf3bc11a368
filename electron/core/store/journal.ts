import { constants } from 'node:fs'
import type { FileHandle } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { fsyncDir } from './durableFile'
import { errorCode, type StoreFs } from './fs'
import { JournalEntry } from './ops'
import type { Slicer } from '../slices/slicer'

/** What reading the journal found: the complete entries and whether a damaged tail was dropped. */
export interface JournalRead {
  entries: JournalEntry[]
  /** Bytes after the last complete entry that were not a valid entry. */
  droppedBytes: number
  /** Byte length of the valid prefix. */
  validLength: number
}

/**
 * Parse journal text. Entries end with a newline; reading stops at the first line that is
 * incomplete or invalid, and everything from there on counts as a damaged tail.
 */
export function parseJournal(bytes: Buffer): JournalRead {
  const entries: JournalEntry[] = []
  let offset = 0
  while (offset < bytes.length) {
    const end = bytes.indexOf(0x0a, offset)
    if (end === -1) break
    const line = bytes.subarray(offset, end).toString('utf8')
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      break
    }
    const parsed = JournalEntry.safeParse(json)
    if (!parsed.success) break
    entries.push(parsed.data)
    offset = end + 1
  }
  return { entries, droppedBytes: bytes.length - offset, validLength: offset }
}

/**
 * The JSON text of an entry (exactly `JSON.stringify(entry)`), serialized `size` ops per slice
 * with a turn of the event loop in between: the line of a bulk over 1,000 people is about a
 * megabyte of JSON.
 */
export async function entryText(
  entry: JournalEntry,
  slicer: Slicer,
  size: number,
): Promise<string> {
  const parts: string[] = []
  for (const op of entry.ops) {
    parts.push(JSON.stringify(op))
    if (slicer.full(size)) await slicer.pause()
  }
  return `{"seq":${JSON.stringify(entry.seq)},"ops":[${parts.join(',')}]}`
}

/** Undefined where the platform has no O_DSYNC (Windows), whatever @types/node says. */
const O_DSYNC: number | undefined = constants.O_DSYNC

/**
 * Whether appends rely on O_DSYNC rather than a datasync after each write. With O_DSYNC,
 * write(2) returns only once the data and the metadata needed to read it back (the file size)
 * are on stable storage, which is what fdatasync gave, in one thread-pool round trip instead of
 * two. Not on macOS: there Node's datasync is fcntl(F_FULLFSYNC), which also flushes the
 * drive's write cache, and O_DSYNC does not, so dropping datasync would weaken durability.
 */
export const journalUsesDsync = O_DSYNC !== undefined && process.platform !== 'darwin'

export interface JournalOptions {
  /** Open with O_DSYNC and skip datasync (default `journalUsesDsync`; ignored without O_DSYNC). */
  dsync?: boolean
}

/** The append-only journal: each acknowledged command is one durable line. */
export class Journal {
  private handle: FileHandle | null = null
  private length = 0
  private mustCutBack = false
  /** The O_DSYNC open flags, or null to append with write + datasync. */
  private readonly dsyncFlags: number | null

  constructor(
    private readonly fs: StoreFs,
    readonly file: string,
    options: JournalOptions = {},
  ) {
    this.dsyncFlags =
      (options.dsync ?? journalUsesDsync) && O_DSYNC !== undefined
        ? constants.O_APPEND | constants.O_CREAT | constants.O_RDWR | O_DSYNC
        : null
  }

  /** Read the active journal, without opening it for writes. */
  async read(): Promise<JournalRead & { exists: boolean }> {
    return this.readFile(this.file)
  }

  /**
   * Journals set aside by compactions that did not finish (`vouch.journal.<seq>`, each
   * holding entries up to that seq), oldest first, with what each holds.
   */
  async readRotated(): Promise<Array<JournalRead & { file: string; upTo: number }>> {
    const result: Array<JournalRead & { file: string; upTo: number }> = []
    for (const f of await this.rotatedFiles())
      result.push({ ...(await this.readFile(f.file)), ...f })
    return result
  }

  /**
   * Set the active journal aside as `vouch.journal.<upTo>` and start an empty one, so a
   * compaction can snapshot up to `upTo` while new commits keep appending.
   */
  async rotate(upTo: number): Promise<void> {
    const handle = this.requireHandle()
    if (this.length === 0) return
    await handle.close()
    this.handle = null
    await this.fs.rename(this.file, `${this.file}.${upTo}`)
    await fsyncDir(this.fs, dirname(this.file))
    await this.openForAppend(0)
  }

  /** Whether set-aside journals exist (a compaction did not finish). */
  async hasRotated(): Promise<boolean> {
    return (await this.rotatedFiles()).length > 0
  }

  /** Delete set-aside journals whose entries a durable snapshot at `seq` includes. */
  async removeRotated(seq: number): Promise<void> {
    for (const rotated of await this.rotatedFiles()) {
      if (rotated.upTo <= seq) await this.fs.unlink(rotated.file).catch(() => undefined)
    }
  }

  private async rotatedFiles(): Promise<Array<{ file: string; upTo: number }>> {
    const dir = dirname(this.file)
    const prefix = `${basename(this.file)}.`
    const names = await this.fs.readdir(dir).catch(() => [])
    return names
      .filter((n) => n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
      .map((n) => ({ file: join(dir, n), upTo: Number(n.slice(prefix.length)) }))
      .sort((a, b) => a.upTo - b.upTo)
  }

  private async readFile(file: string): Promise<JournalRead & { exists: boolean }> {
    try {
      const bytes = await this.fs.readFile(file)
      return { ...parseJournal(bytes), exists: true }
    } catch (error) {
      if (errorCode(error) === 'ENOENT') {
        return { entries: [], droppedBytes: 0, validLength: 0, exists: false }
      }
      throw error
    }
  }

  /** Open for appending, cutting the file to `validLength` (a damaged tail must not precede new entries). */
  async openForAppend(validLength: number): Promise<void> {
    // 'a+' is O_APPEND | O_CREAT | O_RDWR.
    this.handle = await this.fs.open(this.file, this.dsyncFlags ?? 'a+', 0o600)
    this.mustCutBack = false
    const { size } = await this.handle.stat()
    if (size !== validLength) {
      await this.handle.truncate(validLength)
      await this.handle.sync()
    }
    this.length = validLength
  }

  /** Append one entry, durably. On failure the file is cut back to its previous length. */
  async append(entry: JournalEntry, text: string = JSON.stringify(entry)): Promise<void> {
    const handle = this.requireHandle()
    const line = Buffer.from(`${text}\n`, 'utf8')
    // A failed append whose cut-back also failed left bytes after the last good line: cut them
    // now, or this entry would follow garbage and be dropped at replay. Failing here fails the
    // command, which is what the user must hear.
    if (this.mustCutBack) {
      await handle.truncate(this.length)
      this.mustCutBack = false
    }
    try {
      // With O_DSYNC the write itself returns once the line is durable (see journalUsesDsync).
      const { bytesWritten } = await handle.write(line)
      // A disk filling up mid-line can return a short count rather than an error: the line
      // is not whole, so it must not be acknowledged.
      if (bytesWritten !== line.length)
        throw Object.assign(
          new Error(`The disk took ${bytesWritten} of ${line.length} bytes of the change.`),
          { code: 'ENOSPC' },
        )
      if (this.dsyncFlags === null) await handle.datasync()
      this.length += line.length
    } catch (error) {
      // A partial line must not stay: the next append would follow garbage.
      await handle.truncate(this.length).catch(() => {
        this.mustCutBack = true
      })
      throw error
    }
  }

  /** Empty the journal once a snapshot holds everything in it. */
  async reset(): Promise<void> {
    const handle = this.requireHandle()
    await handle.truncate(0)
    await handle.sync()
    this.length = 0
  }

  get byteLength(): number {
    return this.length
  }

  async close(): Promise<void> {
    await this.handle?.close()
    this.handle = null
  }

  private requireHandle(): FileHandle {
    if (!this.handle) throw new Error('The journal is not open.')
    return this.handle
  }
}
