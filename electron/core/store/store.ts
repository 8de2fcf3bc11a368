import { join } from 'node:path'
import { Low } from 'lowdb'
import type { z } from 'zod'
import { CareerUpdate, Contact, Interaction, ReferenceRequest, type Settings } from '@shared/domain'
import type { AppStatus } from '@shared/ipc'
import { DomainError } from '@shared/result'
import { Backups } from './backups'
import { DurableJsonFile, fsyncDir, tempPrefix } from './durableFile'
import { errorCode, type StoreFs } from './fs'
import { Journal } from './journal'
import { FolderLock } from './lock'
import type { Op } from './ops'
import {
  CURRENT_SCHEMA_VERSION,
  decodeStoreFile,
  emptyStoreFile,
  type ReminderState,
  type StoreFile,
} from './schema'

/** The live data, keyed by id. Maps keep an id like "__proto__" a plain key. */
export interface StoreState {
  contacts: Map<string, Contact>
  interactions: Map<string, Interaction>
  requests: Map<string, ReferenceRequest>
  updates: Map<string, CareerUpdate>
  settings: Settings
  reminders: ReminderState
}

export interface StoreOptions {
  dataDir: string
  fs: StoreFs
  now: () => Date
  isProcessAlive: (pid: number) => boolean
  /** Journal entries after which a compaction runs at once rather than when idle. */
  compactEvery?: number
  /** Idle time after the last write before compacting, in ms. */
  compactAfterMs?: number
}

type Problem = NonNullable<AppStatus['problem']>

/**
 * A derived view kept up to date as ops are applied (last touch per contact, due reminders,
 * board columns), so reads never rescan the whole store.
 */
export interface StoreIndex {
  /** Build from scratch: at open, and after a restore replaces everything. */
  rebuild(state: StoreState): void
  /** Follow ops that were just applied; `previous` holds each touched record as it was before. */
  apply(ops: readonly Op[], state: StoreState, previous: ReadonlyMap<string, unknown>): void
}

const HOUR = 60 * 60 * 1000

/** File names inside the data folder. */
export const DATA_FILE = 'vouch.json'
export const JOURNAL_FILE = 'vouch.journal'

function stamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-')
}

function toState(file: StoreFile): StoreState {
  return {
    contacts: new Map(file.contacts.map((c) => [c.id, c])),
    interactions: new Map(file.interactions.map((i) => [i.id, i])),
    requests: new Map(file.requests.map((r) => [r.id, r])),
    updates: new Map(file.updates.map((u) => [u.id, u])),
    settings: file.settings,
    reminders: file.reminders,
  }
}

/** Apply ops to the state in place. */
export function applyOps(state: StoreState, ops: readonly Op[]): void {
  for (const op of ops) {
    switch (op.op) {
      case 'put':
        switch (op.coll) {
          case 'contacts':
            state.contacts.set(op.value.id, op.value)
            break
          case 'interactions':
            state.interactions.set(op.value.id, op.value)
            break
          case 'requests':
            state.requests.set(op.value.id, op.value)
            break
          case 'updates':
            state.updates.set(op.value.id, op.value)
            break
        }
        break
      case 'delete':
        state[op.coll].delete(op.id)
        break
      case 'settings':
        state.settings = op.value
        break
      case 'reminders':
        state.reminders = op.value
        break
    }
  }
}

const EMPTY: ReadonlyMap<string, unknown> = new Map()

