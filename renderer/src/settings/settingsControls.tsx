import type { ReactNode } from 'react'
import { STAGE_IDS, type StageId } from '@shared/stages'
import { Field } from '../ui/form/Field'
import type { SettingsField, SettingsForm } from './settingsModel'

/** What every section of the settings form is given: the values, a setter and the errors. */
export interface SectionProps {
  form: SettingsForm
  set: (patch: Partial<SettingsForm>) => void
  field: (name: SettingsField) => { name: SettingsField; error: string | undefined }
}

/** A time of day in a Field. */
export function TimeField(props: {
  label: string
  value: string
  onChange: (value: string) => void
  error: { name: SettingsField; error: string | undefined }
  hint?: string
  disabled?: boolean
}) {
  return (
    <Field label={props.label} {...props.error} hint={props.hint}>
      {(p) => (
        <input
          type="time"
          value={props.value}
          disabled={props.disabled}
          onChange={(e) => props.onChange(e.target.value)}
          {...p}
        />
      )}
    </Field>
  )
}

/** A checkbox with its label after it. */
export function Check(props: {
  checked: boolean
  onChange: (on: boolean) => void
  children: ReactNode
}) {
  return (
    <label className="settings-check">
      <input
        type="checkbox"
        checked={props.checked}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      {props.children}
    </label>
  )
}

/** One number per stage (cadence, WIP limit): empty means none. */
export function StageNumbers(props: {
  values: Partial<Record<StageId, string>>
  onChange: (values: Partial<Record<StageId, string>>) => void
  label: (stage: StageId) => string
  path: (stage: StageId) => SettingsField
  field: SectionProps['field']
  max: number
}) {
  return (
    <div className="form-grid">
      {STAGE_IDS.map((stage) => (
        <Field key={stage} label={props.label(stage)} {...props.field(props.path(stage))}>
          {(p) => (
            <input
              type="number"
              min={1}
              max={props.max}
              value={props.values[stage] ?? ''}
              onChange={(e) => props.onChange({ ...props.values, [stage]: e.target.value })}
              {...p}
            />
          )}
        </Field>
      ))}
    </div>
  )
}
