import { describe, expect, it } from 'vitest'
import type { ImportPreview } from '@shared/importContract'
import {
  correctedNames,
  importWizardReducer as reduce,
  initialImportWizardState as initial,
  ON_BOARD_BY_DEFAULT_UP_TO,
  type ImportWizardState,
} from './importWizardReducer'

function makePreview(over: Partial<ImportPreview> = {}, count = 2): ImportPreview {
  return {
    token: 'tok',
    fileName: 'people.csv',
    format: 'csv',
    contacts: Array.from({ length: count }, (_, i) => ({
      name: `Person ${i}`,
      source: { line: i + 2 },
    })),
    duplicates: [],
    warnings: [],
    ...over,
  }
}

const unknownCsv = makePreview({
  needsMapping: {
    columns: ['Who', 'Mail'],
    sample: [['Ada', 'ada@x.org']],
    suggested: { Mail: 'email' },
  },
})

function previewing(preview = makePreview()): ImportWizardState {
  return reduce(reduce(initial, { type: 'started' }), { type: 'previewed', preview, mapped: false })
}

describe('importWizardReducer', () => {
  it('starts on the pick step, idle, with no error', () => {
    expect(initial.step).toEqual({ kind: 'pick' })
    expect(initial.busy).toBe(false)
    expect(initial.error).toBeNull()
  })

  it('clears the error when work starts and shows it, idle, when work fails', () => {
    const failed = reduce(initial, { type: 'failed', message: 'Could not read x.csv' })
    expect(failed).toMatchObject({ busy: false, error: 'Could not read x.csv' })
    expect(reduce(failed, { type: 'started' })).toMatchObject({ busy: true, error: null })
    // Undo keeps the message on screen while it runs.
    expect(reduce(failed, { type: 'undoStarted' })).toMatchObject({
      busy: true,
      error: 'Could not read x.csv',
    })
  })

  it('asks for a mapping, seeded with the suggestion, when the file’s columns are unknown', () => {
    const state = previewing(unknownCsv)
    expect(state.busy).toBe(false)
    expect(state.step).toEqual({ kind: 'map', preview: unknownCsv, mapping: { Mail: 'email' } })
  })

  it('goes to the preview once a mapping was given, even if the core still lists columns', () => {
    const state = reduce(initial, { type: 'previewed', preview: unknownCsv, mapped: true })
    expect(state.step).toEqual({ kind: 'preview', preview: unknownCsv })
  })

  it('sets and clears a column’s field in the map step only', () => {
    const mapped = reduce(previewing(unknownCsv), {
      type: 'mapColumn',
      column: 'Who',
      target: 'name',
    })
    expect(mapped.step).toMatchObject({ mapping: { Who: 'name', Mail: 'email' } })
    const cleared = reduce(mapped, { type: 'mapColumn', column: 'Mail', target: null })
    expect(cleared.step).toMatchObject({ mapping: { Who: 'name' } })
    // The suggestion the preview carries is not changed in place.
    expect(unknownCsv.needsMapping?.suggested).toEqual({ Mail: 'email' })
    const elsewhere = previewing()
    expect(reduce(elsewhere, { type: 'mapColumn', column: 'Who', target: 'name' })).toBe(elsewhere)
  })

  it('puts small imports on the board by default and large ones in the Inbox', () => {
    expect(previewing(makePreview({}, ON_BOARD_BY_DEFAULT_UP_TO)).placeOnBoard).toBe(true)
    expect(previewing(makePreview({}, ON_BOARD_BY_DEFAULT_UP_TO + 1)).placeOnBoard).toBe(false)
  })

  it('forgets the choices and names of an earlier preview', () => {
    let state = previewing()
    state = reduce(state, { type: 'choice', index: 1, choice: 'merge' })
    state = reduce(state, { type: 'name', index: 0, name: 'Ada' })
    expect(state).toMatchObject({ choices: { '1': 'merge' }, names: { '0': 'Ada' } })
    state = reduce(state, { type: 'previewed', preview: makePreview(), mapped: false })
    expect(state).toMatchObject({ choices: {}, names: {} })
  })

  it('keeps the default choice and the board option the user set', () => {
    let state = reduce(previewing(), { type: 'defaultChoice', choice: 'merge' })
    state = reduce(state, { type: 'placeOnBoard', value: false })
    expect(state).toMatchObject({ defaultChoice: 'merge', placeOnBoard: false })
  })

  it('shows the result, with new people in the Inbox unless placed on the board', () => {
    const preview = makePreview()
    const result = { added: 2, merged: 0, skipped: 0, batchId: 'b1' }
    const inInbox = reduce(reduce(previewing(preview), { type: 'placeOnBoard', value: false }), {
      type: 'committed',
      preview,
      result,
    })
    expect(inInbox.busy).toBe(false)
    expect(inInbox.step).toEqual({
      kind: 'done',
      fileName: 'people.csv',
      result,
      undone: false,
      toInbox: true,
    })
    const onBoard = reduce(previewing(preview), { type: 'committed', preview, result })
    expect(onBoard.step).toMatchObject({ toInbox: false })
  })

  it('never sends a Vouch backup’s people to the Inbox', () => {
    const preview = makePreview({ format: 'vouch-json' }, 100)
    const state = reduce(previewing(preview), {
      type: 'committed',
      preview,
      result: { added: 100, merged: 0, skipped: 0, batchId: 'b' },
    })
    expect(state.step).toMatchObject({ toInbox: false })
  })

  it('marks the import undone', () => {
    const done = {
      kind: 'done' as const,
      fileName: 'people.csv',
      result: { added: 1, merged: 0, skipped: 0, batchId: 'b' },
      undone: false,
      toInbox: true,
    }
    const state = reduce({ ...initial, busy: true, step: done }, { type: 'undone', done })
    expect(state).toMatchObject({ busy: false, step: { ...done, undone: true } })
  })

  it('restarts at the pick step without the file or the error', () => {
    const picked = reduce(initial, {
      type: 'fileRead',
      file: { fileName: 'a.csv', dataBase64: '' },
    })
    expect(picked.file).toEqual({ fileName: 'a.csv', dataBase64: '' })
    const failed = reduce(previewing(), { type: 'failed', message: 'no' })
    const restarted = reduce({ ...failed, file: picked.file }, { type: 'restart' })
    expect(restarted).toMatchObject({ step: { kind: 'pick' }, file: null, error: null })
  })
})

describe('correctedNames', () => {
  it('sends only names that were trimmed to something new', () => {
    const preview = makePreview()
    expect(
      correctedNames({ '0': '  Ada King ', '1': 'Person 1', '2': '   ', '3': 'Nobody' }, preview),
    ).toEqual({ '0': 'Ada King', '3': 'Nobody' })
  })
})
