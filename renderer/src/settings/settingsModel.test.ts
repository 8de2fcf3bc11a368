import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain'
import { SettingsPatch } from '@shared/workflowContract'
import { toForm, toPatch } from './settingsModel'

describe('the settings form', () => {
  it('round-trips the stored settings into a patch the core accepts', () => {
    const patch = toPatch(toForm(DEFAULT_SETTINGS))
    const parsed = SettingsPatch.safeParse(patch)
    expect(parsed.success).toBe(true)
    expect(patch).toMatchObject({
      digestTime: '09:00',
      quietHours: { start: '21:00', end: '08:00' },
      cadenceByStage: { identified: null, building: 30 },
      thankWithinDays: 2,
      weeklyReview: { enabled: true, day: 5, time: '16:00' },
      wipLimits: { asked: 3, building: null },
      density: 'comfortable',
    })
  })

  it('sends a WIP limit as a number, an empty one as none, and a bad one for the core to refuse', () => {
    const form = toForm(DEFAULT_SETTINGS)
    const patch = toPatch({ ...form, wip: { ...form.wip, asked: '', building: '12' } })
    expect(patch.wipLimits).toMatchObject({ asked: null, building: 12 })
    const bad = SettingsPatch.safeParse(toPatch({ ...form, wip: { ...form.wip, thanked: '0' } }))
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(['wipLimits.thanked'])
  })

  it('sends an empty cadence as none and text that is no number for the core to refuse', () => {
    const form = toForm(DEFAULT_SETTINGS)
    const patch = toPatch({
      ...form,
      cadence: { ...form.cadence, building: '' },
      thankWithinDays: 'x',
    })
    expect(patch.cadenceByStage?.building).toBeNull()
    const parsed = SettingsPatch.safeParse(patch)
    expect(parsed.success).toBe(false)
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['thankWithinDays'])
  })
})
