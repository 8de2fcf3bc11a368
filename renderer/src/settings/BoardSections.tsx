import { stageLabel } from '@shared/stages'
import { Field } from '../ui/form/Field'
import { Check, StageNumbers, type SectionProps } from './settingsControls'

/** The keep-in-touch cadence of each stage. */
export function CadenceSection({ form, set, field }: SectionProps) {
  return (
    <fieldset>
      <legend>Keep in touch every (days), by stage</legend>
      <p className="field-hint">
        Leave empty for no reminders in that stage. A contact's own cadence wins.
      </p>
      <StageNumbers
        values={form.cadence}
        onChange={(cadence) => set({ cadence })}
        label={stageLabel}
        path={(stage) => `cadenceByStage.${stage}`}
        field={field}
        max={3650}
      />
    </fieldset>
  )
}

/** The board's soft WIP limits and card density. */
export function BoardSection({ form, set, field }: SectionProps) {
  return (
    <fieldset>
      <legend>Board</legend>
      <p className="field-hint">
        A soft limit per column: its count turns amber past it, and nothing is refused. Leave empty
        for no limit.
      </p>
      <StageNumbers
        values={form.wip}
        onChange={(wip) => set({ wip })}
        label={(stage) => `${stageLabel(stage)} limit`}
        path={(stage) => `wipLimits.${stage}`}
        field={field}
        max={10000}
      />
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
  )
}

/** How the app runs: the tray and the login item. */
export function AppSection({ form, set }: SectionProps) {
  return (
    <fieldset>
      <legend>App</legend>
      <Check checked={form.closeToTray} onChange={(closeToTray) => set({ closeToTray })}>
        Keep running in the tray when the window is closed
      </Check>
      <Check checked={form.launchAtLogin} onChange={(launchAtLogin) => set({ launchAtLogin })}>
        Open Vouch at login
      </Check>
    </fieldset>
  )
}
