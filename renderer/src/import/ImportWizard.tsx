import { useState, type DragEvent } from 'react'
import { ContactFields } from '@shared/domain'
import type {
  ColumnMapping,
  DuplicateChoice,
  ImportPreview,
  PreviewContact,
  PreviewDuplicate,
} from '@shared/importContract'
import { call } from '../api/client'
import { useToasts } from '../ui/toasts'
import { readForImport } from './files'

type Step =
  | { kind: 'pick' }
  | { kind: 'map'; preview: ImportPreview; mapping: ColumnMapping }
  | { kind: 'preview'; preview: ImportPreview }
  | {
      kind: 'done'
      fileName: string
      result: { added: number; merged: number; skipped: number; batchId: string }
      undone: boolean
    }

const FIELD_KEYS = ContactFields.keyof().options
type FieldKey = (typeof FIELD_KEYS)[number]

const FIELD_LABELS: Record<FieldKey, string> = {
  name: 'Name',
  title: 'Title',
  company: 'Company',
  relationship: 'Relationship',
  field: 'Field',
  email: 'Email',
  phone: 'Phone',
  links: 'Links',
  howWeMet: 'How we met',
  notes: 'Notes',
  tags: 'Tags',
  cadenceDays: 'Cadence (days)',
  credibility: 'Credibility',
  skills: 'Skills',
  workedTogether: 'Worked together',
  nicknames: 'Nicknames',
  birthday: 'Birthday',
  addresses: 'Address',
  profiles: 'Profiles',
  connectedOn: 'Connected on',
}

const FORMAT_LABELS: Record<ImportPreview['format'], string> = {
  vcard: 'vCard',
  'linkedin-csv': 'LinkedIn connections',
  'google-csv': 'Google Contacts CSV',
  'google-csv-legacy': 'Google Contacts CSV (legacy)',
  csv: 'CSV',
  'vouch-json': 'Vouch backup',
}

const REASON_LABELS: Record<PreviewDuplicate['reason'], string> = {
  email: 'same email',
  linkedin: 'same LinkedIn profile',
  phone: 'same phone',
  'name-company': 'same name and company',
  'same-id': 'same record',
}

/** Rows drawn at once; the rest are counted, so a 100k-row file stays responsive. */
const SHOWN_ROWS = 200

function isFieldKey(value: string): value is FieldKey {
  return FIELD_KEYS.some((k) => k === value)
}

function describe(c: PreviewContact | { name: string; company?: string; email?: string }): string {
  return [c.company, c.email].filter((v) => v !== undefined && v !== '').join(' · ')
}

