import {
  Contact,
  ContactFields,
  DEFAULT_CONTACT_FIELDS,
  LIMITS,
  type ContactFields as Fields,
} from '@shared/domain'
import type {
  DuplicateChoice,
  ImportFormat,
  ImportPreview,
  ImportWarning,
  PreviewContact,
  PreviewDuplicate,
} from '@shared/importContract'
import { MAX_IMPORT_TEXT } from '@shared/importContract'
import type { Handlers } from '@shared/ipc'
import { DomainError } from '@shared/result'
import {
  findDuplicates,
  ImportRefused,
  parseContactsFile,
  suggestMapping,
  toCsv,
  toVCard,
  type ImportedContact,
} from '../import'
import { mergeInto, sourceTag, union } from '../import/merge'
import type { Op } from '../store/ops'
import { decodeStoreFile, StoreFile, type ImportBatch } from '../store/schema'
import { byBoardOrder } from './contacts'
import { commit, type HandlerContext } from './context'
import type { UndoEntry } from './undo'

/** A parsed file waiting for import.commit. */
interface Session {
  fileName: string
  format: ImportFormat
  contacts: ImportedContact[]
  needsMapping: boolean
  /** The whole store file of a Vouch JSON export, restored record by record. */
  vouch: StoreFile | null
  createdAt: number
}

/** A preview is kept this long; a later commit asks for the file again. */
export const PREVIEW_TTL_MS = 30 * 60 * 1000
/** Previews kept at once: each may hold 100k contacts. */
const MAX_SESSIONS = 4

const clip = (s: string) => (s.length > MAX_IMPORT_TEXT ? `${s.slice(0, MAX_IMPORT_TEXT - 1)}…` : s)

const EditableContact = ContactFields.partial().required({ name: true })

/** The editable fields of a row, without its source. */
function fieldsOf(c: ImportedContact): Partial<Fields> & { name: string } {
  const { source: _source, ...fields } = c
  return fields
}

function day(now: Date): string {
  return now.toISOString().slice(0, 10)
}

function encode(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64')
}

const active = (contacts: Iterable<Contact>) => [...contacts].filter((c) => c.trashedAt === null)

/** Handlers for import.*, export.* and backup.*. */
export function importExportHandlers(
  ctx: HandlerContext,
): Pick<
  Handlers,
  | 'import.preview'
  | 'import.commit'
  | 'import.undo'
  | 'export.json'
  | 'export.vcard'
  | 'export.csv'
  | 'backup.list'
  | 'backup.restore'
