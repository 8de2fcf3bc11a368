import { mkdtemp } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { JSONFile } from 'lowdb/node'
import { Low } from 'lowdb'
import type { StoreFile } from '../electron/core/store/schema'
import { removeFolder, type Dataset } from './dataset'
import { summarize, type Summary } from './stats'

/** The subset of better-sqlite3's API this bench uses (its types are not installed). */
interface SqliteStatement {
  run: (...params: unknown[]) => unknown
}
interface SqliteDatabase {
  pragma: (text: string) => unknown
  exec: (sql: string) => unknown
  prepare: (sql: string) => SqliteStatement
  transaction: (fn: () => void) => () => void
  close: () => void
}
type SqliteConstructor = new (file: string) => SqliteDatabase

function isSqliteConstructor(value: unknown): value is SqliteConstructor {
  return typeof value === 'function'
}

/** better-sqlite3 from bench/node_modules, or why it could not be loaded. */
export function loadSqlite(): SqliteConstructor | string {
  try {
    // bench/ has its own package.json: the native module is never part of the app's install.
    const loaded: unknown = createRequire(import.meta.url)('better-sqlite3')
    return isSqliteConstructor(loaded) ? loaded : 'better-sqlite3 did not export a constructor'
  } catch (error) {
    return error instanceof Error
      ? (error.message.split('\n')[0] ?? 'unknown error')
      : String(error)
  }
}

/**
 * The floor: one row updated per commit in SQLite, WAL mode, synchronous=FULL (every commit
 * fsyncs the WAL), on a table holding the dataset's contacts and interactions as JSON rows.
 */
export async function benchSqlite(
  Database: SqliteConstructor,
  dataset: Dataset,
  commits: number,
): Promise<Summary> {
  const dir = await mkdtemp(join(tmpdir(), 'vouch-bench-sqlite-'))
  try {
    const db = new Database(join(dir, 'bench.db'))
    db.pragma('journal_mode = WAL')
    db.pragma('synchronous = FULL')
    db.exec('CREATE TABLE contacts (id TEXT PRIMARY KEY, json TEXT NOT NULL)')
    db.exec('CREATE TABLE interactions (id TEXT PRIMARY KEY, json TEXT NOT NULL)')
    const putContact = db.prepare('INSERT OR REPLACE INTO contacts (id, json) VALUES (?, ?)')
    const putInteraction = db.prepare(
      'INSERT OR REPLACE INTO interactions (id, json) VALUES (?, ?)',
    )
    db.transaction(() => {
      for (const c of dataset.file.contacts) putContact.run(c.id, JSON.stringify(c))
      for (const i of dataset.file.interactions) putInteraction.run(i.id, JSON.stringify(i))
    })()
    const contacts = dataset.file.contacts
    const times: number[] = []
    for (let n = 0; n < commits + 20; n++) {
      const contact = contacts[(n * 7919) % contacts.length]
      if (!contact) continue
      const changed = {
        ...contact,
        notes: `Caught up over coffee #${n}`,
        updatedAt: new Date().toISOString(),
      }
      const start = performance.now()
      putContact.run(changed.id, JSON.stringify(changed))
      if (n >= 20) times.push(performance.now() - start)
    }
    db.close()
    return summarize(times)
  } finally {
    await removeFolder(dir)
  }
}

/** The naive way: lowdb's JSONFile and one db.write() of the whole file per change. */
export async function benchLowdb(dataset: Dataset, writes: number): Promise<Summary> {
  const dir = await mkdtemp(join(tmpdir(), 'vouch-bench-lowdb-'))
  try {
    // structuredClone: the writes below must not change the dataset the other sections use.
    const db = new Low<StoreFile>(new JSONFile(join(dir, 'db.json')), structuredClone(dataset.file))
    await db.write()
    const times: number[] = []
    for (let n = 0; n < writes; n++) {
      const contact = db.data.contacts[(n * 7919) % db.data.contacts.length]
      if (contact) contact.notes = `Caught up over coffee #${n}`
      const start = performance.now()
      await db.write()
      times.push(performance.now() - start)
    }
    return summarize(times)
  } finally {
    await removeFolder(dir)
  }
}
