import type { FileHandle } from 'node:fs/promises'
import { errorCode, type StoreFs } from './fs'
import { JournalEntry } from './ops'

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

/** The append-only journal: each acknowledged command is one fsynced line. */
export class Journal {
  private handle: FileHandle | null = null
  private length = 0

  constructor(
    private readonly fs: StoreFs,
    readonly file: string,
  ) {}

  /** Read what is on disk, without opening for writes. */
  async read(): Promise<JournalRead & { exists: boolean }> {
    try {
      const bytes = await this.fs.readFile(this.file)
      return { ...parseJournal(bytes), exists: true }
    } catch (error) {
      if (errorCode(error) === 'ENOENT')
        return { entries: [], droppedBytes: 0, validLength: 0, exists: false }
      throw error
    }
  }

  /** Open for appending, cutting the file to `validLength` (a damaged tail must not precede new entries). */
  async openForAppend(validLength: number): Promise<void> {
    this.handle = await this.fs.open(this.file, 'a+', 0o600)
    const { size } = await this.handle.stat()
    if (size !== validLength) {
      await this.handle.truncate(validLength)
      await this.handle.sync()
    }
    this.length = validLength
  }

  /** Append one entry and fsync it. On failure the file is cut back to its previous length. */
  async append(entry: JournalEntry): Promise<void> {
    const handle = this.requireHandle()
    const line = Buffer.from(`${JSON.stringify(entry)}\n`, 'utf8')
    try {
      await handle.appendFile(line)
      await handle.datasync()
      this.length += line.length
    } catch (error) {
      // A partial line must not stay: the next append would follow garbage.
      await handle.truncate(this.length).catch(() => undefined)
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
