import { join } from 'node:path'
import { setImmediate } from 'node:timers/promises'
import { Low } from 'lowdb'
import type { CareerUpdate, Contact, Interaction, ReferenceRequest, Settings } from '@shared/domain'
import type { AppStatus } from '@shared/ipc'
import { DomainError } from '@shared/result'
import { Backups } from './backups'
import { DurableJsonFile } from './durableFile'
import { snapshotChunks, valuesAsOf, type SnapshotView } from './snapshot'
import { errorCode, type StoreFs } from './fs'
import { entryText, Journal } from './journal'
import { RecordMap } from './recordMap'
import { FolderLock } from './lock'
import { Slicer } from '../slices/slicer'
import type { Op } from './ops'
import { keepDamagedJournals, recoverSnapshot, removeStaleTemps, type Problem } from './recovery'
import {
  CURRENT_SCHEMA_VERSION,
  type ImportBatch,
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
  importBatches: Map<string, ImportBatch>
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
  /** Gives the event loop turns while a large commit is applied (see APPLY_SLICE). */
  slicer?: Slicer
}

/**
 * A derived view kept up to date as ops are applied (last touch per contact, due reminders,
 * board columns), so reads never rescan the whole store.
 */
export interface StoreIndex {
  /** Build from scratch: at open, and after a restore replaces everything. */
  rebuild: (state: StoreState) => void
  /** Follow ops that were just applied; `previous` holds each touched record as it was before. */
  apply: (ops: readonly Op[], state: StoreState, previous: ReadonlyMap<string, unknown>) => void
}

const HOUR = 60 * 60 * 1000
/** Touches indexed per event-loop turn after open: about a millisecond of work. */
const INDEX_SLICE = 2000

/**
 * Ops applied (to the Maps and every index) per event-loop turn when a commit is larger: a bulk
 * over 1,000 people updates the board, Today, reminders and search caches in slices instead of
 * blocking the main process for all of them. Smaller commits are applied in one go, as before.
 */
export const APPLY_SLICE = 50

/** Ops serialized into a journal line per event-loop turn (about 200 KB of JSON). */
export const SERIALIZE_SLICE = 200

/** File names inside the data folder. */
export const DATA_FILE = 'vouch.json'
export const JOURNAL_FILE = 'vouch.journal'

/** Records keyed by id; a plain loop, since `new Map(list.map(...))` allocates a pair per record. */
function byId<T extends { id: string }>(records: readonly T[]): Map<string, T> {
  const map = new Map<string, T>()
  for (const record of records) map.set(record.id, record)
  return map
}

function toState(file: StoreFile): StoreState {
  return {
    contacts: byId(file.contacts),
    // Indexed by id in the background after open (see indexInBackground).
    interactions: new RecordMap(file.interactions),
    requests: byId(file.requests),
    updates: byId(file.updates),
    settings: file.settings,
    reminders: file.reminders,
    importBatches: byId(file.importBatches),
  }
}

/** The record type of each collection. */
interface StoredRecords {
  contacts: Contact
  interactions: Interaction
  requests: ReferenceRequest
  updates: CareerUpdate
  importBatches: ImportBatch
}

/**
 * Store a record in its collection. Generic over the collection name so that TypeScript pairs
 * each collection with its record type (https://github.com/microsoft/TypeScript/pull/47109).
 */
function put<K extends keyof StoredRecords>(
  state: { [C in keyof StoredRecords]: Map<string, StoredRecords[C]> },
  op: { [C in K]: { coll: C; value: StoredRecords[C] } }[K],
): void {
  state[op.coll].set(op.value.id, op.value)
}