/** Records that ops are about to overwrite or delete, keyed "coll:id". */
function previousRecords(state: StoreState, ops: readonly Op[]): Map<string, unknown> {
  const previous = new Map<string, unknown>()
  for (const op of ops) {
    if (op.op !== 'put' && op.op !== 'delete') continue
    const id = op.op === 'put' ? op.value.id : op.id
    const key = `${op.coll}:${id}`
    if (!previous.has(key)) previous.set(key, state[op.coll].get(id))
  }
  return previous
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
 * The durable store: a lowdb snapshot (vouch.json) plus an append-only journal of ops.
 * A change is acknowledged once its journal line is fsynced; the snapshot is rewritten
 * (temp file, fsync, rename, folder fsync) when writes go idle, and the journal emptied.
 */
export class Store {
  readonly state: StoreState
  readonly backups: Backups
  private seq: number
  private problem: Problem | null
  private readonly readOnly: boolean
  private pending: Promise<unknown> = Promise.resolve()
  private compactTimer: ReturnType<typeof setTimeout> | null = null
  private entriesSinceCompact = 0
  private closed = false
  private readonly indexes: StoreIndex[] = []

  private constructor(
    private readonly options: StoreOptions,
    private readonly db: Low<StoreFile>,
    private readonly journal: Journal,
    private readonly lock: FolderLock,
    init: {
      state: StoreState
      seq: number
      problem: Problem | null
      readOnly: boolean
      backups: Backups
    },
  ) {
    this.state = init.state
    this.seq = init.seq
    this.problem = init.problem
    this.readOnly = init.readOnly
    this.backups = init.backups
  }

  /** Open the data folder: lock it, load and repair what is there, and replay the journal. */
  static async open(options: StoreOptions): Promise<Store> {
    const { fs, dataDir } = options
    await fs.mkdir(dataDir, { recursive: true })
    const lock = await FolderLock.acquire(fs, dataDir, options.isProcessAlive)
    try {
      return await Store.load(options, lock)
    } catch (error) {
      await lock.release()
      throw error
    }
  }

  private static async load(options: StoreOptions, lock: FolderLock): Promise<Store> {
    const { fs, dataDir, now } = options
    const dataFile = join(dataDir, DATA_FILE)
    await removeStaleTemps(fs, dataDir, options.isProcessAlive)
    const backups = new Backups(fs, dataDir)
    const serialize = (data: StoreFile) => JSON.stringify(data)
    const adapter = new DurableJsonFile<StoreFile>(fs, dataFile, serialize, () => {
      throw new Error('The store reads vouch.json itself, to quarantine damaged files.')
    })
    const db = new Low<StoreFile>(adapter, emptyStoreFile(now()))

    let problem: Problem | null = null
    let readOnly = false
    let mustCompact = false
    let file: StoreFile

    const text = await fs.readFile(dataFile).then(
      (b) => b.toString('utf8'),
      (error: unknown) => {
        if (errorCode(error) === 'ENOENT') return null
        throw error
      },
    )
    if (text === null) {
      file = emptyStoreFile(now())
    } else {
      const decoded = decodeStoreFile(text)
      if (decoded.kind === 'ok') {
        file = decoded.file
        if (decoded.migratedFrom !== null) {
          await backups.take(text, 'before-migration', now())
          mustCompact = true
        }
      } else if (decoded.kind === 'newer') {
        readOnly = true
        file = salvageNewer(decoded.raw, now())
        problem = {
          kind: 'read-only',
          message: `This data was saved by a newer version of Vouch (schema ${decoded.version}; this version knows ${CURRENT_SCHEMA_VERSION}). It is shown read-only and will not be changed. Update Vouch to edit it.`,
        }
      } else {
        const quarantinedAs = join(dataDir, `vouch.corrupt-${stamp(now())}.json`)
        await fs.rename(dataFile, quarantinedAs)
        await fsyncDir(fs, dataDir)
        const stripped = text.charCodeAt(0) === 0xfeff ? decodeStoreFile(text.slice(1)) : null
        if (stripped?.kind === 'ok') {
          file = stripped.file
          problem = {
            kind: 'recovered',
            message: `vouch.json started with a byte-order mark, which Vouch does not write. Its data was recovered; the original file was kept as ${quarantinedAs}.`,
            quarantinedAs,
          }
        } else {
          const backup = await backups.newestValid()
          file = backup ? backup.file : emptyStoreFile(now())
          problem = {
            kind: 'quarantined',
            message: backup
              ? `vouch.json could not be read because ${decoded.kind === 'invalid' ? decoded.reason : 'it is damaged'}. It was moved aside to ${quarantinedAs}, and your data was restored from the backup ${backup.info.file}.`
              : `vouch.json could not be read because ${decoded.kind === 'invalid' ? decoded.reason : 'it is damaged'}. It was moved aside to ${quarantinedAs}; no backup was found, so Vouch started empty. Nothing in the moved file was deleted.`,
            quarantinedAs,
            ...(backup ? { restoredFrom: backup.info.file } : {}),
          }
        }
        mustCompact = true
      }
    }

    const journal = new Journal(fs, join(dataDir, JOURNAL_FILE))
    const read = await journal.read()
    const state = toState(file)
    let seq = file.seq
    for (const entry of read.entries) {
      if (entry.seq <= seq) continue
      applyOps(state, entry.ops)
      seq = Math.max(seq, entry.seq)
      mustCompact = true
    }
    if (read.droppedBytes > 0 && !readOnly) {
      const keptAs = join(dataDir, `vouch.journal.damaged-${stamp(now())}`)
      await fs.copyFile(journal.file, keptAs)
      const note = `The last ${read.droppedBytes} bytes of the journal were incomplete (a write interrupted by a crash or power cut) and were dropped; every change before them was kept. The original journal was saved as ${keptAs}.`
      problem = problem
        ? { ...problem, message: `${problem.message} ${note}` }
        : { kind: 'journal-tail-dropped', message: note, quarantinedAs: keptAs }
    }

    if (!readOnly) await journal.openForAppend(read.validLength)
    const store = new Store(options, db, journal, lock, { state, seq, problem, readOnly, backups })
    if (mustCompact && !readOnly) await store.compact()
    if (!readOnly) await backups.refreshDaily(() => store.serialize(), now(), HOUR)
    return store
  }

  /** Register a derived index; it is built now and kept up to date from then on. */
  addIndex<T extends StoreIndex>(index: T): T {
    index.rebuild(this.state)
    this.indexes.push(index)
    return index
  }

  /** What the UI shows about the store. */
  status(): AppStatus {
    return {
      dataFile: join(this.options.dataDir, DATA_FILE),
      readOnly: this.readOnly,
      problem: this.problem,
    }
  }

  get isReadOnly(): boolean {
    return this.readOnly
  }

  /** Record a problem for the status (e.g. a failed write), replacing a previous write failure. */
  setProblem(problem: Problem | null): void {
    this.problem = problem
  }

  get currentProblem(): Problem | null {
    return this.problem
  }

  /** Durably record ops, then apply them. Resolves once they are on disk. */
  commit(ops: Op[]): Promise<void> {
    return this.exclusive(async () => {
      if (this.closed)
        throw new DomainError('closed', 'Vouch is closing; the change was not saved.')
      if (this.readOnly)
        throw new DomainError(
          'read-only',
          'Vouch opened this data read-only, so changes are not saved.',
        )
      if (ops.length === 0) return
      const entry = { seq: this.seq + 1, ops }
      await this.journal.append(entry)
      this.seq = entry.seq
      const previous = this.indexes.length > 0 ? previousRecords(this.state, ops) : EMPTY
      applyOps(this.state, ops)
      for (const index of this.indexes) index.apply(ops, this.state, previous)
      this.entriesSinceCompact++
      this.scheduleCompaction()
    })
  }

  /** Write the snapshot and empty the journal. */
  compact(): Promise<void> {
    return this.exclusive(() => this.compactNow())
  }

  /** The current data as vouch.json text. */
  serialize(): string {
    return JSON.stringify(this.toFile())
  }

  /** Replace the whole state (a backup restore or a JSON import), durably. */
  replaceAll(file: StoreFile): Promise<void> {
    return this.exclusive(async () => {
      if (this.readOnly)
        throw new DomainError(
          'read-only',
          'Vouch opened this data read-only, so changes are not saved.',
        )
      const next = toState(file)
      this.state.contacts = next.contacts
      this.state.interactions = next.interactions
      this.state.requests = next.requests
      this.state.updates = next.updates
      this.state.settings = next.settings
      this.state.reminders = next.reminders
      for (const index of this.indexes) index.rebuild(this.state)
      await this.compactNow()
    })
  }

  async close(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer)
    this.compactTimer = null
    await this.exclusive(async () => {
      if (this.closed) return
      this.closed = true
      if (!this.readOnly) {
        if (this.journal.byteLength > 0) await this.compactNow().catch(() => undefined)
        // Today's backup follows the data as it was at close: that is what a restore brings back.
        await this.backups
          .refreshDaily(() => this.serialize(), this.options.now(), 0)
          .catch(() => undefined)
      }
      await this.journal.close()
    })
    await this.lock.release()
  }

  private toFile(): StoreFile {
    return {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      seq: this.seq,
      savedAt: this.options.now().toISOString(),
      contacts: [...this.state.contacts.values()],
      interactions: [...this.state.interactions.values()],
      requests: [...this.state.requests.values()],
      updates: [...this.state.updates.values()],
      settings: this.state.settings,
      reminders: this.state.reminders,
    }
  }

  private async compactNow(): Promise<void> {
    if (this.readOnly) return
    if (this.compactTimer) clearTimeout(this.compactTimer)
    this.compactTimer = null
    this.db.data = this.toFile()
    await this.db.write()
    await this.journal.reset()
    this.entriesSinceCompact = 0
    await this.backups.refreshDaily(() => this.serialize(), this.options.now(), HOUR)
  }

  private scheduleCompaction(): void {
    if (this.entriesSinceCompact >= (this.options.compactEvery ?? 1000)) {
      void this.compact().catch(() => undefined)
      return
    }
    if (this.compactTimer) clearTimeout(this.compactTimer)
    this.compactTimer = setTimeout(() => {
      this.compactTimer = null
      // A failed compaction loses nothing: the journal still holds every change.
      void this.compact().catch(() => undefined)
    }, this.options.compactAfterMs ?? 300)
    this.compactTimer.unref?.()
  }

  /** Run store operations one at a time. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.pending.then(fn, fn)
    this.pending = run.catch(() => undefined)
    return run
  }
}

/** Remove temp files that a crashed write left behind. Only called while holding the lock. */
async function removeStaleTemps(
  fs: StoreFs,
  dataDir: string,
  isAlive: (pid: number) => boolean,
): Promise<void> {
  const dataPrefix = tempPrefix(join(dataDir, DATA_FILE))
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
