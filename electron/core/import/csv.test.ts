import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { CORPUS_DIR, corpusPresent } from '@testing/core/corpus'
import { describe, expect, it } from 'vitest'
import { parseContactsFile, suggestMapping } from '.'
import { linkedInDate, linkedInIsoDate } from './csv'

const corpus = CORPUS_DIR
const present = corpusPresent('CSV corpus tests')

const fromText = (text: string, name = 'Connections.csv') =>
  parseContactsFile(Buffer.from(text, 'utf8'), name)
const read = (file: string) => parseContactsFile(readFileSync(join(corpus, file)), file)

describe.skipIf(!present)('LinkedIn and Google CSV from the corpus', () => {
  it('LinkedIn 7 columns after a 4-line preamble', () => {
    const r = read(
      'linkedin-csv/flashesofbrilliance-linkedin-connections-toolkit/sample_connections.csv',
    )
    expect(r.format).toBe('linkedin-csv')
    expect(r.contacts.map((c) => c.name)).toEqual([
      'Ada Lovelace',
      'Grace Hopper',
      'Alan Turing',
      'Katherine Johnson',
      'Linus Torvalds',
      'Margaret Hamilton',
      'Tim Berners-Lee',
    ])
    const { source, ...ada } = r.contacts[0] ?? { source: null }
    expect(source).toEqual({ line: 6 })
    expect(ada).toEqual({
      name: 'Ada Lovelace',
      company: 'Analytical Engines',
      title: 'Founder & CEO',
      links: ['https://www.linkedin.com/in/ada'],
      howWeMet: 'Connected on LinkedIn on 14 May 2026',
      connectedOn: '2026-05-14',
    })
    expect(r.contacts[6]?.howWeMet).toBe('Connected on LinkedIn')
  })

  it('LinkedIn with columns re-ordered (URL last) and emails', () => {
    const r = read('linkedin-csv/labeldekho-linkedin-network-intelligence/Connections.csv')
    expect(r.contacts[0]).toMatchObject({
      name: 'Alice Johnson',
      email: 'alice.johnson@techcorp.com',
      company: 'TechCorp',
      title: 'CTO',
      links: ['https://linkedin.com/in/alicejohnson'],
      howWeMet: 'Connected on LinkedIn on 15 Jan 2023',
    })
    expect(r.contacts[2]?.email).toBeUndefined()
  })

  it('Google legacy layout: display name, else a name made from the email, flagged', () => {
    const r = read('google-csv/gmail-to-google-contacts/google_contacts.csv')
    expect(r.contacts.map((c) => c.nameFromEmail ?? false)).toEqual([false, true, false])
    expect(r.format).toBe('google-csv-legacy')
    expect(r.contacts.map((c) => [c.name, c.email])).toEqual([
      ['Richard Feynman', 'rich@caltech.edu'],
      ['Iforgotthisguysnamebutihavehisemail', 'iforgotthisguysnamebutihavehisemail@gmail.com'],
      ['Elon Musk', 'elon.musk@tesla.com'],
    ])
  })

  it('Thunderbird UTF-16LE CSV and Shift_JIS CSV need a mapping, then read correctly', () => {
    const utf16 = read('thunderbird/import-resources/utf16_addressbook.csv')
    expect(utf16.format).toBe('csv')
    expect(utf16.needsMapping?.columns.slice(0, 3)).toEqual([
      'First Name',
      'Last Name',
      'Display Name',
    ])
    const sjis = readFileSync(join(corpus, 'thunderbird/import-resources/shiftjis_addressbook.csv'))
    const mapped = parseContactsFile(sjis, 'x.csv', {
      mapping: { 'Display Name': 'name', 'Primary Email': 'email' },
    })
    expect(mapped.contacts[0]?.name).toBe(
      iconv.decode(sjis, 'shift_jis').split(/\r?\n/)[1]?.split(',')[2],
    )
    expect(mapped.contacts[0]?.name).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/)
  })
})

describe('LinkedIn Connections.csv variants', () => {
  const header7 = 'First Name,Last Name,URL,Email Address,Company,Position,Connected On'
  const row7 =
    'Jane,Doe,https://www.linkedin.com/in/jane-doe-123abc,,"Acme, Inc.","Director, Engineering",04 Mar 2021'

  it.each([
    [
      'BOM, CRLF, 3 preamble lines',
      `\uFEFFNotes:\r\n"When exporting…"\r\n\r\n${header7}\r\n${row7}\r\n`,
    ],
    ['no BOM, LF, no preamble, no final newline', `${header7}\n${row7}`],
    ['one preamble line', `Notes:\n${header7}\n${row7}\n`],
  ])('%s', (_label, text) => {
    const r = fromText(text)
    expect(r.format).toBe('linkedin-csv')
    expect(r.warnings).toEqual([])
    const { source: _s, ...c } = r.contacts[0] ?? { source: null }
    expect(c).toEqual({
      name: 'Jane Doe',
      company: 'Acme, Inc.',
      title: 'Director, Engineering',
      links: ['https://www.linkedin.com/in/jane-doe-123abc'],
      howWeMet: 'Connected on LinkedIn on 4 Mar 2021',
      connectedOn: '2021-03-04',
    })
  })

  it('the 6-column layout without URL, tabs in names, D-Mon-YY dates', () => {
    const r = fromText(
      'First Name,Last Name,Email Address,Company,Position,Connected On\nAda\t,Lovelace,ada@example.com,Engines,CEO,15-Jan-24\n,,,,,\n',
    )
    expect(r.contacts).toEqual([
      {
        name: 'Ada Lovelace',
        email: 'ada@example.com',
        company: 'Engines',
        title: 'CEO',
        howWeMet: 'Connected on LinkedIn on 15 Jan 2024',
        connectedOn: '2024-01-15',
        source: { line: 2 },
      },
    ])
    expect(r.warnings).toEqual([
      {
        where: 'line 3',
        message: 'No name, organisation or email address: this entry was skipped.',
      },
    ])
  })
})

