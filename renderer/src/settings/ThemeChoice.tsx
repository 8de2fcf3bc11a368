import { THEMES, type Theme } from '@shared/domain'
import { applyTheme } from '../theme/theme'
import { useCommand } from '../ui/useCommand'

const THEME_LABELS: Record<Theme, string> = { system: 'System', light: 'Light', dark: 'Dark' }

/** Appearance: System, Light or Dark, applied and saved at once (no Save button to find). */
export function ThemeChoice({
  theme,
  onChange,
}: {
  theme: Theme
  onChange: (theme: Theme) => void
}) {
  const { run } = useCommand()
  const choose = (next: Theme) => {
    applyTheme(next)
    onChange(next)
    void run('settings.update', { theme: next }, { evenIfBusy: true })
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
              onChange={() => choose(t)}
            />
            <span>{THEME_LABELS[t]}</span>
          </label>
        ))}
      </div>
      <p className="field-hint">System follows your operating system's light or dark setting.</p>
    </fieldset>
  )
}
