import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '@shared/domain'
import { Op } from './ops'
import { decodeStoreFile } from './schema'

/** A contact as schema version 2 stored it: none of the fields version 3 added. */
const v2Contact = {
  id: 'c1',
  name: 'Zoë Martin',
  title: 'Engineering manager',
  company: 'Acme',
  relationship: 'former-manager',
  field: '',
  email: 'zoe@example.com',
  phone: '',
  links: [],
  howWeMet: '',
  notes: '',
  tags: ['acme'],
  cadenceDays: null,
  credibility: 4,
  skills: [],
  workedTogether: '',
  stage: 'in-touch',
  order: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  trashedAt: null,
  snoozedUntil: null,
}

/** Settings as schema version 2 stored them. */
const v2Settings = {
  digestTime: '08:30',
  quietHours: { start: '22:00', end: '07:00' },
  notificationsEnabled: true,
  closeToTray: false,
  launchAtLogin: false,
  cadenceByStage: DEFAULT_SETTINGS.cadenceByStage,
  thankWithinDays: 3,
  targetSkills: ['leadership'],
}

describe('migration 2 → 3', () => {
  it('keeps every existing person on the board and fills the new fields and settings', () => {
    const decoded = decodeStoreFile(
      JSON.stringify({
        schemaVersion: 2,
        seq: 4,
        savedAt: '2026-01-02T00:00:00.000Z',
        contacts: [v2Contact],
        interactions: [],
        requests: [],
        updates: [],
        settings: v2Settings,
        reminders: { lastTickAt: null, log: {} },
        importBatches: [],
      }),
    )
    expect(decoded.kind).toBe('ok')
    if (decoded.kind !== 'ok') return
    expect(decoded.migratedFrom).toBe(2)
    expect(decoded.file.schemaVersion).toBe(3)
    const [contact] = decoded.file.contacts
    expect(contact).toMatchObject({
      ...v2Contact,
      triage: 'kept',
      nicknames: [],
      birthday: '',
      addresses: [],
      profiles: [],
      connectedOn: '',
    })
    expect(decoded.file.settings).toEqual({
      ...v2Settings,
      theme: 'system',
      density: 'comfortable',
      wipLimits: DEFAULT_SETTINGS.wipLimits,
      savedViews: [],
      weeklyReview: DEFAULT_SETTINGS.weeklyReview,
    })
  })

  it('rebuilds each stage history from the requests and touches stored', () => {
    const thanked = { ...v2Contact, id: 'c2', stage: 'thanked' }
    const decoded = decodeStoreFile(
      JSON.stringify({
        schemaVersion: 2,
        seq: 0,
        savedAt: '2026-03-02T00:00:00.000Z',
        contacts: [v2Contact, thanked],
        interactions: [
          {
            id: 'i1',
            contactId: 'c2',
            kind: 'thank-you',
            at: '2026-02-12T10:00:00.000Z',
            note: '',
            updateId: null,
            requestId: 'r1',
            createdAt: '2026-02-12T10:00:00.000Z',
          },
        ],
        requests: [
          {
            id: 'r1',
            contactId: 'c2',
            company: 'Initech',
            role: 'Staff engineer',
            dueBy: null,
            notes: '',
            status: 'given',
            outcome: 'unknown',
            askedAt: '2026-02-01T10:00:00.000Z',
            givenAt: '2026-02-10T10:00:00.000Z',
            thankBy: '2026-02-12T10:00:00.000Z',
            thankedAt: null,
            createdAt: '2026-02-01T10:00:00.000Z',
            updatedAt: '2026-02-12T10:00:00.000Z',
          },
        ],
        updates: [],
        settings: v2Settings,
        reminders: { lastTickAt: null, log: {} },
        importBatches: [],
      }),
    )
    expect(decoded.kind).toBe('ok')
    if (decoded.kind !== 'ok') return
    const [zoe, second] = decoded.file.contacts
    expect(zoe?.stageHistory).toEqual([{ stage: 'in-touch', at: v2Contact.createdAt }])
    expect(second?.stageHistory).toEqual([
      { stage: 'in-touch', at: v2Contact.createdAt },
      { stage: 'asked', at: '2026-02-01T10:00:00.000Z' },
      { stage: 'gave-reference', at: '2026-02-10T10:00:00.000Z' },
      { stage: 'thanked', at: '2026-02-12T10:00:00.000Z' },
    ])
  })

  it('reads journal lines an older version wrote, with the same defaults', () => {
    const put = Op.parse({ op: 'put', coll: 'contacts', value: v2Contact })
    expect(put.op === 'put' && put.coll === 'contacts' && put.value.triage).toBe('kept')
    const settings = Op.parse({ op: 'settings', value: v2Settings })
    expect(settings.op === 'settings' && settings.value.wipLimits.asked).toBe(3)
  })
})
