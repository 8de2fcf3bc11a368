import { ContactFields } from '@shared/domain'
import type {
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
  type ImportedContact,
} from '../import'
import {
  active,
  fieldsOf,
  planImport,
  planRestore,
  planUndo,
  vouchDuplicates,
  weakOf,
} from '../import/plan'
import type { Op } from '../store/ops'
import { decodeStoreFile, StoreFile } from '../store/schema'
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

/** The previews waiting for a commit and the undo entries of imports, kept by the core. */
export class ImportSessions {
  readonly previews = new Map<string, Session>()
  /** Undo-stack entries of this session's imports, to tell whether one is still on top. */
  readonly undoEntries = new Map<string, UndoEntry>()

  /** Forget everything: after a restore replaced the data, no preview or entry still applies. */
  clear(): void {
    this.previews.clear()
    this.undoEntries.clear()
  }
}

const clip = (s: string) => (s.length > MAX_IMPORT_TEXT ? `${s.slice(0, MAX_IMPORT_TEXT - 1)}…` : s)

const EditableContact = ContactFields.partial().required({ name: true })

/** The session's rows with the names the user corrected in the preview. */
function renamed(contacts: ImportedContact[], names: Record<string, string>): ImportedContact[] {
  if (Object.keys(names).length === 0) return contacts
  return contacts.map((c, i) => {
    const name = names[String(i)]
    return name === undefined ? c : { ...c, name, nameFromEmail: false }
  })
}

/** Handlers for import.preview, import.commit and import.undo. */
export function importHandlers(
  ctx: HandlerContext,
  imports: ImportSessions,
): Pick<Handlers, 'import.preview' | 'import.commit' | 'import.undo'> {
  const { previews: sessions, undoEntries } = imports
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

  const duplicatesOf = (session: Session): PreviewDuplicate[] => {
    if (session.vouch) {
      return vouchDuplicates(session.vouch, session.contacts, state().contacts).map((d) => ({
        index: d.index,
        reason: d.reason,
        existing: state().contacts.get(d.existingId) ?? null,
        ...weakOf(d),
      }))
    }
    return findDuplicates(session.contacts, active(state().contacts.values())).map((d) => ({
      index: d.index,
      reason: d.reason,
      existing: d.existingId === null ? null : (state().contacts.get(d.existingId) ?? null),
      ...(d.duplicateOfIndex !== undefined ? { duplicateOfIndex: d.duplicateOfIndex } : {}),
      ...weakOf(d),
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
          suggested: suggestMapping(columns, parsed.needsMapping.sample),
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

    'import.commit': async ({ token, duplicates, choices = {}, names = {}, placeOnBoard }) => {
      const found = requireSession(token)
      const session = { ...found, contacts: renamed(found.contacts, names) }
      if (session.needsMapping)
        throw new DomainError(
          'invalid-input',
          'Choose which column holds which field first, then preview the file again.',
        )
      const batchId = ctx.newId()
      const input = {
        state: state(),
        fileName: session.fileName,
        format: session.format,
        rows: session.contacts,
        defaultChoice: duplicates,
        choices,
        batchId,
        now: ctx.now().toISOString(),
        newId: ctx.newId,
      }
      const plan = session.vouch
        ? planRestore({ ...input, file: session.vouch })
        : planImport({ ...input, placeOnBoard })
      await ctx.store.backups.take(ctx.store.serialize(), 'before-import', ctx.now())
      const ops: Op[] = [...plan.ops, { op: 'put', coll: 'importBatches', value: plan.batch }]
      await commit(ctx, ops)
      sessions.delete(token)
      const undo = planUndo(plan.batch, state(), ctx.now().toISOString())
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
      const { ops, removed } = planUndo(batch, state(), ctx.now().toISOString())
      await commit(ctx, ops)
      const entry = undoEntries.get(batchId)
      // On top of the stack, the import moves to redo; deeper down, older entries would replay
      // stale records over the undone import, so the history is dropped.
      if (entry && ctx.undo.peekUndo() === entry) ctx.undo.markUndone()
      else ctx.undo.clear()
      return { removed, reverted: batch.merged.length }
    },
  }
}
