import type {
  ColumnMapping,
  ColumnTarget,
  DuplicateChoice,
  ImportPreview,
} from '@shared/importContract'

/** A file as read for import: its name and bytes. */
export interface PickedFile {
  fileName: string
  dataBase64: string
}

/** What import.commit answered. */
export interface ImportResult {
  added: number
  merged: number
  skipped: number
  batchId: string
}

/** The wizard's steps: pick a file → map its columns (unknown CSV only) → preview → result. */
export type WizardStep =
  | { kind: 'pick' }
  | { kind: 'map'; preview: ImportPreview; mapping: ColumnMapping }
  | { kind: 'preview'; preview: ImportPreview }
  | {
      kind: 'done'
      fileName: string
      result: ImportResult
      undone: boolean
      /** Whether new people went to the Inbox rather than the board. */
      toInbox: boolean
    }

/** The done step. */
export type DoneStep = Extract<WizardStep, { kind: 'done' }>

/** Everything the wizard remembers between renders. */
export interface ImportWizardState {
  step: WizardStep
  /** The file last read, previewed again once its columns are mapped. */
  file: PickedFile | null
  busy: boolean
  error: string | null
  defaultChoice: 'skip' | 'merge'
  /** Per-row duplicate choices, keyed by row index. */
  choices: Record<string, DuplicateChoice>
  /** Names corrected in the preview, keyed by row index. */
  names: Record<string, string>
  placeOnBoard: boolean
}

/** What can happen to the wizard: the user's edits and the core's answers. */
export type ImportWizardAction =
  | { type: 'started' }
  | { type: 'undoStarted' }
  | { type: 'failed'; message: string }
  | { type: 'fileRead'; file: PickedFile }
  | { type: 'previewed'; preview: ImportPreview; mapped: boolean }
  | { type: 'mapColumn'; column: string; target: ColumnTarget | null }
  | { type: 'defaultChoice'; choice: 'skip' | 'merge' }
  | { type: 'choice'; index: number; choice: DuplicateChoice }
  | { type: 'name'; index: number; name: string }
  | { type: 'placeOnBoard'; value: boolean }
  | { type: 'committed'; preview: ImportPreview; result: ImportResult }
  | { type: 'undone'; done: DoneStep }
  | { type: 'restart' }

/** Imports of this many people or fewer go straight onto the board unless the user says no. */
export const ON_BOARD_BY_DEFAULT_UP_TO = 50

/** The wizard before anything happened. */
export const initialImportWizardState: ImportWizardState = {
  step: { kind: 'pick' },
  file: null,
  busy: false,
  error: null,
  defaultChoice: 'skip',
  choices: {},
  names: {},
  placeOnBoard: false,
}

/** The names corrected in the preview: trimmed, non-empty, and different from the file's. */
export function correctedNames(
  names: Record<string, string>,
  preview: ImportPreview,
): Record<string, string> {
  return Object.fromEntries(
    Object.entries(names)
      .map(([i, n]): [string, string] => [i, n.trim()])
      .filter(([i, n]) => n !== '' && n !== preview.contacts[Number(i)]?.name),
  )
}

/** The import wizard's state after an action. Pure: the component does the calls. */
export function importWizardReducer(
  state: ImportWizardState,
  action: ImportWizardAction,
): ImportWizardState {
  switch (action.type) {
    case 'started':
      return { ...state, busy: true, error: null }
    case 'undoStarted':
      return { ...state, busy: true }
    case 'failed':
      return { ...state, busy: false, error: action.message }
    case 'fileRead':
      return { ...state, file: action.file }
    case 'previewed': {
      const { preview } = action
      return {
        ...state,
        busy: false,
        choices: {},
        names: {},
        placeOnBoard: preview.contacts.length <= ON_BOARD_BY_DEFAULT_UP_TO,
        step:
          preview.needsMapping && !action.mapped
            ? { kind: 'map', preview, mapping: preview.needsMapping.suggested }
            : { kind: 'preview', preview },
      }
    }
    case 'mapColumn': {
      if (state.step.kind !== 'map') return state
      const mapping: ColumnMapping = { ...state.step.mapping }
      if (action.target === null) delete mapping[action.column]
      else mapping[action.column] = action.target
      return { ...state, step: { ...state.step, mapping } }
    }
    case 'defaultChoice':
      return { ...state, defaultChoice: action.choice }
    case 'choice':
      return { ...state, choices: { ...state.choices, [String(action.index)]: action.choice } }
    case 'name':
      return { ...state, names: { ...state.names, [String(action.index)]: action.name } }
    case 'placeOnBoard':
      return { ...state, placeOnBoard: action.value }
    case 'committed':
      return {
        ...state,
        busy: false,
        step: {
          kind: 'done',
          fileName: action.preview.fileName,
          result: action.result,
          undone: false,
          // A Vouch backup keeps each person where they were.
          toInbox: !state.placeOnBoard && action.preview.format !== 'vouch-json',
        },
      }
    case 'undone':
      return { ...state, busy: false, step: { ...action.done, undone: true } }
    case 'restart':
      return { ...state, step: { kind: 'pick' }, file: null, error: null }
  }
}