> {
  const sessions = new Map<string, Session>()
  /** Undo-stack entries of this session's imports, to tell whether one is still on top. */
  const undoEntries = new Map<string, UndoEntry>()
  const state = () => ctx.store.state

  const prune = () => {
    const now = ctx.now().getTime()
    for (const [token, s] of sessions) {
      if (now - s.createdAt > PREVIEW_TTL_MS) sessions.delete(token)
    }
    // Maps iterate in insertion order: the first keys are the oldest previews.
    for (const token of [...sessions.keys()].slice(0, Math.max(0, sessions.size - MAX_SESSIONS)))
      sessions.delete(token)
  }

  /** Duplicates of a Vouch export's contacts: the same id, else the same person by field. */
  const vouchDuplicates = (file: StoreFile, rows: ImportedContact[]) => {
    const byField = new Map(
      findDuplicates(rows, active(state().contacts.values()))
        .filter((d) => d.existingId !== null)
        .map((d) => [d.index, d]),
    )
    const out: { index: number; existingId: string; reason: PreviewDuplicate['reason'] }[] = []
    file.contacts.forEach((c, index) => {
      if (state().contacts.has(c.id)) out.push({ index, existingId: c.id, reason: 'same-id' })
      else {
        const d = byField.get(index)
        if (d?.existingId) out.push({ index, existingId: d.existingId, reason: d.reason })
      }
    })
    return out
  }

  const duplicatesOf = (session: Session): PreviewDuplicate[] => {
    if (session.vouch) {
      return vouchDuplicates(session.vouch, session.contacts).map((d) => ({
        index: d.index,
        reason: d.reason,
        existing: state().contacts.get(d.existingId) ?? null,
      }))
    }
    return findDuplicates(session.contacts, active(state().contacts.values())).map((d) => ({
      index: d.index,
      reason: d.reason,
      existing: d.existingId === null ? null : (state().contacts.get(d.existingId) ?? null),
      ...(d.duplicateOfIndex !== undefined ? { duplicateOfIndex: d.duplicateOfIndex } : {}),
    }))
  }

  const requireSession = (token: string): Session => {
    prune()
    const session = sessions.get(token)
    if (!session)
      throw new DomainError(
        'not-found',
        'This import preview has expired or was already imported. Choose the file again.',
      )
    return session
  }

  /** Turn an import into ops, its batch record and counts. */
  const planImport = (
    session: Session,
    defaultChoice: 'skip' | 'merge',
    choices: Record<string, DuplicateChoice>,
    batchId: string,
    placeOnBoard: boolean,
  ) => {
    const now = ctx.now().toISOString()
    const contacts = state().contacts
    const duplicates = new Map(
      findDuplicates(session.contacts, active(contacts.values())).map((d) => [d.index, d]),
    )
    const identified = active(contacts.values()).filter((c) => c.stage === 'identified')
    let order = identified.reduce((max, c) => Math.max(max, c.order + 1), 0)
    const tag = sourceTag(session.format)
    const working = new Map<string, Contact>()
    const before = new Map<string, Contact>()
    const rowTarget = new Map<number, string>()
    const added: string[] = []
    let merged = 0
    let skipped = 0

    session.contacts.forEach((row, index) => {
      const dup = duplicates.get(index)
      const choice = choices[String(index)] ?? (dup ? defaultChoice : 'add')
      if (choice === 'skip') {
        skipped++
        return
      }
      const targetId =
        dup === undefined
          ? undefined
          : (dup.existingId ??
            (dup.duplicateOfIndex !== undefined ? rowTarget.get(dup.duplicateOfIndex) : undefined))
      const target =
        targetId === undefined ? undefined : (working.get(targetId) ?? contacts.get(targetId))
      if (choice === 'merge' && target) {
        if (!working.has(target.id)) before.set(target.id, target)
        working.set(target.id, mergeInto(target, fieldsOf(row), now))
        rowTarget.set(index, target.id)
        merged++
        return
      }
      const fields = fieldsOf(row)
      const contact: Contact = {
        ...DEFAULT_CONTACT_FIELDS,
        ...fields,
        tags: union(fields.tags ?? [], [tag], LIMITS.tags),
        id: ctx.newId(),
        stage: 'identified',
        // New people wait in the inbox for a decision unless the user put them on the board.
        triage: placeOnBoard ? 'kept' : 'inbox',
        stageHistory: [{ stage: 'identified', at: now }],
        order: order++,
        createdAt: now,
        updatedAt: now,
        trashedAt: null,
        snoozedUntil: null,
      }
      working.set(contact.id, contact)
      added.push(contact.id)
      rowTarget.set(index, contact.id)
    })

    const batch: ImportBatch = {
      id: batchId,
      fileName: session.fileName,
      format: session.format,
      at: now,
      added: added.map((id) => ({ coll: 'contacts', id })),
      merged: [...before.values()],
      settingsBefore: null,
      undoneAt: null,
    }
    const ops: Op[] = [...working.values()].map((value) => ({
      op: 'put',
      coll: 'contacts',
      value: Contact.parse(value),
    }))
    return { ops, batch, counts: { added: added.length, merged, skipped } }
  }

  /**
   * Restore a Vouch export record by record. Records whose id is new keep their id, stage,
   * order and timestamps; a contact whose id exists, or who matches someone by field, is a
   * duplicate and follows the choice (skip keeps yours, merge fills your empty fields, add
   * keeps both). Touches, requests and updates follow their contact; those whose id exists are
   * already here. Settings are taken from the file only when this folder holds no records.
   */
  const planRestore = (
    session: Session,
    file: StoreFile,
    defaultChoice: 'skip' | 'merge',
    choices: Record<string, DuplicateChoice>,
    batchId: string,
  ) => {
    const now = ctx.now().toISOString()
    const s = state()
    const isEmpty =
      s.contacts.size === 0 &&
      s.interactions.size === 0 &&
      s.requests.size === 0 &&
      s.updates.size === 0
    const duplicates = new Map(vouchDuplicates(file, session.contacts).map((d) => [d.index, d]))
    const ops: Op[] = []
    const added: ImportBatch['added'] = []
    const before = new Map<string, Contact>()
    const working = new Map<string, Contact>()
    /** Where each contact of the file went: its own id, a merged contact, or a new id. */
    const contactIdMap = new Map<string, string>()
    let merged = 0
    let skipped = 0

    file.contacts.forEach((c, index) => {
      const dup = duplicates.get(index)
      const choice = choices[String(index)] ?? (dup ? defaultChoice : 'add')
      if (choice === 'skip') {
        skipped++
        // A contact kept under the same id still owns the file's touches and requests.
        if (dup?.reason === 'same-id') contactIdMap.set(c.id, c.id)
        return
      }
      const target = dup
        ? (working.get(dup.existingId) ?? s.contacts.get(dup.existingId))
        : undefined
      if (choice === 'merge' && target) {
        const { id: _id, stage: _stage, order: _order, ...fields } = c
        if (!working.has(target.id)) before.set(target.id, target)
        working.set(target.id, mergeInto(target, fields, now))
        contactIdMap.set(c.id, target.id)
        merged++
        return
      }
      const id = s.contacts.has(c.id) || working.has(c.id) ? ctx.newId() : c.id
      working.set(id, { ...c, id })
      contactIdMap.set(c.id, id)
      added.push({ coll: 'contacts', id })
    })
    for (const value of working.values()) ops.push({ op: 'put', coll: 'contacts', value })
    for (const i of file.interactions) {
      const contactId = contactIdMap.get(i.contactId)
      if (s.interactions.has(i.id) || contactId === undefined) continue
      ops.push({ op: 'put', coll: 'interactions', value: { ...i, contactId } })
      added.push({ coll: 'interactions', id: i.id })
    }
    for (const r of file.requests) {
      const contactId = contactIdMap.get(r.contactId)
      if (s.requests.has(r.id) || contactId === undefined) continue
      ops.push({ op: 'put', coll: 'requests', value: { ...r, contactId } })
      added.push({ coll: 'requests', id: r.id })
    }
    for (const u of file.updates) {
      if (s.updates.has(u.id)) continue
      ops.push({ op: 'put', coll: 'updates', value: u })
      added.push({ coll: 'updates', id: u.id })
    }
    if (isEmpty) ops.push({ op: 'settings', value: file.settings })
    const batch: ImportBatch = {
      id: batchId,
      fileName: session.fileName,
      format: session.format,
      at: now,
      added,
      merged: [...before.values()],
      settingsBefore: isEmpty ? s.settings : null,
      undoneAt: null,
    }
    const addedContacts = added.filter((a) => a.coll === 'contacts').length
    return { ops, batch, counts: { added: addedContacts, merged, skipped } }
  }

  /** Ops that take a batch back: remove what it added (and what hangs off it), revert merges. */
  const undoOps = (batch: ImportBatch, undoneAt: string): { ops: Op[]; removed: number } => {
    const s = state()
    const ops: Op[] = []
    const removedContacts = new Set<string>()
    for (const { coll, id } of batch.added) {
      if (!s[coll].has(id)) continue
      ops.push({ op: 'delete', coll, id })
      if (coll === 'contacts') removedContacts.add(id)
    }
    const already = new Set(batch.added.map((a) => `${a.coll}:${a.id}`))
    // Touches and requests logged on an imported contact after the import cannot outlive it.
    for (const coll of ['interactions', 'requests'] as const) {
      for (const record of s[coll].values()) {
        if (removedContacts.has(record.contactId) && !already.has(`${coll}:${record.id}`))
          ops.push({ op: 'delete', coll, id: record.id })
      }
    }
    for (const value of batch.merged) ops.push({ op: 'put', coll: 'contacts', value })
    if (batch.settingsBefore) ops.push({ op: 'settings', value: batch.settingsBefore })
    ops.push({ op: 'put', coll: 'importBatches', value: { ...batch, undoneAt } })
    return { ops, removed: removedContacts.size }
  }

  const exportFile = (text: string, fileName: string, mimeType: string) => ({
    fileName,
    mimeType,
    dataBase64: encode(text),
  })

  return {
    'import.preview': ({ fileName, dataBase64, mapping }) => {
      const bytes = Buffer.from(dataBase64, 'base64')
      let parsed
      try {
        parsed = parseContactsFile(bytes, fileName, mapping ? { mapping } : {})
      } catch (error) {
        if (error instanceof ImportRefused) throw new DomainError('invalid-input', error.message)
        throw error
      }
      const warnings: ImportWarning[] = parsed.warnings.map((w) => ({
        where: clip(w.where),
        message: clip(w.message),
      }))
      let vouch: StoreFile | null = null
      let rows: ImportedContact[] = []
      let stages: (PreviewContact['stage'] | undefined)[] = []
      if (parsed.format === 'vouch-json') {
        const decoded = decodeStoreFile(bytes.toString('utf8').replace(/^\uFEFF/, ''))
        if (decoded.kind === 'newer')
          throw new DomainError(
            'invalid-input',
            `“${fileName}” was exported by a newer version of Vouch (schema ${decoded.version}). Update Vouch to import it.`,
          )
        // decodeStoreFile may trust a checksummed file it wrote itself; an imported file is
        // untrusted however it looks, so every record is validated again here.
        const checked = decoded.kind === 'ok' ? StoreFile.safeParse(decoded.file) : null
        if (decoded.kind === 'ok' && checked && !checked.success) {
          throw new DomainError(
            'invalid-input',
            `“${fileName}” is a damaged Vouch export (${checked.error.issues[0]?.path.join('.') ?? ''}: ${checked.error.issues[0]?.message ?? 'invalid'}).`,
          )
        }
        if (decoded.kind === 'ok') {
          vouch = decoded.file
          rows = decoded.file.contacts.map((c, i) => {
            const {
              id: _i,
              stage: _s,
              order: _o,
              createdAt: _c,
              updatedAt: _u,
              trashedAt: _t,
              snoozedUntil: _z,
              ...fields
            } = c
            return { ...fields, source: { line: 1, card: i + 1 } }
          })
          stages = decoded.file.contacts.map((c) => c.stage)
        } else {
          warnings.unshift({
            where: 'file',
            message: clip(
              `This Vouch export cannot be restored as a whole because ${decoded.reason}; its readable contacts are imported as new people.`,
            ),
          })
        }
      }
      if (vouch === null) {
        for (const c of parsed.contacts) {
          // The parser caps every field; a row that still breaks a cap is reported, not stored.
          const ok = EditableContact.safeParse(fieldsOf(c))
          if (ok.success) rows.push(c)
          else
            warnings.push({
              where: clip(c.source.card ? `card ${c.source.card}` : `line ${c.source.line}`),
              message: clip(`Skipped: ${ok.error.issues[0]?.message ?? 'not a valid contact'}.`),
            })
        }
      }
      const session: Session = {
        fileName,
        format: parsed.format,
        contacts: rows,
        needsMapping: parsed.needsMapping !== undefined,
        vouch,
        createdAt: ctx.now().getTime(),
      }
      const token = ctx.newId()
      sessions.set(token, session)
      prune()
      const preview: ImportPreview = {
        token,
        fileName,
        format: parsed.format,
        contacts: rows.map((c, i) => {
          const stage = stages[i]
          return stage ? { ...c, stage } : c
        }),
        duplicates: duplicatesOf(session),
        warnings,
      }
      if (parsed.needsMapping) {
        const columns = parsed.needsMapping.columns.slice(0, 500).map(clip)
        preview.needsMapping = {
          columns,
          sample: parsed.needsMapping.sample.slice(0, 5).map((r) => r.slice(0, 500).map(clip)),
          suggested: suggestMapping(columns),
        }
      }
      if (vouch) {
        preview.alsoRestores = {
          interactions: vouch.interactions.length,
          requests: vouch.requests.length,
          updates: vouch.updates.length,
        }
      }
      return preview
    },

    'import.commit': async ({ token, duplicates, choices = {}, placeOnBoard }) => {
      const session = requireSession(token)
      if (session.needsMapping)
        throw new DomainError(
          'invalid-input',
          'Choose which column holds which field first, then preview the file again.',
        )
      const batchId = ctx.newId()
      const plan = session.vouch
        ? planRestore(session, session.vouch, duplicates, choices, batchId)
        : planImport(session, duplicates, choices, batchId, placeOnBoard)
      await ctx.store.backups.take(ctx.store.serialize(), 'before-import', ctx.now())
      const ops: Op[] = [...plan.ops, { op: 'put', coll: 'importBatches', value: plan.batch }]
      await commit(ctx, ops)
      sessions.delete(token)
      const undo = undoOps(plan.batch, ctx.now().toISOString())
      const entry: UndoEntry = { label: `Import ${session.fileName}`, undo: undo.ops, redo: ops }
      ctx.undo.push(entry)
      undoEntries.set(batchId, entry)
      return { ...plan.counts, batchId }
    },

    'import.undo': async ({ batchId }) => {
      const batch = state().importBatches.get(batchId)
      if (!batch)
        throw new DomainError('not-found', 'That import is not known; nothing was undone.')
      if (batch.undoneAt !== null)
        throw new DomainError('conflict', `The import of ${batch.fileName} was already undone.`)
      const { ops, removed } = undoOps(batch, ctx.now().toISOString())
      await commit(ctx, ops)
      const entry = undoEntries.get(batchId)
      // On top of the stack, the import moves to redo; deeper down, older entries would replay
      // stale records over the undone import, so the history is dropped.
      if (entry && ctx.undo.peekUndo() === entry) ctx.undo.markUndone()
      else ctx.undo.clear()
      return { removed, reverted: batch.merged.length }
    },

    'export.json': () =>
      exportFile(ctx.store.serialize(), `vouch-backup-${day(ctx.now())}.json`, 'application/json'),

    'export.vcard': () =>
      exportFile(
        toVCard(active(state().contacts.values()).sort(byBoardOrder)),
        `vouch-contacts-${day(ctx.now())}.vcf`,
        'text/vcard',
      ),

    'export.csv': () =>
      exportFile(
        toCsv(active(state().contacts.values()).sort(byBoardOrder)),
        `vouch-contacts-${day(ctx.now())}.csv`,
        'text/csv',
      ),

    'backup.list': async () => {
      const out = []
      for (const info of await ctx.store.backups.list()) {
        const file = await ctx.store.backups.read(info.id)
        out.push({
          id: info.id,
          takenAt: info.takenAt,
          reason: info.reason,
          bytes: info.bytes,
          contacts: file ? active(file.contacts).length : null,
        })
      }
      return out
    },

    'backup.restore': async ({ id }) => {
      // Only a name the folder listing produced is read: never a path from the renderer.
      const info = (await ctx.store.backups.list()).find((b) => b.id === id)
      if (!info) throw new DomainError('not-found', 'That backup does not exist.')
      const file = await ctx.store.backups.read(info.id)
      if (!file)
        throw new DomainError(
          'invalid-input',
          `The backup ${info.id} is damaged and cannot be restored.`,
        )
      const snapshot = await ctx.store.backups.take(
        ctx.store.serialize(),
        'before-restore',
        ctx.now(),
      )
      await ctx.store.replaceAll(file)
      ctx.undo.clear()
      undoEntries.clear()
      sessions.clear()
      ctx.emit({
        type: 'changed',
        collections: [
          'contacts',
          'interactions',
          'requests',
          'updates',
          'settings',
          'importBatches',
        ],
      })
      return { restoredFrom: info.id, snapshot: snapshot.id }
    },
  }
}