describe('Google Contacts CSV', () => {
  it('2022+ layout: " ::: " values, primary marker, labels as tags without system groups', () => {
    const text = [
      'First Name,Middle Name,Last Name,Organization Name,Organization Title,Organization Department,Birthday,Notes,Labels,E-mail 1 - Label,E-mail 1 - Value,E-mail 2 - Label,E-mail 2 - Value,Phone 1 - Label,Phone 1 - Value,Website 1 - Label,Website 1 - Value',
      'Rob,,Stone,Acme,CTO,R&D,--03-15,"Line one\nLine two",* myContacts ::: * starred ::: Investors ::: Friends,Home,rob@home.example ::: rob2@home.example,* Work,rob@acme.example,Mobile,+1 555 0100 ::: +1 555 0101,,https://acme.example',
    ].join('\n')
    const r = parseContactsFile(Buffer.from(text), 'contacts.csv')
    expect(r.format).toBe('google-csv')
    const { source, ...c } = r.contacts[0] ?? { source: null }
    expect(source).toEqual({ line: 2 })
    expect(c).toEqual({
      name: 'Rob Stone',
      company: 'Acme',
      title: 'CTO',
      field: 'R&D',
      email: 'rob@acme.example',
      phone: '+1 555 0100',
      links: ['https://acme.example'],
      tags: ['Investors', 'Friends'],
      birthday: '--03-15',
      notes:
        'Line one\nLine two\nOther email: rob@home.example (Home)\nOther email: rob2@home.example (Home)\nOther phone: +1 555 0101 (Mobile)',
    })
  })

  it('legacy layout: Group Membership with " ::: " and Organization 1 columns', () => {
    const text = [
      'Name,Given Name,Additional Name,Family Name,Birthday,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title,Organization 1 - Department',
      '"Ann Lee, PhD",Ann,,Lee,1980-03-15,,* myContacts ::: * starred ::: Friends,* INTERNET,ann@example.com ::: ann@work.example,Telma,+261 20 22 123 45,Uni,Professor,Physics',
    ].join('\r\n')
    const r = parseContactsFile(Buffer.from(text), 'google.csv')
    expect(r.format).toBe('google-csv-legacy')
    expect(r.contacts[0]).toMatchObject({
      name: 'Ann Lee, PhD',
      email: 'ann@example.com',
      phone: '+261 20 22 123 45',
      company: 'Uni',
      title: 'Professor',
      field: 'Physics',
      tags: ['Friends'],
      birthday: '1980-03-15',
      notes: 'Other email: ann@work.example (INTERNET)',
    })
  })
})

describe('generic CSV', () => {
  const text = 'Display Name;Primary Email;Company\nJohn Doe;john@doe.invalid;Doe & Co\n'

  it('asks for a mapping with the columns and a sample', () => {
    const r = fromText(text, 'people.csv')
    expect(r).toEqual({
      format: 'csv',
      contacts: [],
      warnings: [],
      needsMapping: {
        columns: ['Display Name', 'Primary Email', 'Company'],
        sample: [['John Doe', 'john@doe.invalid', 'Doe & Co']],
      },
    })
  })

  it('reads contacts through a mapping; suggestMapping guesses the obvious columns', () => {
    const mapping = suggestMapping(['Display Name', 'Primary Email', 'Company'])
    expect({ ...mapping }).toEqual({
      'Display Name': 'name',
      'Primary Email': 'email',
      Company: 'company',
    })
    const r = parseContactsFile(Buffer.from(text), 'people.csv', { mapping })
    expect(r.contacts).toEqual([
      { name: 'John Doe', email: 'john@doe.invalid', company: 'Doe & Co', source: { line: 2 } },
    ])
  })

  it('several columns may feed the name; unknown relationship is a warning', () => {
    const r = parseContactsFile(Buffer.from('First,Last,Rel\nAda,Lovelace,boss\n'), 'x.csv', {
      mapping: { First: 'name', Last: 'name', Rel: 'relationship' },
    })
    expect(r.contacts[0]?.name).toBe('Ada Lovelace')
    expect(r.warnings).toEqual([
      { where: 'line 2', message: '"boss" is not a known relationship; left unset.' },
    ])
  })
})

describe('LinkedIn dates', () => {
  it('reads "Connected On" in the forms LinkedIn has written, and refuses what is no day', () => {
    const raw = ['04 Mar 2021', '4-Mar-21', '4 march 2021', '29 Feb 2024', '29 Feb 2023']
    expect(raw.map(linkedInIsoDate)).toEqual([
      '2021-03-04',
      '2021-03-04',
      '2021-03-04',
      '2024-02-29',
      '',
    ])
    const unread = ['31 Apr 2021', '4 Xyz 2021', '2021-03-04', 'last spring']
    expect(unread.map(linkedInIsoDate)).toEqual(['', '', '', ''])
    // Shown as a note when it is not a day: tidied where it can be, else as written.
    expect([' 04-sep-2019 ', '4 Xyz 2021'].map(linkedInDate)).toEqual(['4 Sep 2019', '4 Xyz 2021'])
  })
})
