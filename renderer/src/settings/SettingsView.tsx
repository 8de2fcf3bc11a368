import { useEffect, useId, useState, type FormEvent, type ReactNode } from 'react'
import { STAGE_IDS, stageLabel } from '@shared/stages'
import { call } from '../api/client'
import { useToasts } from '../ui/toasts'
import {
  issuesByField,
  toForm,
  toPatch,
  type SettingsField,
  type SettingsForm,
} from './settingsModel'
import '../contact/contact.css'
import './settings.css'

/** Reminders and preferences: digest time, quiet hours, notifications, tray, login, cadences, thank-yous. */
export function SettingsView() {
  const [form, setForm] = useState<SettingsForm | null>(null)
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const toasts = useToasts()
  const prefix = useId()

  useEffect(() => {
    let live = true
    void call('settings.get', {}).then((result) => {
      if (!live) return
      if (result.ok) setForm(toForm(result.value))
      else setFormError(result.message)
    })
    return () => {
      live = false
    }
  }, [])

  if (form === null) {
    return (
      <section className="settings" aria-busy={formError === null}>
        <h1>Settings</h1>
        {formError && <p className="form-error">{formError}</p>}
      </section>
    )
  }

  const set = (patch: Partial<SettingsForm>) => setForm({ ...form, ...patch })
  const idOf = (field: string) => `${prefix}-${field.replace('.', '-')}`
  const errorOf = (field: SettingsField) => errors[field]
  const inputProps = (field: SettingsField) => ({
    id: idOf(field),
    'aria-invalid': errorOf(field) !== undefined,
    'aria-describedby': errorOf(field) === undefined ? undefined : `${idOf(field)}-error`,
  })
  const field = (name: SettingsField, label: string, control: ReactNode, hint?: string) => (
    <div className="field">
      <label htmlFor={idOf(name)}>{label}</label>
      {control}
      {hint && <p className="field-hint">{hint}</p>}
      {errorOf(name) !== undefined && (
        <p className="field-error" id={`${idOf(name)}-error`} data-testid={`error-${name}`}>
          {errorOf(name)}
        </p>
      )}
    </div>
  )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setBusy(true)
    const result = await call('settings.update', toPatch(form))
    setBusy(false)
    if (result.ok) {
      setForm(toForm(result.value))
      setErrors({})
      setFormError(null)
      toasts.show({ message: 'Settings saved.' })
      return
    }
    const { fields, other } = issuesByField(result.issues ?? [])
    setErrors(fields)
    const placed = Object.keys(fields).length > 0
    setFormError(other.length > 0 ? other.join(' ') : placed ? null : result.message)
  }

  return (
    <section className="settings" data-testid="settings">
      <h1>Settings</h1>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset>
          <legend>Reminders</legend>
          {field(
            'digestTime',
            'Daily digest at',
            <input
              type="time"
              value={form.digestTime}
              onChange={(e) => set({ digestTime: e.target.value })}
              {...inputProps('digestTime')}
            />,
            'One notification a day listing everyone due, when anything is.',
          )}
          <div className="settings-row">
            {field(
              'quietHours.start',
              'Quiet hours from',
              <input
                type="time"
                value={form.quietStart}
                onChange={(e) => set({ quietStart: e.target.value })}
                {...inputProps('quietHours.start')}
              />,
            )}
            {field(
              'quietHours.end',
              'until',
              <input
                type="time"
                value={form.quietEnd}
                onChange={(e) => set({ quietEnd: e.target.value })}
                {...inputProps('quietHours.end')}
              />,
              'Nothing is shown in quiet hours; what falls due waits until they end.',
            )}
          </div>
          <label className="settings-check">
            <input
              type="checkbox"
              checked={form.notificationsEnabled}
              onChange={(e) => set({ notificationsEnabled: e.target.checked })}
            />
            Show notifications
          </label>
          {field(
            'thankWithinDays',
            'Thank a reference within (days)',
            <input
              type="number"
              min={0}
              max={60}
              value={form.thankWithinDays}
              onChange={(e) => set({ thankWithinDays: e.target.value })}
              {...inputProps('thankWithinDays')}
            />,
          )}
        </fieldset>
        <fieldset>
          <legend>Keep in touch every (days), by stage</legend>
          <p className="field-hint">
            Leave empty for no reminders in that stage. A contact's own cadence wins.
          </p>
          <div className="form-grid">
            {STAGE_IDS.map((stage) =>
              field(
                `cadenceByStage.${stage}`,
                stageLabel(stage),
                <input
                  type="number"
                  min={1}
                  max={3650}
                  value={form.cadence[stage] ?? ''}
                  onChange={(e) => set({ cadence: { ...form.cadence, [stage]: e.target.value } })}
                  {...inputProps(`cadenceByStage.${stage}`)}
                />,
              ),
            )}
          </div>
        </fieldset>
        <fieldset>
          <legend>Board</legend>
          <p className="field-hint">
            A soft limit per column: its count turns amber past it, and nothing is refused. Leave
            empty for no limit.
          </p>
          <div className="form-grid">
            {STAGE_IDS.map((stage) =>
              field(
                `wipLimits.${stage}`,
                `${stageLabel(stage)} limit`,
                <input
                  type="number"
                  min={1}
                  max={10000}
                  value={form.wip[stage] ?? ''}
                  onChange={(e) => set({ wip: { ...form.wip, [stage]: e.target.value } })}
                  {...inputProps(`wipLimits.${stage}`)}
                />,
              ),
            )}
          </div>
          <div className="field">
            <label htmlFor={`${prefix}-density`}>Cards</label>
            <select
              id={`${prefix}-density`}
              value={form.density}
              onChange={(e) =>
                set({ density: e.target.value === 'compact' ? 'compact' : 'comfortable' })
              }
            >
              <option value="comfortable">Comfortable</option>
              <option value="compact">Compact</option>
            </select>
          </div>
        </fieldset>
        <fieldset>
          <legend>App</legend>
          <label className="settings-check">
            <input
              type="checkbox"
              checked={form.closeToTray}
              onChange={(e) => set({ closeToTray: e.target.checked })}
            />
            Keep running in the tray when the window is closed
          </label>
          <label className="settings-check">
            <input
              type="checkbox"
              checked={form.launchAtLogin}
              onChange={(e) => set({ launchAtLogin: e.target.checked })}
            />
            Open Vouch at login
          </label>
        </fieldset>
        {formError && <p className="form-error">{formError}</p>}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            Save settings
          </button>
        </div>
      </form>
    </section>
  )
}
