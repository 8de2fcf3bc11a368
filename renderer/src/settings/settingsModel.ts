import type { Settings, Theme } from '@shared/domain'
import type { Input } from '@shared/ipc'
import { STAGE_IDS, type StageId } from '@shared/stages'

/** The settings form as the inputs hold it: numbers as typed text. */
export interface SettingsForm {
  digestTime: string
  quietStart: string
  quietEnd: string
  notificationsEnabled: boolean
  closeToTray: boolean
  launchAtLogin: boolean
  /** Days per stage; empty (or absent) means no cadence in that stage. */
  cadence: Partial<Record<StageId, string>>
  thankWithinDays: string
  /** Saved as soon as it is chosen; kept here so a later Save does not undo it. */
  theme: Theme
  reviewEnabled: boolean
  /** Weekday of the weekly review, "0" (Sunday) to "6". */
  reviewDay: string
  reviewTime: string
  /** Soft WIP limit per stage; empty means none. */
  wip: Partial<Record<StageId, string>>
  density: Settings['density']
}

/** The form's fields, named as the core's issue paths name them. */
export type SettingsField =
  | 'digestTime'
  | 'quietHours.start'
  | 'quietHours.end'
  | 'thankWithinDays'
  | 'weeklyReview.time'
  | `cadenceByStage.${StageId}`
  | `wipLimits.${StageId}`

/** Every field of the form, for placing the core's issues beside them. */
export const SETTINGS_FIELDS: readonly SettingsField[] = [
  'digestTime',
  'quietHours.start',
  'quietHours.end',
  'thankWithinDays',
  'weeklyReview.time',
  ...STAGE_IDS.map((stage) => `cadenceByStage.${stage}` as const),
  ...STAGE_IDS.map((stage) => `wipLimits.${stage}` as const),
]

/** The form filled from the stored settings. */
export function toForm(settings: Settings): SettingsForm {
  const cadence: Partial<Record<StageId, string>> = {}
  const wip: Partial<Record<StageId, string>> = {}
  for (const stage of STAGE_IDS) {
    cadence[stage] = String(settings.cadenceByStage[stage] ?? '')
    wip[stage] = String(settings.wipLimits[stage] ?? '')
  }
  return {
    digestTime: settings.digestTime,
    quietStart: settings.quietHours.start,
    quietEnd: settings.quietHours.end,
    notificationsEnabled: settings.notificationsEnabled,
    closeToTray: settings.closeToTray,
    launchAtLogin: settings.launchAtLogin,
    cadence,
    thankWithinDays: String(settings.thankWithinDays),
    theme: settings.theme,
    reviewEnabled: settings.weeklyReview.enabled,
    reviewDay: String(settings.weeklyReview.day),
    reviewTime: settings.weeklyReview.time,
    wip,
    density: settings.density,
  }
}

/** A number as typed; NaN for anything else, which the core refuses with a message for the field. */
function parseNumber(text: string): number {
  const trimmed = text.trim()
  return trimmed === '' ? Number.NaN : Number(trimmed)
}

/** The settings.update input for the form; the core validates every field. */
export function toPatch(form: SettingsForm): Input<'settings.update'> {
  const cadenceByStage: Partial<Record<StageId, number | null>> = {}
  const wipLimits: Partial<Record<StageId, number | null>> = {}
  for (const stage of STAGE_IDS) {
    const text = (form.cadence[stage] ?? '').trim()
    cadenceByStage[stage] = text === '' ? null : parseNumber(text)
    const wip = (form.wip[stage] ?? '').trim()
    wipLimits[stage] = wip === '' ? null : parseNumber(wip)
  }
  // The core's zod schema checks these; the renderer does not duplicate its rules.
  return {
    digestTime: form.digestTime,
    quietHours: { start: form.quietStart, end: form.quietEnd },
    notificationsEnabled: form.notificationsEnabled,
    closeToTray: form.closeToTray,
    launchAtLogin: form.launchAtLogin,
    cadenceByStage,
    thankWithinDays: parseNumber(form.thankWithinDays),
    theme: form.theme,
    weeklyReview: {
      enabled: form.reviewEnabled,
      day: parseNumber(form.reviewDay),
      time: form.reviewTime,
    },
    wipLimits,
    density: form.density,
  }
}
