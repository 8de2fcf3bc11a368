import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openCore, type Core } from '..'
import { makeTempDir } from '@testing/core/tempDir'

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
  const insights = await core.call('board.insights', {})
  return insights.contacts.find((c) => c.contactId === id)?.touch
}

describe('cached insights follow every change that matters', () => {
  it('after a touch, a new day, a cadence edit, a settings change and a snooze', async () => {
    const ada = await core.call('contact.create', {
      name: 'Ada',
      stage: 'in-touch',
      cadenceDays: 10,
    })
    expect(await touchOf(ada.id)).toMatchObject({ state: 'ok', daysSince: 0 })
    now = new Date('2026-03-12T10:00:00Z')
    expect(await touchOf(ada.id)).toMatchObject({ state: 'due', daysSince: 11 })
    await core.call('contact.update', { id: ada.id, cadenceDays: 5 })
    expect(await touchOf(ada.id)).toMatchObject({ state: 'overdue' })
    await core.call('interaction.log', { contactId: ada.id, kind: 'call' })
    expect(await touchOf(ada.id)).toMatchObject({ state: 'ok', daysSince: 0 })
    const today = await core.call('today.get', {})
    expect(today.overdue).toEqual([])
    // A note does not reset the clock, and deleting the call brings the overdue state back.
    const [call] = await core.call('interaction.list', { contactId: ada.id })
    if (!call) throw new Error('the call was not logged')
    await core.call('interaction.delete', { id: call.id })
    expect(await touchOf(ada.id)).toMatchObject({ state: 'overdue' })
    await core.call('contact.update', { id: ada.id, cadenceDays: null })
    await core.call('settings.update', { cadenceByStage: { 'in-touch': null } })
    expect(await touchOf(ada.id)).toMatchObject({ state: 'none' })
  })
})
