import type { ReactNode } from 'react'
import type { PostalAddress, SocialProfile } from '@shared/domain'
import { emptyAddress } from '@shared/domain'
import { Field, FieldError, FormGrid } from '../ui/form/Field'

/** One text part of a repeated row, as data. */
interface Part<T> {
  key: keyof T & string
  label: string
  hint?: string
}

const ADDRESS_PARTS: readonly Part<PostalAddress>[] = [
  { key: 'label', label: 'Label', hint: 'Home, Work…' },
  { key: 'street', label: 'Street' },
  { key: 'city', label: 'City' },
  { key: 'region', label: 'Region' },
  { key: 'postalCode', label: 'Postal code' },
  { key: 'country', label: 'Country' },
]

const PROFILE_PARTS: readonly Part<SocialProfile>[] = [
  { key: 'service', label: 'Service', hint: 'LinkedIn, GitHub…' },
  { key: 'handle', label: 'Handle or address' },
]

const NEW_ADDRESS = emptyAddress()
const NEW_PROFILE: SocialProfile = { service: '', handle: '' }

/** The text inputs of one row. */
function PartFields<T extends Record<string, string>>(props: {
  parts: readonly Part<T>[]
  row: T
  onChange: (row: T) => void
}) {
  return props.parts.map((part) => (
    <Field key={part.key} label={part.label} hint={part.hint}>
      {(p) => (
        <input
          {...p}
          value={props.row[part.key]}
          onChange={(e) => props.onChange({ ...props.row, [part.key]: e.target.value })}
        />
      )}
    </Field>
  ))
}

/** Rows of a list, each editable and removable, with Add below and the list's error. */
function RowList<T>(props: {
  rows: readonly T[]
  error: string | undefined
  addLabel: string
  empty: T
  onChange: (rows: T[]) => void
  row: (row: T, index: number, replace: (row: T) => void, remove: () => void) => ReactNode
}) {
  const { rows, onChange } = props
  return (
    <>
      {rows.map((row, index) =>
        props.row(
          row,
          index,
          (next) => onChange(rows.map((r, i) => (i === index ? next : r))),
          () => onChange(rows.filter((_, i) => i !== index)),
        ),
      )}
      <FieldError>{props.error}</FieldError>
      <button
        type="button"
        className="button button-small"
        onClick={() => onChange([...rows, props.empty])}
      >
        {props.addLabel}
      </button>
    </>
  )
}

/** The contact's postal addresses. */
export function AddressList(props: {
  addresses: readonly PostalAddress[]
  error: string | undefined
  onChange: (addresses: PostalAddress[]) => void
}) {
  return (
    <fieldset className="form-group">
      <legend>Addresses</legend>
      <RowList
        rows={props.addresses}
        error={props.error}
        addLabel="Add address"
        empty={NEW_ADDRESS}
        onChange={props.onChange}
        row={(address, index, replace, remove) => (
          <div key={index} className="form-repeat" aria-label={`Address ${index + 1}`} role="group">
            <FormGrid>
              <PartFields parts={ADDRESS_PARTS} row={address} onChange={replace} />
            </FormGrid>
            <button type="button" className="button button-small" onClick={remove}>
              Remove address
            </button>
          </div>
        )}
      />
    </fieldset>
  )
}

/** The contact's profiles on other services. */
export function ProfileList(props: {
  profiles: readonly SocialProfile[]
  error: string | undefined
  onChange: (profiles: SocialProfile[]) => void
}) {
  return (
    <fieldset className="form-group">
      <legend>Profiles</legend>
      <RowList
        rows={props.profiles}
        error={props.error}
        addLabel="Add profile"
        empty={NEW_PROFILE}
        onChange={props.onChange}
        row={(profile, index, replace, remove) => (
          <div
            key={index}
            className="form-repeat form-repeat-row"
            role="group"
            aria-label={`Profile ${index + 1}`}
          >
            <PartFields parts={PROFILE_PARTS} row={profile} onChange={replace} />
            <button
              type="button"
              className="button button-small"
              aria-label={`Remove profile ${index + 1}`}
              onClick={remove}
            >
              Remove
            </button>
          </div>
        )}
      />
    </fieldset>
  )
}
