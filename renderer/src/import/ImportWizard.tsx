import { useState, type DragEvent } from 'react'
import { ColumnTarget } from '@shared/importContract'
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
      /** Whether new people went to the Inbox rather than the board. */
      toInbox: boolean
    }

const TARGETS = ColumnTarget.options

const FIELD_LABELS: Record<ColumnTarget, string> = {
  name: 'Full name',
  givenName: 'First name',
  middleName: 'Middle name',
  familyName: 'Last name',
  nameSuffix: 'Name suffix (Jr., PhD)',
  honorific: 'Honorific (Mr., Dr.)',
  street: 'Street',
  city: 'City',
  region: 'State or region',
  postalCode: 'Postal code',
  country: 'Country',
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
  addresses: 'Whole address',
  profiles: 'Profiles',
  connectedOn: 'Connected on',
}

const NAME_TARGETS: ColumnTarget[] = [
  'name',
  'givenName',
  'middleName',
  'familyName',
  'nameSuffix',
  'honorific',
  'nicknames',
]
const ADDRESS_TARGETS: ColumnTarget[] = [
  'street',
  'city',
  'region',
  'postalCode',
  'country',
  'addresses',
]

/** The mapping select's groups: a name can be one column or composed from its parts. */
const TARGET_GROUPS: { label: string; targets: ColumnTarget[] }[] = [
  { label: 'Name', targets: NAME_TARGETS },
  {
    label: 'Contact',
    targets: TARGETS.filter((t) => !NAME_TARGETS.includes(t) && !ADDRESS_TARGETS.includes(t)),
  },
  { label: 'Address', targets: ADDRESS_TARGETS },
]

/** What names a row: enough to preview a mapping (an email alone gives a name to check). */
const NAMING: ColumnTarget[] = ['name', 'givenName', 'familyName', 'company', 'email']

/** The name the first sample row gets under a mapping, as the core composes it. */
function sampleName(columns: string[], row: string[] | undefined, mapping: ColumnMapping): string {
  const part = (target: ColumnTarget) =>
    columns
      .flatMap((c, i) => (mapping[c] === target ? [(row?.[i] ?? '').trim()] : []))
      .filter((v) => v !== '')
      .join(' ')
  const composed = [part('givenName'), part('middleName'), part('familyName')]
    .filter((v) => v !== '')
    .join(' ')
  const suffix = part('nameSuffix')
  return part('name') || (composed && suffix ? `${composed} ${suffix}` : composed)
}

const FORMAT_LABELS: Record<ImportPreview['format'], string> = {
  vcard: 'vCard',
  jcard: 'jCard (vCard as JSON)',
  xcard: 'xCard (vCard as XML)',
  'linkedin-csv': 'LinkedIn connections',
  'google-csv': 'Google Contacts CSV',
  'google-csv-legacy': 'Google Contacts CSV (legacy)',
  'outlook-csv': 'Outlook CSV',
  csv: 'CSV',
  'email-list': 'List of email addresses',
  'vouch-csv': 'Vouch CSV export',
  'vouch-json': 'Vouch backup',
}

const WEAK_LABEL = 'same name and company, other email: maybe another person?'

const REASON_LABELS: Record<PreviewDuplicate['reason'], string> = {
  email: 'same email',
  linkedin: 'same LinkedIn profile',
  phone: 'same phone',
  'name-company': 'same name and company',
  'same-id': 'same record',
}

/** Rows drawn at once; the rest are counted, so a 100k-row file stays responsive. */
const SHOWN_ROWS = 200

/** Imports of this many people or fewer go straight onto the board unless the user says no. */
export const ON_BOARD_BY_DEFAULT_UP_TO = 50

function isTarget(value: string): value is ColumnTarget {
  return TARGETS.some((k) => k === value)
}

function describe(c: PreviewContact | { name: string; company?: string; email?: string }): string {
  return [c.company, c.email].filter((v) => v !== undefined && v !== '').join(' · ')
}

