import { join } from 'node:path'
import { writeFileDurably } from './durableFile'
import { errorCode, type StoreFs } from './fs'
import { decodeStoreFile, type StoreFile } from './schema'

/** Why a backup was taken; part of its file name. */
export const BACKUP_REASONS = [
  'daily',
  'before-import',
  'before-restore',
  'before-migration',
  'manual',
] as const
export type BackupReason = (typeof BACKUP_REASONS)[number]

function isReason(s: string): s is BackupReason {
  return BACKUP_REASONS.some((r) => r === s)
}

/** One snapshot in `<dataDir>/backups/`. */
export interface BackupInfo {
  id: string
  file: string
  takenAt: string
  reason: BackupReason
  bytes: number
}

const NAME = /^vouch-(\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z)-([a-z-]+)\.json$/
const KEEP_DAILY = 14
const KEEP_OTHER = 20

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

function unstamp(s: string): string {
  // 2026-11-26T04-06-09-123Z → 2026-11-26T04:06:09.123Z
  return `${s.slice(0, 13)}:${s.slice(14, 16)}:${s.slice(17, 19)}.${s.slice(20, 23)}Z`
}

/** Rolling snapshots of the data: one a day for 14 days, plus one before every import and restore. */
export class Backups {
  readonly dir: string

  constructor(
    private readonly fs: StoreFs,
    dataDir: string,
  ) {
    this.dir = join(dataDir, 'backups')
  }

  /** Backups, newest first. */
  async list(): Promise<BackupInfo[]> {
    let names: string[]
    try {
      names = await this.fs.readdir(this.dir)
    } catch (error) {
      if (errorCode(error) === 'ENOENT') return []
      throw error
    }
    const result: BackupInfo[] = []
    for (const name of names) {
      const m = NAME.exec(name)
      const reason = m?.[2]
      if (!m || !m[1] || !reason || !isReason(reason)) continue
      const file = join(this.dir, name)
      const info = await this.fs.stat(file).catch(() => null)
      if (!info) continue
      result.push({ id: name, file, takenAt: unstamp(m[1]), reason, bytes: info.size })
    }
    return result.sort((a, b) => (a.takenAt < b.takenAt ? 1 : a.takenAt > b.takenAt ? -1 : 0))
  }

  /** Write a snapshot durably and prune old ones. */
  async take(text: string | Uint8Array, reason: BackupReason, now: Date): Promise<BackupInfo> {
    await this.fs.mkdir(this.dir, { recursive: true })
    const id = `vouch-${stamp(now)}-${reason}.json`
    const file = join(this.dir, id)
    await writeFileDurably(this.fs, file, text)
    await this.prune()
    return { id, file, takenAt: now.toISOString(), reason, bytes: Buffer.byteLength(text) }
  }

  /**
   * Keep one backup per day that follows the day's data: write it if today has none, or
   * replace today's when it is older than `maxAgeMs` (0 replaces it always).
   */
  async refreshDaily(
    content: () => Promise<string | Uint8Array | null>,
    now: Date,
    maxAgeMs: number,
  ): Promise<void> {
    const day = now.toISOString().slice(0, 10)
    const today = (await this.list()).filter(
      (b) => b.reason === 'daily' && b.takenAt.startsWith(day),
    )
    const newest = today[0]
    if (newest && now.getTime() - Date.parse(newest.takenAt) < maxAgeMs) return
    const data = await content()
    if (data === null) return
    const taken = await this.take(data, 'daily', now)
    for (const old of today)
      if (old.id !== taken.id) await this.fs.unlink(old.file).catch(() => undefined)
  }

  /** The newest backup that decodes to valid data, if any. */
  async newestValid(): Promise<{ info: BackupInfo; file: StoreFile } | null> {
    for (const info of await this.list()) {
      const text = await this.fs.readFile(info.file, 'utf8').catch(() => null)
      if (text === null) continue
      const decoded = decodeStoreFile(text)
      if (decoded.kind === 'ok') return { info, file: decoded.file }
    }
    return null
  }

  /** Read one backup by id; null if it is missing or damaged. */
  async read(id: string): Promise<StoreFile | null> {
    if (!NAME.test(id)) return null
    const text = await this.fs.readFile(join(this.dir, id), 'utf8').catch(() => null)
    if (text === null) return null
    const decoded = decodeStoreFile(text)
    return decoded.kind === 'ok' ? decoded.file : null
  }

  private async prune(): Promise<void> {
    const all = await this.list()
    const daily = all.filter((b) => b.reason === 'daily')
    const other = all.filter((b) => b.reason !== 'daily')
    for (const old of [...daily.slice(KEEP_DAILY), ...other.slice(KEEP_OTHER)]) {
      await this.fs.unlink(old.file).catch(() => undefined)
    }
  }
}
