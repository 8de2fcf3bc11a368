import { join } from 'node:path'
import type { z } from 'zod'
import { CareerUpdate, Contact, Interaction, ReferenceRequest } from '@shared/domain'
import type { AppStatus } from '@shared/ipc'
import type { Backups } from './backups'
import { fsyncDir, tempPrefix } from './durableFile'
import { errorCode, type StoreFs } from './fs'
import {
  CURRENT_SCHEMA_VERSION,
  decodeStoreFile,
  emptyStoreFile,
  startsWithBom,
  type StoreFile,
} from './schema'

/** What the status bar tells the user about the data folder. */
export type Problem = NonNullable<AppStatus['problem']>

/** The snapshot to start from, and what opening it decided. */
export interface RecoveredSnapshot {
  file: StoreFile
  problem: Problem | null
  /** Written by a newer Vouch: shown, never changed. */
  readOnly: boolean
  /** The snapshot on disk is not what the store holds (migrated, recovered): rewrite it. */
  mustCompact: boolean
}

interface Folder {
  fs: StoreFs
  dataDir: string
  now: () => Date
}

/** An instant as a file-name fragment. */
export function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

/**
 * Read vouch.json and decide what to start from: nothing (no file yet), the file (migrated,
 * after a backup of the original), a read-only salvage of a newer schema, or, for a damaged
 * file moved aside, its data without a byte-order mark, else the newest valid backup, else
 * nothing. Only called while holding the lock.
 */
export async function recoverSnapshot(
  folder: Folder & { dataFile: string; backups: Backups },
): Promise<RecoveredSnapshot> {
  const { fs, dataFile, now, backups } = folder
  const bytes = await fs.readFile(dataFile).catch((error: unknown) => {
    if (errorCode(error) === 'ENOENT') return null
    throw error
  })
  if (bytes === null)
    return { file: emptyStoreFile(now()), problem: null, readOnly: false, mustCompact: false }
  const decoded = decodeStoreFile(bytes)
  if (decoded.kind === 'ok') {
    const migrated = decoded.migratedFrom !== null
    if (migrated) await backups.take(bytes, 'before-migration', now())
    return { file: decoded.file, problem: null, readOnly: false, mustCompact: migrated }
  }
  if (decoded.kind === 'newer') {
    return {
      file: salvageNewer(decoded.raw, now()),
      problem: {
        kind: 'read-only',
        message: `This data was saved by a newer version of Vouch (schema ${decoded.version}; this version knows ${CURRENT_SCHEMA_VERSION}). It is shown read-only and will not be changed. Update Vouch to edit it.`,
      },
      readOnly: true,
      mustCompact: false,
    }
  }
  const quarantinedAs = join(folder.dataDir, `vouch.corrupt-${stamp(now())}.json`)
  await fs.rename(dataFile, quarantinedAs)
  await fsyncDir(fs, folder.dataDir)
  const stripped = startsWithBom(bytes) ? decodeStoreFile(bytes.subarray(3)) : null
  if (stripped?.kind === 'ok') {
    return {
      file: stripped.file,
      problem: {
        kind: 'recovered',
        message: `vouch.json started with a byte-order mark, which Vouch does not write. Its data was recovered; the original file was kept as ${quarantinedAs}.`,
        quarantinedAs,
      },
      readOnly: false,
      mustCompact: true,
    }
  }
  const backup = await backups.newestValid()
  const reason = decoded.kind === 'invalid' ? decoded.reason : 'it is damaged'
  return {
    file: backup ? backup.file : emptyStoreFile(now()),
    problem: {
      kind: 'quarantined',
      message: backup
        ? `vouch.json could not be read because ${reason}. It was moved aside to ${quarantinedAs}, and your data was restored from the backup ${backup.info.file}.`
        : `vouch.json could not be read because ${reason}. It was moved aside to ${quarantinedAs}; no backup was found, so Vouch started empty. Nothing in the moved file was deleted.`,
      quarantinedAs,
      ...(backup ? { restoredFrom: backup.info.file } : {}),
    },
    readOnly: false,
    mustCompact: true,
  }
}

/** Lenient read of a file written by a newer Vouch: keep every record this version understands. */
function salvageNewer(raw: Record<string, unknown>, now: Date): StoreFile {
  const file = emptyStoreFile(now)
  const pick = <T>(value: unknown, schema: z.ZodType<T>): T[] =>
    Array.isArray(value)
      ? value.flatMap((v) => {
          const r = schema.safeParse(v)
          return r.success ? [r.data] : []
        })
      : []
  file.contacts = pick(raw.contacts, Contact)
  file.interactions = pick(raw.interactions, Interaction)
  file.requests = pick(raw.requests, ReferenceRequest)
  file.updates = pick(raw.updates, CareerUpdate)
  return file
}

/**
 * Keep a copy of each journal whose tail was dropped (a write cut by a crash) and say so,
 * after whatever problem opening the snapshot already reported.
 */
export async function keepDamagedJournals(
  folder: Folder,
  parts: readonly { file: string; droppedBytes: number }[],
  problem: Problem | null,
): Promise<Problem | null> {
  const damaged = parts.filter((part) => part.droppedBytes > 0)
  if (damaged.length === 0) return problem
  const notes: string[] = []
  let keptAs = ''
  for (const part of damaged) {
    keptAs = join(folder.dataDir, `vouch.journal.damaged-${stamp(folder.now())}-${notes.length}`)
    await folder.fs.copyFile(part.file, keptAs)
    notes.push(
      `The last ${part.droppedBytes} bytes of the journal were incomplete (a write interrupted by a crash or power cut) and were dropped; every change before them was kept. The original journal was saved as ${keptAs}.`,
    )
  }
  const note = notes.join(' ')
  return problem
    ? { ...problem, message: `${problem.message} ${note}` }
    : { kind: 'journal-tail-dropped', message: note, quarantinedAs: keptAs }
}

/** Remove temp files that a crashed write left behind. Only called while holding the lock. */
export async function removeStaleTemps(
  fs: StoreFs,
  dataDir: string,
  dataFile: string,
  isAlive: (pid: number) => boolean,
): Promise<void> {
  const dataPrefix = tempPrefix(dataFile)
  for (const name of await fs.readdir(dataDir).catch(() => [])) {
    if (!name.endsWith('.tmp')) continue
    // Only we write data temps while holding the lock; a lock temp may belong to a live opener.
    const lockTemp = /^\.vouch\.lock\.(\d+)\./.exec(name)
    const stale =
      name.startsWith(dataPrefix) || (lockTemp?.[1] !== undefined && !isAlive(Number(lockTemp[1])))
    if (stale) await fs.unlink(join(dataDir, name)).catch(() => undefined)
  }
  const backupsDir = join(dataDir, 'backups')
  for (const name of await fs.readdir(backupsDir).catch(() => [])) {
    if (name.startsWith('.vouch-') && name.endsWith('.tmp'))
      await fs.unlink(join(backupsDir, name)).catch(() => undefined)
  }
}
