/**
 * A synthetic LinkedIn Connections.csv in the current export layout (see
 * /work/shared/corpora/CSV_FORMATS.md §1a): the three-line "Notes:" preamble, seven columns,
 * "DD Mon YYYY" dates, quoted commas, and e-mail addresses on a few rows only. Cells and dates
 * are written by the import code's own CSV writer and LinkedIn date pattern.
 */

import { format, parseISO } from 'date-fns'
import { LINKEDIN_DATE } from '../electron/core/import/csv'
import { csvText } from '../electron/core/import/export'

const FIRST = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Tomás',
  'Zoë',
  'Hannah',
  'Jonas',
  'Mei',
  'Samuel',
  'Clara',
  'Daniel',
  'Aisha',
  'Lucas',
  'Sofia',
  'Ethan',
  'Priya',
  'Björn',
  'Chidi',
  'Léa',
  'Mateo',
  'Yuki',
  'Olga',
  'Rafael',
  'Ingrid',
  'Kwame',
  'Nadia',
  'Pavel',
  'Amara',
  'Diego',
  'Elif',
] as const

const LAST = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Herrera',
  'Okafor',
  'Weber',
  'Lin',
  'Adeyemi',
  'Rossi',
  'Cohen',
  'Rahman',
  'Martin',
  'Novak',
  'Brooks',
  'Natarajan',
  'Lindqvist',
  'Mensah',
  'Dubois',
  'García',
  'Tanaka',
  'Petrova',
  'Silva',
  'Berg',
  'Osei',
  'Haddad',
  'Novotný',
  'Eze',
  'Fernández',
  'Yılmaz',
  'Kowalski',
  'Andersen',
  'Moreau',
  'Nakamura',
  'Schmidt',
  'Park',
  'Costa',
] as const

const COMPANIES = [
  'Northwind',
  'Lumen Labs',
  'Fieldstone',
  'Atlas & Co',
  'Brightwater',
  'Keystone',
  'Vellum',
  'Harbor',
  'Quarry',
  'Meridian',
  'Acme, Inc.',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  '80,000 Hours',
  'Hooli',
  'Pied Piper',
  'Wayne Enterprises',
  'Cyberdyne',
] as const

const TITLES = [
  'Software Engineer',
  'Senior Software Engineer',
  'Staff Engineer',
  'Engineering Manager',
  'Director, Engineering',
  'Product Manager',
  'Designer',
  'Data Scientist',
  'CTO',
  'Founder & CEO',
  'Recruiter',
  'VP of Engineering',
  'Tech Lead | Platform',
  'Developer Advocate',
] as const

function pick<T>(list: readonly T[], i: number): T {
  const value = list[i % list.length]
  if (value === undefined) throw new Error('empty list')
  return value
}

/** One generated connection, as the row says it. */
export interface Connection {
  first: string
  last: string
  name: string
  company: string
  title: string
  email: string
  /** yyyy-MM-dd */
  connectedOn: string
}

/** The i-th connection: deterministic, names unique by their number suffix. */
export function connection(i: number): Connection {
  const first = pick(FIRST, i)
  const last = `${pick(LAST, Math.floor(i / FIRST.length))} ${i + 1}`
  const year = 2012 + (i % 14)
  const month = (i * 7) % 12
  const day = 1 + ((i * 11) % 28)
  return {
    first,
    last,
    name: `${first} ${last}`,
    company: pick(COMPANIES, i * 3),
    title: pick(TITLES, i * 5),
    // About 2 % of LinkedIn rows carry an e-mail address.
    email: i % 50 === 7 ? `${first.toLowerCase()}.${i + 1}@example.com` : '',
    connectedOn: `${year}-${String(month + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  }
}

/** A Connections.csv with `count` rows, as LinkedIn's data export writes it. */
export function linkedInConnectionsCsv(count: number): string {
  const preamble = [
    'Notes:',
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will only see email addresses for connections who have allowed their connections to see or download their email address using this setting https://www.linkedin.com/psettings/privacy/email. You can learn more here https://www.linkedin.com/help/linkedin/answer/261"',
    '',
  ]
  const header = [
    'First Name',
    'Last Name',
    'URL',
    'Email Address',
    'Company',
    'Position',
    'Connected On',
  ]
  const rows = Array.from({ length: count }, (_, i) => {
    const c = connection(i)
    const url = `https://www.linkedin.com/in/${c.first.toLowerCase()}-${i + 1}`
    const connectedOn = format(parseISO(c.connectedOn), LINKEDIN_DATE)
    return [c.first, c.last, url, c.email, c.company, c.title, connectedOn]
  })
  return [...preamble, csvText([header, ...rows], '\n')].join('\n')
}
