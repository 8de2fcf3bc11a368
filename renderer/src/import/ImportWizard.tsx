import { useReducer } from 'react'
import type { ColumnMapping, ImportPreview } from '@shared/importContract'
import { call } from '../api/client'
import { useToasts } from '../ui/toasts'
import { readForImport } from './files'
import {
  correctedNames,
  importWizardReducer,
  initialImportWizardState,
  type DoneStep,
  type PickedFile,
} from './importWizardReducer'
import { MapColumnsStep } from './MapColumnsStep'
import { PickFileStep } from './PickFileStep'
import { PreviewStep } from './PreviewStep'
import { ResultStep } from './ResultStep'

/** The import wizard: pick or drop a file, map columns, review duplicates, import, undo. */
export function ImportWizard({ onOpenInbox }: { onOpenInbox?: () => void } = {}) {
  const [state, dispatch] = useReducer(importWizardReducer, initialImportWizardState)
  const { step, file, busy, error } = state
  const toasts = useToasts()

  const preview = async (picked: PickedFile, mapping?: ColumnMapping) => {
    dispatch({ type: 'started' })
    const result = await call('import.preview', { ...picked, ...(mapping ? { mapping } : {}) })
    if (!result.ok) dispatch({ type: 'failed', message: result.message })
    else dispatch({ type: 'previewed', preview: result.value, mapped: mapping !== undefined })
  }

  const pickFile = async (chosen: File | undefined) => {
    if (!chosen) return
    dispatch({ type: 'started' })
    const picked = await readForImport(chosen).catch((e: unknown) => {
      const message = `Could not read ${chosen.name}: ${e instanceof Error ? e.message : String(e)}`
      dispatch({ type: 'failed', message })
      return null
    })
    if (!picked) return
    dispatch({ type: 'fileRead', file: picked })
    await preview(picked)
  }

  const commit = async (p: ImportPreview) => {
    dispatch({ type: 'started' })
    const result = await call('import.commit', {
      token: p.token,
      duplicates: state.defaultChoice,
      choices: state.choices,
      names: correctedNames(state.names, p),
      placeOnBoard: state.placeOnBoard,
    })
    if (!result.ok) dispatch({ type: 'failed', message: result.message })
    else dispatch({ type: 'committed', preview: p, result: result.value })
  }

  const undo = async (done: DoneStep) => {
    dispatch({ type: 'undoStarted' })
    const result = await call('import.undo', { batchId: done.result.batchId })
    if (!result.ok) {
      dispatch({ type: 'failed', message: result.message })
      return
    }
    toasts.show({ message: `Undid the import of ${done.fileName}.` })
    dispatch({ type: 'undone', done })
  }

  const restart = () => dispatch({ type: 'restart' })

  return (
    <section className="import-wizard" aria-labelledby="import-title" data-testid="import-wizard">
      <h2 id="import-title">Import contacts</h2>
      {error && (
        <p className="import-error" role="alert">
          {error}
        </p>
      )}

      {step.kind === 'pick' && <PickFileStep busy={busy} onPick={(f) => void pickFile(f)} />}

      {step.kind === 'map' && step.preview.needsMapping && file && (
        <MapColumnsStep
          fileName={step.preview.fileName}
          needsMapping={step.preview.needsMapping}
          mapping={step.mapping}
          busy={busy}
          onMap={(column, target) => dispatch({ type: 'mapColumn', column, target })}
          onCancel={restart}
          onPreview={() => void preview(file, step.mapping)}
        />
      )}

      {step.kind === 'preview' && (
        <PreviewStep
          preview={step.preview}
          defaultChoice={state.defaultChoice}
          onDefaultChoice={(choice) => dispatch({ type: 'defaultChoice', choice })}
          choices={state.choices}
          onChoice={(index, choice) => dispatch({ type: 'choice', index, choice })}
          names={state.names}
          onName={(index, name) => dispatch({ type: 'name', index, name })}
          placeOnBoard={state.placeOnBoard}
          onPlaceOnBoard={(value) => dispatch({ type: 'placeOnBoard', value })}
          busy={busy}
          onCancel={restart}
          onCommit={() => void commit(step.preview)}
        />
      )}

      {step.kind === 'done' && (
        <ResultStep
          step={step}
          busy={busy}
          onUndo={() => void undo(step)}
          onRestart={restart}
          onOpenInbox={onOpenInbox}
        />
      )}
    </section>
  )
}
