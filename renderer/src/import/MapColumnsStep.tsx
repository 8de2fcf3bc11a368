import { ColumnTarget } from '@shared/importContract'
import type { ColumnMapping, ImportPreview } from '@shared/importContract'

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

function isTarget(value: string): value is ColumnTarget {
  return TARGETS.some((k) => k === value)
}

interface MapColumnsStepProps {
  fileName: string
  needsMapping: NonNullable<ImportPreview['needsMapping']>
  mapping: ColumnMapping
  busy: boolean
  onMap: (column: string, target: ColumnTarget | null) => void
  onCancel: () => void
  onPreview: () => void
}

/** Step two for an unknown CSV: which field each column holds, with a sample of the result. */
export function MapColumnsStep(props: MapColumnsStepProps) {
  const { fileName, mapping, busy, onMap } = props
  const { columns, sample } = props.needsMapping
  return (
    <div className="import-step" data-testid="import-mapping">
      <p>
        Vouch does not know the columns of <strong>{fileName}</strong>. Choose which field each
        column holds; the suggestions come from the column names.
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
          {columns.map((column, i) => (
            <tr key={`${i}-${column}`}>
              <td>{column}</td>
              <td className="import-muted">{sample[0]?.[i] ?? ''}</td>
              <td>
                <select
                  aria-label={`Field for column ${column}`}
                  value={mapping[column] ?? ''}
                  onChange={(event) => {
                    const value = event.target.value
                    onMap(column, isTarget(value) ? value : null)
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
        <SampleName columns={columns} row={sample[0]} mapping={mapping} />
      </p>
      <div className="import-actions">
        <button type="button" className="button" onClick={props.onCancel}>
          Cancel
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || !Object.values(mapping).some((t) => NAMING.includes(t))}
          onClick={props.onPreview}
        >
          Preview
        </button>
      </div>
    </div>
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
