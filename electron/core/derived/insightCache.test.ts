import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Contact } from '@shared/domain'
import { openCore, type Core } from '..'
import { makeTempDir, unwrap } from '@testing/core/tempDir'

interface Insights {
  contacts: Array<{ contactId: string; touch: { state: string; daysSince: number | null } }>
}

let dir: string
let remove: () => Promise<void>
let core: Core
let now = new Date('2026-03-01T10:00:00Z')

beforeEach(async () => {
  ;({ dir, remove } = await makeTempDir())
  core = await openCore({ dataDir: dir, now: () => now })
})
afterEach(async () => {
  await core.close()
  await remove()
})

async function touchOf(id: string) {
  const insights = unwrap(await core.invoke('board.insights', {})) as Insights
  return insights.contacts.find((c) => c.contactId === id)?.touch
}

describe('cached insights follow every change that matters', () => {
  it('after a touch, a new day, a cadence edit, a settings change and a snooze', async () => {
    const ada = unwrap(
      await core.invoke('contact.create', { name: 'Ada', stage: 'in-touch', cadenceDays: 10 }),
    ) as Contact
    expect(await touchOf(ada.id)).toMatchObject({ state: 'ok', daysSince: 0 })
    now = new Date('2026-03-12T10:00:00Z')
    expect(await touchOf(ada.id)).toMatchObject({ state: 'due', daysSince: 11 })
    unwrap(await core.invoke('contact.update', { id: ada.id, cadenceDays: 5 }))
    expect(await touchOf(ada.id)).toMatchObject({ state: 'overdue' })
    unwrap(await core.invoke('interaction.log', { contactId: ada.id, kind: 'call' }))
    expect(await touchOf(ada.id)).toMatchObject({ state: 'ok', daysSince: 0 })
    const today = unwrap(await core.invoke('today.get', {})) as { overdue: unknown[] }
    expect(today.overdue).toEqual([])
    // A note does not reset the clock, and deleting the call brings the overdue state back.
    const calls = unwrap(await core.invoke('interaction.list', { contactId: ada.id })) as Array<{
      id: string
    }>
    unwrap(await core.invoke('interaction.delete', { id: calls[0]?.id }))
    expect(await touchOf(ada.id)).toMatchObject({ state: 'overdue' })
    unwrap(await core.invoke('contact.update', { id: ada.id, cadenceDays: null }))
    unwrap(await core.invoke('settings.update', { cadenceByStage: { 'in-touch': null } }))
    expect(await touchOf(ada.id)).toMatchObject({ state: 'none' })
  })
})
