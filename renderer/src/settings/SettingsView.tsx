import { useEffect, useState, type FormEvent, type ReactNode } from 'react'
import { THEMES, type Theme } from '@shared/domain'
import { STAGE_IDS, stageLabel } from '@shared/stages'
import { call } from '../api/client'
import { useToasts } from '../ui/toasts'
import { Field, FormError, type ControlProps } from '../ui/form/Field'
import { refusal } from '../ui/form/formErrors'
import { PageHeader } from '../ui/PageHeader'
import { applyTheme } from '../theme/theme'
import {
  SETTINGS_FIELDS,
  toForm,
  toPatch,
  type SettingsField,
  type SettingsForm,
} from './settingsModel'
import '../contact/contact.css'
import './settings.css'

type ControlInput = (props: ControlProps) => ReactNode

/** Weekday names by JavaScript's day number, Sunday first. */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** Appearance: System, Light or Dark, applied and saved at once (no Save button to find). */
function ThemeChoice({ theme, onChange }: { theme: Theme; onChange: (theme: Theme) => void }) {
  const toasts = useToasts()
  const choose = async (next: Theme) => {
    applyTheme(next)
    onChange(next)
    const result = await call('settings.update', { theme: next })
    if (!result.ok) toasts.show({ tone: 'error', message: result.message })
  }
  return (
    <fieldset className="theme-choice">
      <legend>Appearance</legend>
      <div className="segmented" role="radiogroup" aria-label="Theme">
        {THEMES.map((t) => (
          <label key={t} className="segmented-option">
            <input
              type="radio"
              name="theme"
              value={t}
              checked={theme === t}
              onChange={() => void choose(t)}
            />
            <span>{THEME_LABELS[t]}</span>
          </label>
        ))}
      </div>
      <p className="field-hint">System follows your operating system's light or dark setting.</p>
    </fieldset>
  )
}

/** Reminders and preferences: digest time, quiet hours, notifications, tray, login, cadences, thank-yous. */
export function SettingsView() {
  const [form, setForm] = useState<SettingsForm | null>(null)
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const toasts = useToasts()

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
      <section className="view" aria-busy={formError === null}>
        <PageHeader title="Settings" />
        <div className="view-body">
          <FormError>{formError}</FormError>
        </div>
      </section>
    )
  }

  const set = (patch: Partial<SettingsForm>) => setForm({ ...form, ...patch })
  const field = (name: SettingsField, label: string, control: ControlInput, hint?: string) => (
    <Field label={label} name={name} error={errors[name]} hint={hint}>
      {(props) => control(props)}
    </Field>
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
    const { fields, summary } = refusal(result, SETTINGS_FIELDS)
    setErrors(fields)
    setFormError(summary)
  }

  return (
    <section className="view" data-testid="settings">
      <PageHeader title="Settings" />
      <div className="view-body settings">
        <ThemeChoice theme={form.theme} onChange={(theme) => set({ theme })} />
        <form onSubmit={(event) => void submit(event)} noValidate>
          <fieldset>
            <legend>Reminders</legend>
            {field(
              'digestTime',
              'Daily digest at',
              (p) => (
                <input
                  type="time"
                  value={form.digestTime}
                  onChange={(e) => set({ digestTime: e.target.value })}
                  {...p}
                />
              ),
              'One notification a day listing everyone due, when anything is.',
            )}
            <div className="settings-row">
              {field('quietHours.start', 'Quiet hours from', (p) => (
                <input
                  type="time"
                  value={form.quietStart}
                  onChange={(e) => set({ quietStart: e.target.value })}
                  {...p}
                />
              ))}
              {field(
                'quietHours.end',
                'until',
                (p) => (
                  <input
                    type="time"
                    value={form.quietEnd}
                    onChange={(e) => set({ quietEnd: e.target.value })}
                    {...p}
                  />
                ),
                'Nothing is shown in quiet hours; what falls due waits until they end.',
              )}
            </div>
            <div className="settings-row">
              <div className="field">
                <label htmlFor="weekly-review-day">Weekly review on</label>
                <select
                  id="weekly-review-day"
                  value={form.reviewDay}
                  disabled={!form.reviewEnabled}
                  onChange={(e) => set({ reviewDay: e.target.value })}
                >
                  {WEEKDAYS.map((day, i) => (
                    <option key={day} value={String(i)}>
                      {day}
                    </option>
                  ))}
                </select>
              </div>
              {field(
                'weeklyReview.time',
                'at',
                (p) => (
                  <input
                    type="time"
                    value={form.reviewTime}
                    disabled={!form.reviewEnabled}
                    onChange={(e) => set({ reviewTime: e.target.value })}
                    {...p}
                  />
                ),
                'One notification a week for a five-minute review: the week, who is overdue, thanks owed.',
              )}
            </div>
            <label className="settings-check">
              <input
                type="checkbox"
                checked={form.reviewEnabled}
                onChange={(e) => set({ reviewEnabled: e.target.checked })}
              />
              Remind me of the weekly review
            </label>
            <label className="settings-check">
              <input
                type="checkbox"
                checked={form.notificationsEnabled}
                onChange={(e) => set({ notificationsEnabled: e.target.checked })}
              />
              Show notifications
            </label>
            {field('thankWithinDays', 'Thank a reference within (days)', (p) => (
              <input
                type="number"
                min={0}
                max={60}
                value={form.thankWithinDays}
                onChange={(e) => set({ thankWithinDays: e.target.value })}
                {...p}
              />
            ))}
          </fieldset>
          <fieldset>
            <legend>Keep in touch every (days), by stage</legend>
            <p className="field-hint">
              Leave empty for no reminders in that stage. A contact's own cadence wins.
            </p>
            <div className="form-grid">
              {STAGE_IDS.map((stage) =>
                field(`cadenceByStage.${stage}`, stageLabel(stage), (p) => (
                  <input
                    type="number"
                    min={1}
                    max={3650}
                    value={form.cadence[stage] ?? ''}
                    onChange={(e) => set({ cadence: { ...form.cadence, [stage]: e.target.value } })}
                    {...p}
                  />
                )),
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
                field(`wipLimits.${stage}`, `${stageLabel(stage)} limit`, (p) => (
                  <input
                    type="number"
                    min={1}
                    max={10000}
                    value={form.wip[stage] ?? ''}
                    onChange={(e) => set({ wip: { ...form.wip, [stage]: e.target.value } })}
                    {...p}
                  />
                )),
              )}
            </div>
            <Field label="Cards">
              {(p) => (
                <select
                  {...p}
                  value={form.density}
                  onChange={(e) =>
                    set({ density: e.target.value === 'compact' ? 'compact' : 'comfortable' })
                  }
                >
                  <option value="comfortable">Comfortable</option>
                  <option value="compact">Compact</option>
                </select>
              )}
            </Field>
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
          <FormError>{formError}</FormError>
          <div className="form-actions">
            <button type="submit" className="button button-primary" disabled={busy}>
              Save settings
            </button>
          </div>
        </form>
      </div>
    </section>
  )
}
