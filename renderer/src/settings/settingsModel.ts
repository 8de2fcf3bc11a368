import type { Settings } from '@shared/domain'
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
  | `cadenceByStage.${StageId}`
  | `wipLimits.${StageId}`

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
    wipLimits,
    density: form.density,
  }
}

/** Issues keyed by the field they concern; the rest as sentences. */
export function issuesByField(issues: readonly { path: string; message: string }[]): {
  fields: Partial<Record<string, string>>
  other: string[]
} {
  const fields: Partial<Record<string, string>> = {}
  const other: string[] = []
  for (const issue of issues) {
    if (issue.path === '') other.push(issue.message)
    else fields[issue.path] ??= issue.message
  }
  return { fields, other }
}
