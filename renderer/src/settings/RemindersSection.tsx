import { Field } from '../ui/form/Field'
import { Check, TimeField, type SectionProps } from './settingsControls'

/** Weekday names by JavaScript's day number, Sunday first. */
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

/** Digest time, quiet hours, the weekly review, notifications and the thank-you delay. */
export function RemindersSection({ form, set, field }: SectionProps) {
  return (
    <fieldset>
      <legend>Reminders</legend>
      <TimeField
        label="Daily digest at"
        value={form.digestTime}
        onChange={(digestTime) => set({ digestTime })}
        error={field('digestTime')}
        hint="One notification a day listing everyone due, when anything is."
      />
      <div className="settings-row">
        <TimeField
          label="Quiet hours from"
          value={form.quietStart}
          onChange={(quietStart) => set({ quietStart })}
          error={field('quietHours.start')}
        />
        <TimeField
          label="until"
          value={form.quietEnd}
          onChange={(quietEnd) => set({ quietEnd })}
          error={field('quietHours.end')}
          hint="Nothing is shown in quiet hours; what falls due waits until they end."
        />
      </div>
      <div className="settings-row">
        <Field label="Weekly review on">
          {(p) => (
            <select
              {...p}
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
          )}
        </Field>
        <TimeField
          label="at"
          value={form.reviewTime}
          disabled={!form.reviewEnabled}
          onChange={(reviewTime) => set({ reviewTime })}
          error={field('weeklyReview.time')}
          hint="One notification a week for a five-minute review: the week, who is overdue, thanks owed."
        />
      </div>
      <Check checked={form.reviewEnabled} onChange={(reviewEnabled) => set({ reviewEnabled })}>
        Remind me of the weekly review
      </Check>
      <Check
        checked={form.notificationsEnabled}
        onChange={(notificationsEnabled) => set({ notificationsEnabled })}
      >
        Show notifications
      </Check>
      <Field label="Thank a reference within (days)" {...field('thankWithinDays')}>
        {(p) => (
          <input
            type="number"
            min={0}
            max={60}
            value={form.thankWithinDays}
            onChange={(e) => set({ thankWithinDays: e.target.value })}
            {...p}
          />
        )}
      </Field>
    </fieldset>
  )
}
