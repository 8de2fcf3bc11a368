import type {
  DuplicateChoice,
  ImportPreview,
  PreviewContact,
  PreviewDuplicate,
} from '@shared/importContract'

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

function describe(c: PreviewContact | { name: string; company?: string; email?: string }): string {
  return [c.company, c.email].filter((v) => v !== undefined && v !== '').join(' · ')
}

interface PreviewStepProps {
  preview: ImportPreview
  defaultChoice: 'skip' | 'merge'
  onDefaultChoice: (choice: 'skip' | 'merge') => void
  choices: Record<string, DuplicateChoice>
  onChoice: (index: number, choice: DuplicateChoice) => void
  names: Record<string, string>
  onName: (index: number, name: string) => void
  placeOnBoard: boolean
  onPlaceOnBoard: (value: boolean) => void
  busy: boolean
  onCancel: () => void
  onCommit: () => void
}
/** Step three: what the file holds, its duplicates with a choice each, and where new people go. */
export function PreviewStep(props: PreviewStepProps) {
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
