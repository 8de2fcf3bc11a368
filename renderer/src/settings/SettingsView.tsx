import { useEffect, useState } from 'react'
import { call } from '../api/client'
import { FormError } from '../ui/form/Field'
import { useFormErrors } from '../ui/form/useFormErrors'
import { PageHeader } from '../ui/PageHeader'
import { useCommand } from '../ui/useCommand'
import { AppSection, BoardSection, CadenceSection } from './BoardSections'
import { RemindersSection } from './RemindersSection'
import { SETTINGS_FIELDS, toForm, toPatch, type SettingsForm } from './settingsModel'
import { ThemeChoice } from './ThemeChoice'
import '../contact/contact.css'
import './settings.css'

/** Reminders and preferences: digest time, quiet hours, notifications, tray, login, cadences, thank-yous. */
export function SettingsView() {
  const [form, setForm] = useState<SettingsForm | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const errors = useFormErrors(SETTINGS_FIELDS)
  const { busy, run } = useCommand(errors)

  useEffect(() => {
    let live = true
    void call('settings.get', {}).then((result) => {
      if (!live) return
      if (result.ok) setForm(toForm(result.value))
      else setLoadError(result.message)
    })
    return () => {
      live = false
    }
  }, [])

  if (form === null) {
    return (
      <section className="view" aria-busy={loadError === null}>
        <PageHeader title="Settings" />
        <div className="view-body">
          <FormError>{loadError}</FormError>
        </div>
      </section>
    )
  }

  const set = (patch: Partial<SettingsForm>) => setForm({ ...form, ...patch })
  const save = async () => {
    const result = await run('settings.update', toPatch(form), { toast: 'Settings saved.' })
    if (result?.ok) setForm(toForm(result.value))
  }
  const section = { form, set, field: errors.field }

  return (
    <section className="view" data-testid="settings">
      <PageHeader title="Settings" />
      <div className="view-body settings">
        <ThemeChoice theme={form.theme} onChange={(theme) => set({ theme })} />
        <form ref={errors.ref} onSubmit={errors.onSubmit(save)} noValidate>
          <RemindersSection {...section} />
          <CadenceSection {...section} />
          <BoardSection {...section} />
          <AppSection {...section} />
          <FormError>{errors.summary}</FormError>
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
