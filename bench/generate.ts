import { INTERACTION_KINDS, RELATIONSHIPS, type Contact, type Interaction } from '@shared/domain'
import { STAGE_IDS } from '@shared/stages'
import { createRandom } from '@testing/random'
import { emptyStoreFile, type StoreFile } from '../electron/core/store/schema'

const FIRST = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Alan',
  'Katherine',
  'Tim',
  'Barbara',
  'Dennis',
  'Frances',
  'Ken',
  'Radia',
  'Guido',
  'Sophie',
  'Yukihiro',
  'Anita',
  'Bjarne',
  'Hedy',
  'Edsger',
  'Shafi',
]
const LAST = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Turing',
  'Johnson',
  'Berners-Lee',
  'Liskov',
  'Ritchie',
  'Allen',
  'Thompson',
  'Perlman',
  'van Rossum',
  'Wilson',
  'Matsumoto',
  'Borg',
  'Stroustrup',
  'Lamarr',
  'Dijkstra',
  'Goldwasser',
]
const COMPANIES = [
  'Acme Corporation',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Enterprises',
  'Hooli',
  'Pied Piper',
  'Vandelay Industries',
  'Soylent Foods',
]
const TITLES = [
  'Senior Software Engineer',
  'Engineering Manager',
  'Director of Product',
  'Staff Designer',
  'VP Engineering',
  'Data Scientist',
  'Professor of Computer Science',
  'CTO',
]
const WORDS =
  'met at the conference worked together on the payments migration great mentor strong reviewer led the platform team knows hiring managers in fintech shipped the redesign on time'.split(
    ' ',
  )

function words(random: () => number, n: number): string {
  return Array.from({ length: n }, () => WORDS[Math.floor(random() * WORDS.length)]).join(' ')
}

/** A realistic data file: `contacts` people and `interactionsPerContact` touches each. */
export function generateStoreFile(
  contacts: number,
  interactionsPerContact: number,
  seed = 1,
): StoreFile {
  const random = createRandom(seed).next
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const file = emptyStoreFile(new Date('2026-11-01T00:00:00Z'))
  const base = Date.parse('2020-01-01T00:00:00Z')
  const span = Date.parse('2026-11-01T00:00:00Z') - base
  for (let i = 0; i < contacts; i++) {
    const first = pick(FIRST)
    const last = pick(LAST)
    const created = new Date(base + random() * span * 0.5).toISOString()
    const contact: Contact = {
      id: `c${i.toString(36).padStart(6, '0')}-${Math.floor(random() * 1e9).toString(36)}`,
      name: `${first} ${last}`,
      title: pick(TITLES),
      company: pick(COMPANIES),
      relationship: pick(RELATIONSHIPS),
      field: 'Software',
      email: `${first}.${last}${i}@example.com`.toLowerCase().replace(/\s/g, ''),
      phone: random() < 0.4 ? `+1 555 ${String(1000000 + i).slice(-7)}` : '',
      links:
        random() < 0.5 ? [`https://www.linkedin.com/in/${first}-${last}-${i}`.toLowerCase()] : [],
      howWeMet: random() < 0.6 ? words(random, 8) : '',
      notes: random() < 0.7 ? words(random, 10 + Math.floor(random() * 60)) : '',
      tags:
        random() < 0.6
          ? [pick(['fintech', 'mentor', 'ex-acme', 'conference', 'hiring-manager'])]
          : [],
      cadenceDays: random() < 0.2 ? 30 : null,
      credibility: random() < 0.5 ? 1 + Math.floor(random() * 5) : null,
      skills:
        random() < 0.4 ? ['leadership', 'typescript'].slice(0, 1 + Math.floor(random() * 2)) : [],
      workedTogether: random() < 0.3 ? '2019–2022' : '',
      nicknames: [],
      birthday: '',
      addresses: [],
      profiles: [],
      connectedOn: '',
      stage: pick(STAGE_IDS),
      triage: 'kept',
      stageHistory: [],
      order: i,
      createdAt: created,
      updatedAt: created,
      trashedAt: null,
      snoozedUntil: null,
    }
    file.contacts.push(contact)
    for (let k = 0; k < interactionsPerContact; k++) {
      const at = new Date(
        Date.parse(created) + random() * (Date.parse('2026-11-01T00:00:00Z') - Date.parse(created)),
      ).toISOString()
      const interaction: Interaction = {
        id: `${contact.id}-i${k}`,
        contactId: contact.id,
        kind: pick(INTERACTION_KINDS),
        at,
        note: random() < 0.5 ? words(random, 4 + Math.floor(random() * 20)) : '',
        updateId: null,
        requestId: null,
        createdAt: at,
      }
      file.interactions.push(interaction)
    }
  }
  return file
}
