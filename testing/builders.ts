import {
  CareerUpdate,
  Contact,
  DEFAULT_CONTACT_FIELDS,
  DEFAULT_SETTINGS,
  Interaction,
  ReferenceRequest,
  Settings,
} from '@shared/domain'

/** The instant builders use when a test does not say otherwise. */
export const BUILDER_EPOCH = '2024-01-01T09:00:00.000Z'

let sequence = 0

/** A fresh id with a readable prefix; tests that compare ids pass their own. */
export function nextTestId(prefix: string): string {
  sequence += 1
  return `${prefix}-${sequence}`
}

// Builders parse what they build so a malformed fixture fails loudly instead of testing nonsense.

/** A valid contact with sensible defaults; override any field. */
export function makeContact(overrides: Partial<Contact> = {}): Contact {
  return Contact.parse({
    ...DEFAULT_CONTACT_FIELDS,
    name: 'Ada Lovelace',
    id: nextTestId('contact'),
    stage: 'building',
    order: 0,
    createdAt: BUILDER_EPOCH,
    updatedAt: BUILDER_EPOCH,
    trashedAt: null,
    snoozedUntil: null,
    ...overrides,
  })
}

/** A valid touch (a message by default); override any field. */
export function makeInteraction(overrides: Partial<Interaction> = {}): Interaction {
  const at = overrides.at ?? BUILDER_EPOCH
  return Interaction.parse({
    id: nextTestId('interaction'),
    contactId: 'contact-unknown',
    kind: 'message',
    at,
    note: '',
    updateId: null,
    requestId: null,
    createdAt: at,
    ...overrides,
  })
}

/** A valid reference request in status `asked`; override any field. */
export function makeRequest(overrides: Partial<ReferenceRequest> = {}): ReferenceRequest {
  const askedAt = overrides.askedAt ?? BUILDER_EPOCH
  return ReferenceRequest.parse({
    id: nextTestId('request'),
    contactId: 'contact-unknown',
    company: 'Globex',
    role: 'Staff Engineer',
    dueBy: null,
    notes: '',
    status: 'asked',
    outcome: 'unknown',
    askedAt,
    givenAt: null,
    thankBy: null,
    thankedAt: null,
    createdAt: askedAt,
    updatedAt: askedAt,
    ...overrides,
  })
}

/** A valid career update; override any field. */
export function makeUpdate(overrides: Partial<CareerUpdate> = {}): CareerUpdate {
  const at = overrides.at ?? BUILDER_EPOCH
  return CareerUpdate.parse({
    id: nextTestId('update'),
    title: 'Promoted to Staff Engineer',
    body: 'I now lead the platform team.',
    at,
    createdAt: at,
    ...overrides,
  })
}

/** The default settings with some fields replaced. */
export function makeSettings(overrides: Partial<Settings> = {}): Settings {
  return Settings.parse({ ...DEFAULT_SETTINGS, ...overrides })
}