/** Apply ops to the state in place. */
export function applyOps(state: StoreState, ops: readonly Op[]): void {
  for (const op of ops) {
    switch (op.op) {
      case 'put':
        put(state, op)
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

function isRecord(value: unknown): value is { id: string } {
  return (
    typeof value === 'object' && value !== null && 'id' in value && typeof value.id === 'string'
  )
}

/** Records that ops are about to overwrite or delete, keyed "coll:id". */
export function previousRecords(state: StoreState, ops: readonly Op[]): Map<string, unknown> {
  const previous = new Map<string, unknown>()
  for (const op of ops) {
    if (op.op !== 'put' && op.op !== 'delete') continue
    const id = op.op === 'put' ? op.value.id : op.id
    const key = `${op.coll}:${id}`
    if (!previous.has(key)) previous.set(key, state[op.coll].get(id))
  }
  return previous
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
  /** While a compaction writes, the value each record had when it started (see valuesAsOf). */
  private overlay: Map<string, unknown> | null = null
  private compaction: Promise<void> | null = null
  /** Set when the whole state was replaced, so the next compaction writes even with no journal. */
  private restored = false
  /** The background indexing started at open or by a restore. */
  private indexing: Promise<void> = Promise.resolve()
  private readonly slicer: Slicer

  private constructor(
    private readonly options: StoreOptions,
    private readonly db: Low<SnapshotView>,
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
    this.slicer = options.slicer ?? new Slicer()
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
    await removeStaleTemps(fs, dataDir, dataFile, options.isProcessAlive)
    const backups = new Backups(fs, dataDir)
    const adapter = new DurableJsonFile<SnapshotView>(fs, dataFile, snapshotChunks)
    const db = new Low<SnapshotView>(adapter, { head: {}, collections: [] })
    const recovered = await recoverSnapshot({ fs, dataDir, dataFile, now, backups })
    const { file, readOnly } = recovered

    const journal = new Journal(fs, join(dataDir, JOURNAL_FILE))
    const rotated = await journal.readRotated()
    const read = await journal.read()
    const state = toState(file)
    let seq = file.seq
    let replayed = false
    for (const part of [...rotated, read]) {
      for (const entry of part.entries) {
        if (entry.seq <= seq) continue
        applyOps(state, entry.ops)
        seq = entry.seq
        replayed = true
      }
    }
    const mustCompact = recovered.mustCompact || replayed || rotated.length > 0
    const problem = readOnly
      ? recovered.problem
      : await keepDamagedJournals(
          { fs, dataDir, now },
          [...rotated, { ...read, file: journal.file }],
          recovered.problem,
        )

    if (!readOnly) await journal.openForAppend(read.validLength)
    const store = new Store(options, db, journal, lock, { state, seq, problem, readOnly, backups })
    if (mustCompact && !readOnly) await store.compact({ force: true })
    if (!readOnly) await backups.refreshDaily(() => store.readDataFile(), now(), HOUR)
    // Started last, so its slices do not lengthen the open itself.
    store.indexing = store.indexInBackground()
    return store
  }

  /**
   * Index the touches by id a slice per event-loop turn, so opening does not wait for it and
   * no turn blocks for long. A command that needs them sooner indexes the rest at once.
   */
  private async indexInBackground(): Promise<void> {
    await setImmediate()
    const map = this.state.interactions
    if (!(map instanceof RecordMap)) return
    while (!this.closed && this.state.interactions === map && !map.indexSome(INDEX_SLICE))
      await setImmediate()
  }

  /** Resolves once the work opening left for later (indexing touches by id) is done. */
  settled(): Promise<void> {
    return this.indexing
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
      const text =
        ops.length > APPLY_SLICE ? await entryText(entry, this.slicer, SERIALIZE_SLICE) : undefined
      await this.journal.append(entry, text)
      this.seq = entry.seq
      // The entry is durable: from here on the change is all there after a crash (the journal
      // replays it whole). A large one is applied in slices; commands run one at a time and
      // a compaction starts only between commits, so no reader sees it half applied.
      for (let from = 0; from < ops.length; from += APPLY_SLICE) {
        if (from > 0 && this.slicer.due(APPLY_SLICE)) await this.slicer.pause()
        const chunk = ops.length <= APPLY_SLICE ? ops : ops.slice(from, from + APPLY_SLICE)
        this.apply(chunk)
        this.slicer.add(chunk.length)
      }
      this.slicer.close()
      this.entriesSinceCompact++
      this.scheduleCompaction()
    })
  }

  /** Apply ops to the Maps and every index. */
  private apply(ops: readonly Op[]): void {
    const overlay = this.overlay
    const previous = this.indexes.length > 0 || overlay ? previousRecords(this.state, ops) : EMPTY
    if (overlay) {
      // A compaction is writing the state as of its start: remember what this changes.
      for (const [key, value] of previous) if (!overlay.has(key)) overlay.set(key, value)
    }
    applyOps(this.state, ops)
    for (const index of this.indexes) index.apply(ops, this.state, previous)
  }

  /**
   * Write a snapshot of the state and drop the journal entries it includes. Commits go on
   * meanwhile: the journal is set aside first, and the snapshot is written in chunks.
   */
  compact(options: { force?: boolean } = {}): Promise<void> {
    const run = (this.compaction ?? Promise.resolve()).then(() =>
      this.compactOnce(options.force ?? false),
    )
    const tracked = run.finally(() => {
      if (this.compaction === tracked) this.compaction = null
    })
    this.compaction = tracked.catch(() => undefined)
    return tracked
  }

  /**
   * The bytes of vouch.json as last compacted, for the daily backup: copying the file costs no
   * main-thread serialization, unlike serialize(). Null when no snapshot was written yet.
   */
  async readDataFile(): Promise<Buffer | null> {
    return this.options.fs
      .readFile(join(this.options.dataDir, DATA_FILE))
      .catch((error: unknown) => {
        if (errorCode(error) === 'ENOENT') return null
        throw error
      })
  }

  /** The current data as vouch.json text (for backups). */
  serialize(): string {
    return [...snapshotChunks(this.view(null, this.seq, this.options.now()))].join('')
  }

  /** Replace the whole state (a backup restore or a JSON import), durably. */
  replaceAll(file: StoreFile): Promise<void> {
    return this.exclusive(() => {
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
      this.state.importBatches = next.importBatches
      for (const index of this.indexes) index.rebuild(this.state)
      this.restored = true
      this.indexing = this.indexInBackground()
    }).then(() => this.compact({ force: true }))
  }

  async close(): Promise<void> {
    if (this.compactTimer) clearTimeout(this.compactTimer)
    this.compactTimer = null
    if (this.closed) return
    await this.exclusive(() => {
      this.closed = true
    })
    if (!this.readOnly) {
      await this.compact().catch(() => undefined)
      // Today's backup follows the data as it was at close: that is what a restore brings back.
      await this.backups
        .refreshDaily(() => this.readDataFile(), this.options.now(), 0)
        .catch(() => undefined)
    }
    await this.compaction
    await this.journal.close()
    await this.lock.release()
  }

  /** The state as a snapshot; with an overlay, as it was when that compaction started. */
  private view(overlay: ReadonlyMap<string, unknown> | null, seq: number, at: Date): SnapshotView {
    const head: Record<string, unknown> = {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      seq,
      savedAt: at.toISOString(),
    }
    const collections: SnapshotView['collections'] = []
    for (const [name, value] of Object.entries(this.state)) {
      if (value instanceof Map) {
        collections.push([
          name,
          overlay ? valuesAsOf(value, overlay, name, isRecord) : value.values(),
        ])
      } else {
        head[name] = overlay?.has(`scalar:${name}`) ? overlay.get(`scalar:${name}`) : value
      }
    }
    return { head, collections }
  }

  private async compactOnce(force: boolean): Promise<void> {
    if (this.readOnly) return
    // Reading the touches in slices needs them indexed by id; the background indexing does
    // that a slice at a time, where indexing them here would block for all of them at once.
    await this.indexing
    if (this.compactTimer) clearTimeout(this.compactTimer)
    this.compactTimer = null
    const start = await this.exclusive(async () => {
      if (
        !force &&
        !this.restored &&
        this.journal.byteLength === 0 &&
        !(await this.journal.hasRotated())
      ) {
        return null
      }
      this.restored = false
      await this.journal.rotate(this.seq)
      const overlay = new Map<string, unknown>()
      for (const [name, value] of Object.entries(this.state)) {
        if (!(value instanceof Map)) overlay.set(`scalar:${name}`, value)
      }
      this.overlay = overlay
      this.entriesSinceCompact = 0
      return { seq: this.seq, overlay }
    })
    if (!start) return
    try {
      this.db.data = this.view(start.overlay, start.seq, this.options.now())
      await this.db.write()
    } finally {
      this.overlay = null
      // The view holds the compaction's copy of every collection: let it go now.
      this.db.data = { head: {}, collections: [] }
    }
    await this.journal.removeRotated(start.seq)
    await this.backups
      .refreshDaily(() => this.readDataFile(), this.options.now(), HOUR)
      .catch(() => undefined)
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

  /** Run store operations one at a time; a throw in fn (sync or async) rejects only its own step. */
  private exclusive<T>(fn: () => T | PromiseLike<T>): Promise<T> {
    const run = this.pending.then(fn, fn)
    this.pending = run.catch(() => undefined)
    return run
  }
}