/** The import wizard: pick or drop a file, map columns, review duplicates, import, undo. */
export function ImportWizard({ onOpenInbox }: { onOpenInbox?: () => void } = {}) {
  const [step, setStep] = useState<Step>({ kind: 'pick' })
  const [file, setFile] = useState<{ fileName: string; dataBase64: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [dragging, setDragging] = useState(false)
  const [defaultChoice, setDefaultChoice] = useState<'skip' | 'merge'>('skip')
  const [choices, setChoices] = useState<Record<string, DuplicateChoice>>({})
  const [names, setNames] = useState<Record<string, string>>({})
  const [placeOnBoard, setPlaceOnBoard] = useState(false)
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
    setNames({})
    const value = result.value
    setPlaceOnBoard(value.contacts.length <= ON_BOARD_BY_DEFAULT_UP_TO)
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
    const corrected = Object.fromEntries(
      Object.entries(names)
        .map(([i, n]) => [i, n.trim()])
        .filter(([i, n]) => n !== '' && n !== p.contacts[Number(i)]?.name),
    )
    const result = await call('import.commit', {
      token: p.token,
      duplicates: defaultChoice,
      choices,
      names: corrected,
      placeOnBoard,
    })
    setBusy(false)
    if (!result.ok) {
      setError(result.message)
      return
    }
    setStep({
      kind: 'done',
      fileName: p.fileName,
      result: result.value,
      undone: false,
      // A Vouch backup keeps each person where they were.
      toInbox: !placeOnBoard && p.format !== 'vouch-json',
    })
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
                        if (isTarget(value)) next[column] = value
                        else delete next[column]
                        setStep({ ...step, mapping: next })
                      }}
                    >
                      <option value="">— ignore —</option>
                      {TARGET_GROUPS.map((group) => (
                        <optgroup key={group.label} label={group.label}>
                          {group.targets.map((key) => (
                            <option key={key} value={key}>
                              {FIELD_LABELS[key]}
                            </option>
                          ))}
                        </optgroup>
                      ))}
                    </select>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="import-muted" data-testid="import-sample-name">
            <SampleName
              columns={step.preview.needsMapping.columns}
              row={step.preview.needsMapping.sample[0]}
              mapping={step.mapping}
            />
          </p>
          <div className="import-actions">
            <button type="button" className="button" onClick={restart}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || !Object.values(step.mapping).some((t) => NAMING.includes(t))}
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
          names={names}
          onName={(index, name) => setNames((n) => ({ ...n, [String(index)]: name }))}
          placeOnBoard={placeOnBoard}
          onPlaceOnBoard={setPlaceOnBoard}
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
          {!step.undone && step.toInbox && step.result.added > 0 && (
            <p className="import-next">
              {step.result.added === 1
                ? 'The new person waits in your Inbox.'
                : `The ${step.result.added.toLocaleString()} new people wait in your Inbox.`}{' '}
              Go through them one by one and keep the few who know your work.
            </p>
          )}
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
            {!step.undone && step.toInbox && step.result.added > 0 && onOpenInbox && (
              <button type="button" className="button button-primary" onClick={onOpenInbox}>
                Open the Inbox
              </button>
            )}
            <button
              type="button"
              className={
                !step.undone && step.toInbox && step.result.added > 0 && onOpenInbox
                  ? 'button'
                  : 'button button-primary'
              }
              onClick={restart}
            >
              Import another file
            </button>
          </div>
        </div>
      )}
    </section>
  )
}

/** What the first row of a mapped CSV will be called, or how to give rows a name. */
function SampleName(props: {
  columns: string[]
  row: string[] | undefined
  mapping: ColumnMapping
}) {
  const name = sampleName(props.columns, props.row, props.mapping)
  return name === ''
    ? 'Map a name column, or first and last name columns; with only an email, names are made from the address for you to check.'
    : `The first row will be named “${name}”.`
}

interface PreviewStepProps {
  preview: ImportPreview
  defaultChoice: 'skip' | 'merge'
  onDefaultChoice(choice: 'skip' | 'merge'): void
  choices: Record<string, DuplicateChoice>
  onChoice(index: number, choice: DuplicateChoice): void
  names: Record<string, string>
  onName(index: number, name: string): void
  placeOnBoard: boolean
  onPlaceOnBoard(value: boolean): void
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
  const fromEmail = preview.contacts.filter((c) => c.nameFromEmail).length
  return (
    <div className="import-step" data-testid="import-preview">
      <p>
        <strong>{preview.fileName}</strong> ({FORMAT_LABELS[preview.format]}):{' '}
        {preview.contacts.length} contacts, {preview.duplicates.length} possible duplicates
        {restores &&
          `, plus ${restores.interactions} touches, ${restores.requests} requests and ${restores.updates} updates`}
        .
      </p>

      {fromEmail > 0 && (
        <p className="import-flag-note" role="note" data-testid="import-email-names">
          {fromEmail === 1
            ? '1 name was made from an email address. Check it below and correct it if needed.'
            : `${fromEmail} names were made from email addresses. Check them below and correct them if needed.`}
        </p>
      )}

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
                        {d.weak ? WEAK_LABEL : REASON_LABELS[d.reason]}
                      </span>
                    </td>
                    <td>
                      <select
                        aria-label={`Choice for ${row.name}`}
                        value={choices[String(d.index)] ?? (d.weak ? 'add' : defaultChoice)}
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
                <tr
                  key={index}
                  data-testid="import-new"
                  className={c.nameFromEmail ? 'import-flagged' : undefined}
                >
                  <td>
                    {c.nameFromEmail ? (
                      <span className="import-name-fix">
                        <input
                          type="text"
                          aria-label={`Name for ${c.email ?? c.name}`}
                          value={props.names[String(index)] ?? c.name}
                          maxLength={200}
                          onChange={(event) => props.onName(index, event.target.value)}
                        />
                        <span className="import-badge">from email</span>
                      </span>
                    ) : (
                      c.name
                    )}
                  </td>
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

      {preview.format !== 'vouch-json' && (
        <label className="import-place">
          <input
            type="checkbox"
            checked={props.placeOnBoard}
            onChange={(event) => props.onPlaceOnBoard(event.target.checked)}
          />
          <span>
            Put them straight on the board
            <span className="import-muted">
              {props.placeOnBoard
                ? 'New people go to Identified on the board.'
                : 'New people wait in the Inbox, where you pick the few to keep.'}
            </span>
          </span>
        </label>
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
