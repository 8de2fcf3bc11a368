import {
  Contact,
  DEFAULT_CONTACT_FIELDS,
  LIMITS,
  type ContactFields as Fields,
} from '@shared/domain'
import type { DuplicateChoice, ImportFormat, PreviewDuplicate } from '@shared/importContract'
import type { Op } from '../store/ops'
import type { ImportBatch, StoreFile } from '../store/schema'
import type { StoreState } from '../store/store'
import { findDuplicates } from './dedupe'
import { mergeInto, sourceTag, union } from './merge'
import type { ImportedContact } from './types'

/** A row that matches a known contact (existingId) or an earlier row of the file. */
export interface RowDuplicate {
  index: number
  existingId: string | null
  duplicateOfIndex?: number
  reason: PreviewDuplicate['reason']
  weak?: boolean
}

/** What planning an import or a restore needs: the store as it is, the clock's instant, ids. */
export interface PlanInput {
  state: StoreState
  fileName: string
  format: ImportFormat
  rows: ImportedContact[]
  defaultChoice: 'skip' | 'merge'
  choices: Record<string, DuplicateChoice>
  batchId: string
  /** ISO-8601 instant of the import. */
  now: string
  newId: () => string
}

/** The ops of an import, its batch record (what undo takes back) and its counts. */
export interface ImportPlan {
  ops: Op[]
  batch: ImportBatch
  counts: { added: number; merged: number; skipped: number }
}

/** Contacts not in the trash. */
export const active = (contacts: Iterable<Contact>) =>
  [...contacts].filter((c) => c.trashedAt === null)

/** `{ weak: true }` when a duplicate is weak, else nothing: the preview omits the key. */
export const weakOf = (d: { weak?: boolean }) => (d.weak ? { weak: true } : {})

/** The editable fields of a row, without its source. */
export function fieldsOf(c: ImportedContact): Partial<Fields> & { name: string } {
  const { source: _source, nameFromEmail: _fromEmail, ...fields } = c
  return fields
}

/** A row's choice when the user made none: new rows and weak matches are added, never skipped. */
function defaultFor(
  dup: { weak?: boolean } | undefined,
  defaultChoice: 'skip' | 'merge',
): DuplicateChoice {
  return dup === undefined || dup.weak ? 'add' : defaultChoice
}

/** Duplicates of a Vouch export's contacts: the same id, else the same person by field. */
export function vouchDuplicates(
  file: StoreFile,
  rows: ImportedContact[],
  contacts: ReadonlyMap<string, Contact>,
): (RowDuplicate & { existingId: string })[] {
  const byField = new Map(
    findDuplicates(rows, active(contacts.values()))
      .filter((d) => d.existingId !== null)
      .map((d) => [d.index, d]),
  )
  const out: (RowDuplicate & { existingId: string })[] = []
  file.contacts.forEach((c, index) => {
    if (contacts.has(c.id)) out.push({ index, existingId: c.id, reason: 'same-id' })
    else {
      const d = byField.get(index)
      if (d?.existingId)
        out.push({ index, existingId: d.existingId, reason: d.reason, ...weakOf(d) })
    }
  })
  return out
}

interface RowRules<R> {
  rows: readonly R[]
  duplicates: ReadonlyMap<number, RowDuplicate>
  contacts: ReadonlyMap<string, Contact>
  defaultChoice: 'skip' | 'merge'
  choices: Record<string, DuplicateChoice>
  now: string
  /** The fields a merge takes from the row. */
  mergeFields: (row: R) => Partial<Fields>
  /** The contact a row becomes when it is added; `taken` tells an id already in use. */
  create: (row: R, taken: (id: string) => boolean) => Contact
}

/**
 * The one loop of import and restore: each row is skipped, merged into the contact it matches
 * (or into the contact an earlier row of the file became), or added.
 */
function placeRows<R>(rules: RowRules<R>) {
  const { rows, duplicates, contacts, now } = rules
  const working = new Map<string, Contact>()
  const before = new Map<string, Contact>()
  /** Where each row went: the contact it merged into, its new contact, or its same-id twin. */
  const rowTarget = new Map<number, string>()
  const added: string[] = []
  let merged = 0
  let skipped = 0
  rows.forEach((row, index) => {
    const dup = duplicates.get(index)
    const choice = rules.choices[String(index)] ?? defaultFor(dup, rules.defaultChoice)
    if (choice === 'skip') {
      skipped++
      // A contact kept under the same id still owns the file's touches and requests.
      if (dup?.reason === 'same-id' && dup.existingId !== null) rowTarget.set(index, dup.existingId)
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
      working.set(target.id, mergeInto(target, rules.mergeFields(row), now))
      rowTarget.set(index, target.id)
      merged++
      return
    }
    const contact = rules.create(row, (id) => contacts.has(id) || working.has(id))
    working.set(contact.id, contact)
    added.push(contact.id)
    rowTarget.set(index, contact.id)
  })
  return { working, before, rowTarget, added, counts: { added: added.length, merged, skipped } }
}