/** The import wizard: pick or drop a file, map columns, review duplicates, import, undo. */
export function ImportWizard() {
  const [step, setStep] = useState<Step>({ kind: 'pick' })
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const [defaultChoice, setDefaultChoice] = useState<'skip' | 'merge'>('skip')
  const [choices, setChoices] = useState<Record<string, DuplicateChoice>>({})
  const toasts = useToasts()

  const preview = async (
    picked: { fileName: string; dataBase64: string },
    mapping?: ColumnMapping,
  ) => {
    setBusy(true)
    setError(null)
    const result = await call('import.preview', { ...picked, ...(mapping ? { mapping } : {}) })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setChoices({})
    const value = result.value
    if (value.needsMapping && !mapping)
      setStep({ kind: 'map', preview: value, mapping: value.needsMapping.suggested })
    else setStep({ kind: 'preview', preview: value })
  }

  const pickFile = async (chosen: File | undefined) => {
    if (!chosen) return
    setBusy(true)
    setError(null)
    const picked = await readForImport(chosen).catch((e: unknown) => {
      setError(`Could not read ${chosen.name}: ${e instanceof Error ? e.message : String(e)}`)
      return null
    })
    setBusy(false)
    if (!picked) return
    setFile(picked)
    await preview(picked)
  }

  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    void pickFile(event.dataTransfer.files[0])
  }

  const commit = async (p: ImportPreview) => {
    setBusy(true)
    setError(null)
    const result = await call('import.commit', {
      token: p.token,
      duplicates: defaultChoice,
      choices,
    })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setStep({ kind: 'done', fileName: p.fileName, result: result.value, undone: false })
  }

  const undo = async (done: Extract<Step, { kind: 'done' }>) => {
    setBusy(true)
    const result = await call('import.undo', { batchId: done.result.batchId })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    toasts.show({ message: `Undid the import of ${done.fileName}.` })
    setStep({ ...done, undone: true })
  }

  const restart = () => {
    setStep({ kind: 'pick' })
    setFile(null)
    setError(null)
  }

  return (
    <section className="import-wizard" aria-labelledby="import-title" data-testid="import-wizard">
      <h2 id="import-title">Import contacts</h2>
      {error && (
        <p className="import-error" role="alert">
          {error}
        </p>
      )}

      {step.kind === 'pick' && (
        <div
          className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
          data-testid="import-dropzone"
          onDragOver={(event) => {
            event.preventDefault()
            setDragging(true)
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>Drop a vCard, CSV or Vouch backup here, or</p>
          <label className="button button-primary">
            Choose a file…
            <input
              type="file"
              className="sr-only"
              aria-label="Choose a contacts file"
              accept=".vcf,.vcard,.csv,.json,.txt,text/vcard,text/csv,application/json"
              disabled={busy}
              onChange={(event) => {
                void pickFile(event.target.files?.[0])
                event.target.value = ''
              }}
            />
          </label>
          {busy && <p aria-live="polite">Reading the file…</p>}
        </div>
      )}

      {step.kind === 'map' && step.preview.needsMapping && file && (
        <div className="import-step" data-testid="import-mapping">
          <p>
            Vouch does not know the columns of <strong>{step.preview.fileName}</strong>. Choose
            which field each column holds; the suggestions come from the column names.
          </p>
          <table className="import-table">
            <thead>
              <tr>
                <th scope="col">Column</th>
                <th scope="col">Example</th>
                <th scope="col">Field</th>
              </tr>
            </thead>
            <tbody>
              {step.preview.needsMapping.columns.map((column, i) => (
                <tr key={`${i}-${column}`}>
                  <td>{column}</td>
                  <td className="import-muted">
                    {step.preview.needsMapping?.sample[0]?.[i] ?? ''}
                  </td>
                  <td>
                    <select
                      aria-label={`Field for column ${column}`}
                      value={step.mapping[column] ?? ''}
                      onChange={(event) => {
                        const next: ColumnMapping = { ...step.mapping }
                        const value = event.target.value
                        if (isFieldKey(value)) next[column] = value
                        else delete next[column]
                        setStep({ ...step, mapping: next })
                      }}
                    >
                      <option value="">— ignore —</option>
                      {FIELD_KEYS.map((key) => (
                        <option key={key} value={key}>
                          {FIELD_LABELS[key]}
                        </option>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="import-actions">
            <button type="button" className="button" onClick={restart}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !Object.values(step.mapping).includes('name')}
              onClick={() => void preview(file, step.mapping)}
            >
              Preview
            </button>
          </div>
        </div>
      )}

      {step.kind === 'preview' && (
        <PreviewStep
          preview={step.preview}
          defaultChoice={defaultChoice}
          onDefaultChoice={setDefaultChoice}
          choices={choices}
          onChoice={(index, choice) => setChoices((c) => ({ ...c, [String(index)]: choice }))}
          busy={busy}
          onCancel={restart}
          onCommit={() => void commit(step.preview)}
        />
      )}

      {step.kind === 'done' && (
        <div className="import-step" data-testid="import-result">
          <p role="status">
            {step.undone
              ? `The import of ${step.fileName} was undone.`
              : `Imported ${step.fileName}: ${step.result.added} added, ${step.result.merged} merged, ${step.result.skipped} skipped.`}
          </p>
          <div className="import-actions">
            {!step.undone && (
              <button
                type="button"
                className="button"
                disabled={busy}
                onClick={() => void undo(step)}
              >
                Undo this import
              </button>
            )}
            <button type="button" className="button button-primary" onClick={restart}>
              Import another file
            </button>
          </div>
        </div>
      )}
    </section>
  )
}

interface PreviewStepProps {
  preview: ImportPreview
  defaultChoice: 'skip' | 'merge'
  onDefaultChoice(choice: 'skip' | 'merge'): void
  choices: Record<string, DuplicateChoice>
  onChoice(index: number, choice: DuplicateChoice): void
  busy: boolean
  onCancel(): void
  onCommit(): void
}

function PreviewStep(props: PreviewStepProps) {
  const { preview, defaultChoice, choices, busy } = props
  const dupByIndex = new Map(preview.duplicates.map((d) => [d.index, d]))
  const fresh = preview.contacts.flatMap((c, index) =>
    dupByIndex.has(index) ? [] : [{ c, index }],
  )
  const restores = preview.alsoRestores
  return (
    <div className="import-step" data-testid="import-preview">
      <p>
        <strong>{preview.fileName}</strong> ({FORMAT_LABELS[preview.format]}):{' '}
        {preview.contacts.length} contacts, {preview.duplicates.length} possible duplicates
        {restores &&
          `, plus ${restores.interactions} touches, ${restores.requests} requests and ${restores.updates} updates`}
        .
      </p>

      {preview.warnings.length > 0 && (
        <details className="import-warnings" open={preview.warnings.length <= 5}>
          <summary>{preview.warnings.length} warnings</summary>
          <ul aria-label="Import warnings">
            {preview.warnings.slice(0, SHOWN_ROWS).map((w, i) => (
              <li key={i}>
                <strong>{w.where}:</strong> {w.message}
              </li>
            ))}
          </ul>
        </details>
      )}

      {preview.duplicates.length > 0 && (
        <>
          <h3>Possible duplicates</h3>
          <fieldset className="import-default">
            <legend>For duplicates without a choice of their own</legend>
            {(['skip', 'merge'] as const).map((choice) => (
              <label key={choice}>
                <input
                  type="radio"
                  name="import-default"
                  value={choice}
                  checked={defaultChoice === choice}
                  onChange={() => props.onDefaultChoice(choice)}
                />{' '}
                {choice === 'skip' ? 'Skip them' : 'Merge them into the existing contact'}
              </label>
            ))}
          </fieldset>
          <table className="import-table" aria-label="Possible duplicates">
            <thead>
              <tr>
                <th scope="col">In the file</th>
                <th scope="col">Already in Vouch</th>
                <th scope="col">Choice</th>
              </tr>
            </thead>
            <tbody>
              {preview.duplicates.slice(0, SHOWN_ROWS).map((d) => {
                const row = preview.contacts[d.index]
                if (!row) return null
                const earlier =
                  d.duplicateOfIndex !== undefined
                    ? preview.contacts[d.duplicateOfIndex]
                    : undefined
                return (
                  <tr key={d.index} data-testid="import-duplicate">
                    <td>
                      <span className="import-name">{row.name}</span>
                      <span className="import-muted">{describe(row)}</span>
                    </td>
                    <td>
                      <span className="import-name">{d.existing?.name ?? earlier?.name ?? ''}</span>
                      <span className="import-muted">
                        {d.existing ? describe(d.existing) : 'an earlier row of this file'} —{' '}
                        {REASON_LABELS[d.reason]}
                      </span>
                    </td>
                    <td>
                      <select
                        aria-label={`Choice for ${row.name}`}
                        value={choices[String(d.index)] ?? defaultChoice}
                        onChange={(event) => {
                          const v = event.target.value
                          if (v === 'skip' || v === 'merge' || v === 'add')
                            props.onChoice(d.index, v)
                        }}
                      >
                        <option value="skip">Skip</option>
                        <option value="merge">Merge</option>
                        <option value="add">Add as new</option>
                      </select>
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </>
      )}

      {fresh.length > 0 && (
        <>
          <h3>New people</h3>
          <table className="import-table" aria-label="New people">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Company</th>
                <th scope="col">Email</th>
              </tr>
            </thead>
            <tbody>
              {fresh.slice(0, SHOWN_ROWS).map(({ c, index }) => (
                <tr key={index} data-testid="import-new">
                  <td>{c.name}</td>
                  <td>{c.company ?? ''}</td>
                  <td>{c.email ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {fresh.length > SHOWN_ROWS && (
            <p className="import-muted">and {fresh.length - SHOWN_ROWS} more.</p>
          )}
        </>
      )}

      <div className="import-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || preview.contacts.length === 0}
          onClick={props.onCommit}
        >
          Import
        </button>
      </div>
    </div>
  )
}
