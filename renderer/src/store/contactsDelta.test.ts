import { afterEach, describe, expect, it } from 'vitest'
import { installFakeCore, makeContact } from '../test/fakeBridge'
import { ContactsStore } from './contacts'

const ada = makeContact({ name: 'Ada', order: 0 })
const grace = makeContact({ name: 'Grace', order: 1 })
const linus = makeContact({ name: 'Linus', order: 0, stage: 'building' })

async function loadedStore(): Promise<{ store: ContactsStore; calls: () => number }> {
  const core = installFakeCore([ada, grace, linus])
  const store = new ContactsStore()
  await store.refresh()
  const lists = () => core.calls.filter((c) => c.command === 'contact.list').length
  return { store, calls: lists }
}

describe('ContactsStore.applyDelta', () => {
  afterEach(() => {
    Reflect.deleteProperty(window, 'vouch')
  })

  it('re-places a moved contact by its order without re-fetching', async () => {
    const { store, calls } = await loadedStore()
    const before = calls()
    store.applyDelta({ put: [{ ...ada, stage: 'building', order: 1 }], deleted: [] })
    const { columns, byId } = store.getSnapshot()
    expect(columns.identified).toEqual(['grace'])
    expect(columns.building).toEqual(['linus', 'ada'])
    expect(byId.get('ada')?.stage).toBe('building')
    expect(calls()).toBe(before)
  })

  it('keeps untouched columns and contacts as they were, so memoised cards skip rendering', async () => {
    const { store } = await loadedStore()
    const { columns, byId } = store.getSnapshot()
    store.applyDelta({
      put: [{ ...grace, notes: 'x', updatedAt: '2025-02-01T00:00:00.000Z' }],
      deleted: [],
    })
    const next = store.getSnapshot()
    expect(next.columns.building).toBe(columns.building)
    expect(next.byId.get('ada')).toBe(byId.get('ada'))
    expect(next.byId.get('grace')?.notes).toBe('x')
  })

  it('drops trashed and deleted contacts, and agrees with an optimistic move', async () => {
    const { store } = await loadedStore()
    store.applyMove('grace', 'building', 0)
    store.applyDelta({
      put: [
        { ...grace, stage: 'building', order: -1 },
        { ...ada, trashedAt: '2025-02-01T00:00:00.000Z' },
      ],
      deleted: ['linus'],
    })
    const { columns, byId } = store.getSnapshot()
    expect(columns.identified).toEqual([])
    expect(columns.building).toEqual(['grace'])
    expect(byId.has('ada')).toBe(false)
    expect(byId.has('linus')).toBe(false)
  })
})