/** Plan an import of rows from a contacts file: new people start in Identified, tagged by source. */
export function planImport(input: PlanInput & { placeOnBoard: boolean }): ImportPlan {
  const { state, now } = input
  const contacts = state.contacts
  const duplicates = new Map(
    findDuplicates(input.rows, active(contacts.values())).map((d) => [d.index, d]),
  )
  const identified = active(contacts.values()).filter((c) => c.stage === 'identified')
  let order = identified.reduce((max, c) => Math.max(max, c.order + 1), 0)
  const tag = sourceTag(input.format)
  const placed = placeRows({
    rows: input.rows,
    duplicates,
    contacts,
    defaultChoice: input.defaultChoice,
    choices: input.choices,
    now,
    mergeFields: fieldsOf,
    create: (row) => {
      const fields = fieldsOf(row)
      return {
        ...DEFAULT_CONTACT_FIELDS,
        ...fields,
        tags: union(fields.tags ?? [], [tag], LIMITS.tags),
        id: input.newId(),
        stage: 'identified',
        // New people wait in the inbox for a decision unless the user put them on the board.
        triage: input.placeOnBoard ? 'kept' : 'inbox',
        stageHistory: [{ stage: 'identified', at: now }],
        order: order++,
        createdAt: now,
        updatedAt: now,
        trashedAt: null,
        snoozedUntil: null,
      }
    },
  })
  const batch: ImportBatch = {
    id: input.batchId,
    fileName: input.fileName,
    format: input.format,
    at: now,
    added: placed.added.map((id) => ({ coll: 'contacts', id })),
    merged: [...placed.before.values()],
    settingsBefore: null,
    undoneAt: null,
  }
  const ops: Op[] = [...placed.working.values()].map((value) => ({
    op: 'put',
    coll: 'contacts',
    value: Contact.parse(value),
  }))
  return { ops, batch, counts: placed.counts }
}

/**
 * Plan the restore of a Vouch export record by record. Records whose id is new keep their id,
 * stage, order and timestamps; a contact whose id exists, or who matches someone by field, is a
 * duplicate and follows the choice (skip keeps yours, merge fills your empty fields, add keeps
 * both). Touches, requests and updates follow their contact; those whose id exists are already
 * here. Settings are taken from the file only when this folder holds no records.
 */
export function planRestore(input: PlanInput & { file: StoreFile }): ImportPlan {
  const { state: s, file, now } = input
  const isEmpty =
    s.contacts.size === 0 &&
    s.interactions.size === 0 &&
    s.requests.size === 0 &&
    s.updates.size === 0
  const placed = placeRows({
    rows: file.contacts,
    duplicates: new Map(vouchDuplicates(file, input.rows, s.contacts).map((d) => [d.index, d])),
    contacts: s.contacts,
    defaultChoice: input.defaultChoice,
    choices: input.choices,
    now,
    mergeFields: ({ id: _id, stage: _stage, order: _order, ...fields }) => fields,
    create: (c, taken) => ({ ...c, id: taken(c.id) ? input.newId() : c.id }),
  })
  /** Where each contact of the file went: its own id, a merged contact, or a new id. */
  const contactIdMap = new Map<string, string>()
  file.contacts.forEach((c, index) => {
    const target = placed.rowTarget.get(index)
    if (target !== undefined) contactIdMap.set(c.id, target)
  })
  const ops: Op[] = [...placed.working.values()].map((value) => ({
    op: 'put',
    coll: 'contacts',
    value,
  }))
  const added: ImportBatch['added'] = placed.added.map((id) => ({ coll: 'contacts', id }))
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
    id: input.batchId,
    fileName: input.fileName,
    format: input.format,
    at: now,
    added,
    merged: [...placed.before.values()],
    settingsBefore: isEmpty ? s.settings : null,
    undoneAt: null,
  }
  return { ops, batch, counts: placed.counts }
}

/** Ops that take a batch back: remove what it added (and what hangs off it), revert merges. */
export function planUndo(
  batch: ImportBatch,
  state: StoreState,
  undoneAt: string,
): { ops: Op[]; removed: number } {
  const ops: Op[] = []
  const removedContacts = new Set<string>()
  for (const { coll, id } of batch.added) {
    if (!state[coll].has(id)) continue
    ops.push({ op: 'delete', coll, id })
    if (coll === 'contacts') removedContacts.add(id)
  }
  const already = new Set(batch.added.map((a) => `${a.coll}:${a.id}`))
  // Touches and requests logged on an imported contact after the import cannot outlive it.
  for (const coll of ['interactions', 'requests'] as const) {
    for (const record of state[coll].values()) {
      if (removedContacts.has(record.contactId) && !already.has(`${coll}:${record.id}`))
        ops.push({ op: 'delete', coll, id: record.id })
    }
  }
  for (const value of batch.merged) ops.push({ op: 'put', coll: 'contacts', value })
  if (batch.settingsBefore) ops.push({ op: 'settings', value: batch.settingsBefore })
  ops.push({ op: 'put', coll: 'importBatches', value: { ...batch, undoneAt } })
  return { ops, removed: removedContacts.size }
}
