import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { makeContact } from '@testing/builders'
import { CORPUS_DIR, corpusPresent } from '@testing/core/corpus'
import { detectDelimiter, lastCommaFirst } from './csv'
import { nameFromEmailAddress, readBirthday } from './draft'
import { findDuplicates, parseContactsFile, suggestMapping } from './index'
import type { ColumnMapping, ImportedContact, ParseResult } from './index'
import { mergeInto } from './merge'
import { OUTLOOK_HEADERS } from './outlook'

const corpus = CORPUS_DIR
const present = corpusPresent('Outlook, jCard and xCard corpus tests')

const parse = (text: string, name = 'contacts.csv', mapping?: ColumnMapping) =>
  parseContactsFile(Buffer.from(text, 'utf8'), name, mapping ? { mapping } : {})
const strip = ({ source: _source, ...rest }: ImportedContact) => rest
const csv = (rows: string[][], delimiter = ',') =>
  `${Papa.unparse(rows, { delimiter, newline: '\r\n', quotes: true })}\r\n`

/** Outlook 2016's English export header, in Outlook's column order (all 92 columns). */
const OUTLOOK_EN = [
  'Title',
  'First Name',
  'Middle Name',
  'Last Name',
  'Suffix',
  'Company',
  'Department',
  'Job Title',
  'Business Street',
  'Business Street 2',
  'Business Street 3',
  'Business City',
  'Business State',
  'Business Postal Code',
  'Business Country/Region',
  'Home Street',
  'Home Street 2',
  'Home Street 3',
  'Home City',
  'Home State',
  'Home Postal Code',
  'Home Country/Region',
  'Other Street',
  'Other Street 2',
  'Other Street 3',
  'Other City',
  'Other State',
  'Other Postal Code',
  'Other Country/Region',
  "Assistant's Phone",
  'Business Fax',
  'Business Phone',
  'Business Phone 2',
  'Callback',
  'Car Phone',
  'Company Main Phone',
  'Home Fax',
  'Home Phone',
  'Home Phone 2',
  'ISDN',
  'Mobile Phone',
  'Other Fax',
  'Other Phone',
  'Pager',
  'Primary Phone',
  'Radio Phone',
  'TTY/TDD Phone',
  'Telex',
  'Account',
  'Anniversary',
  "Assistant's Name",
  'Billing Information',
  'Birthday',
  'Business Address PO Box',
  'Categories',
  'Children',
  'Directory Server',
  'E-mail Address',
  'E-mail Type',
  'E-mail Display Name',
  'E-mail 2 Address',
  'E-mail 2 Type',
  'E-mail 2 Display Name',
  'E-mail 3 Address',
  'E-mail 3 Type',
  'E-mail 3 Display Name',
  'Gender',
  'Government ID Number',
  'Hobby',
  'Home Address PO Box',
  'Initials',
  'Internet Free Busy',
  'Keywords',
  'Language',
  'Location',
  "Manager's Name",
  'Mileage',
  'Notes',
  'Office Location',
  'Organizational ID Number',
  'Other Address PO Box',
  'Priority',
  'Private',
  'Profession',
  'Referred By',
  'Sensitivity',
  'Spouse',
  'User 1',
  'User 2',
  'User 3',
  'User 4',
  'Web Page',
]

/** The same export from a German Outlook, column for column. */
const OUTLOOK_DE = [
  'Anrede',
  'Vorname',
  'Weitere Vornamen',
  'Nachname',
  'Suffix',
  'Firma',
  'Abteilung',
  'Position',
  'Straße geschäftlich',
  'Straße geschäftlich 2',
  'Straße geschäftlich 3',
  'Ort geschäftlich',
  'Region geschäftlich',
  'Postleitzahl geschäftlich',
  'Land/Region geschäftlich',
  'Straße privat',
  'Straße privat 2',
  'Straße privat 3',
  'Ort privat',
  'Bundesland/Kanton privat',
  'Postleitzahl privat',
  'Land/Region privat',
  'Weitere Straße',
  'Weitere Straße 2',
  'Weitere Straße 3',
  'Weiterer Ort',
  'Weiteres/r Bundesland/Kanton',
  'Weitere Postleitzahl',
  'Weiteres/e Land/Region',
  'Telefon Assistent',
  'Fax geschäftlich',
  'Telefon geschäftlich',
  'Telefon geschäftlich 2',
  'Rückmeldung',
  'Autotelefon',
  'Telefon Firma',
  'Fax privat',
  'Telefon privat',
  'Telefon privat 2',
  'ISDN',
  'Mobiltelefon',
  'Weiteres Fax',
  'Weiteres Telefon',
  'Pager',
  'Haupttelefon',
  'Mobiltelefon 2',
  'Telefon für Hörbehinderte',
  'Telex',
  'Konto',
  'Jahrestag',
  'Name Assistent',
  'Abrechnungsinformation',
  'Geburtstag',
  'Postfach geschäftlich',
  'Kategorien',
  'Kinder',
  'Verzeichnisserver',
  'E-Mail-Adresse',
  'E-Mail-Typ',
  'E-Mail: Angezeigter Name',
  'E-Mail 2: Adresse',
  'E-Mail 2: Typ',
  'E-Mail 2: Angezeigter Name',
  'E-Mail 3: Adresse',
  'E-Mail 3: Typ',
  'E-Mail 3: Angezeigter Name',
  'Geschlecht',
  'Regierungsnr.',
  'Hobby',
  'Postfach privat',
  'Initialen',
  'Internet-Frei/Gebucht',
  'Stichwörter',
  'Sprache',
  'Ort',
  'Name des/der Vorgesetzten',
  'Reisekilometer',
  'Notizen',
  'Büro',
  'Organisationsnr.',
  'Weiteres Postfach',
  'Priorität',
  'Privat',
  'Beruf',
  'Empfohlen von',
  'Vertraulichkeit',
  'Partner',
  'Benutzer 1',
  'Benutzer 2',
  'Benutzer 3',
  'Benutzer 4',
  'Webseite',
]

/** A row in a header's column order; columns not given are empty, as Outlook writes them. */
const row = (header: string[], values: Record<string, string>) =>
  header.map((h) => values[h] ?? (h === 'Private' || h === 'Privat' ? 'False' : ''))

describe('Outlook CSV', () => {
  it('English export: honorific apart from the job title, three emails, addresses, categories', () => {
    const text = csv([
      OUTLOOK_EN,
      row(OUTLOOK_EN, {
        Title: 'Mr.',
        'First Name': 'John',
        'Middle Name': 'Quincy',
        'Last Name': 'Smith',
        Suffix: 'Jr.',
        Company: 'Contoso Ltd.',
        Department: 'Sales',
        'Job Title': 'Sales Manager',
        'Business Street': '1 Microsoft Way',
        'Business Street 2': 'Building 4',
        'Business City': 'Redmond',
        'Business State': 'WA',
        'Business Postal Code': '98052',
        'Business Country/Region': 'United States of America',
        'Home City': 'Seattle',
        'Business Phone': '+1 (425) 555-0100',
        'Mobile Phone': '+1 (425) 555-0199',
        Birthday: '5/24/1980',
        Categories: 'VIP;Customers',
        'E-mail Address': 'john.smith@contoso.com',
        'E-mail Type': 'SMTP',
        'E-mail Display Name': 'John Smith (john.smith@contoso.com)',
        'E-mail 2 Address': 'john@home.example',
        Notes: 'Met at Ignite.\nLikes sailing.',
        'Web Page': 'www.contoso.com',
      }),
      row(OUTLOOK_EN, {
        Title: 'Dr.',
        'First Name': 'Jane',
        'Last Name': 'Doe',
        Birthday: '0/0/00',
        'E-mail 3 Address': 'jane@doe.example',
      }),
    ])
    // Outlook.com and Google's "Outlook CSV" add these columns.
    const outlookCom = csv([
      [
        'First Name',
        'Last Name',
        'Nickname',
        'E-mail Address',
        'IMAddress',
        'Job Title',
        'Company',
        'Personal Web Page',
        'Business Phone',
        'Mobile Phone',
        'Notes',
      ],
      [
        'Kim',
        'Lee',
        'KL',
        'kim@example.com',
        'kim@im.example',
        'CFO',
        'Fabrikam',
        'https://kim.example',
        '',
        '555 0100 200',
        '',
      ],
    ])
    expect(parse(outlookCom).contacts.map(strip)).toEqual([
      {
        name: 'Kim Lee',
        company: 'Fabrikam',
        title: 'CFO',
        email: 'kim@example.com',
        phone: '555 0100 200',
        links: ['https://kim.example'],
        nicknames: ['KL'],
        profiles: [{ service: '', handle: 'kim@im.example' }],
      },
    ])
    const r = parse(text, 'contacts.CSV')
    expect(r.format).toBe('outlook-csv')
    expect(r.warnings).toEqual([])
    expect(r.contacts.map(strip)).toEqual([
      {
        name: 'John Quincy Smith Jr.',
        company: 'Contoso Ltd.',
        title: 'Sales Manager',
        field: 'Sales',
        email: 'john.smith@contoso.com',
        phone: '+1 (425) 555-0199',
        links: ['https://www.contoso.com'],
        tags: ['VIP', 'Customers'],
        birthday: '1980-05-24',
        addresses: [
          {
            label: 'Work',
            street: '1 Microsoft Way, Building 4',
            city: 'Redmond',
            region: 'WA',
            postalCode: '98052',
            country: 'United States of America',
          },
          { label: 'Home', street: '', city: 'Seattle', region: '', postalCode: '', country: '' },
        ],
        notes:
          'Met at Ignite.\nLikes sailing.\nHonorific: Mr.\nOther email: john@home.example\nOther phone: +1 (425) 555-0100 (Work)',
      },
      { name: 'Jane Doe', email: 'jane@doe.example', notes: 'Honorific: Dr.' },
    ])
  })

  it('German export in Windows-1252: Anrede, Position, E-Mail-Adresse, dates day first', () => {
    const text = csv([
      OUTLOOK_DE,
      row(OUTLOOK_DE, {
        Anrede: 'Frau',
        Vorname: 'Anna',
        Nachname: 'Müller',
        Firma: 'Beispiel GmbH',
        Abteilung: 'Vertrieb',
        Position: 'Leiterin Vertrieb',
        'Straße geschäftlich': 'Hauptstraße 1',
        'Ort geschäftlich': 'München',
        'Postleitzahl geschäftlich': '80331',
        'Land/Region geschäftlich': 'Deutschland',
        'Telefon geschäftlich': '+49 89 1234567',
        Geburtstag: '3.7.1975',
        Kategorien: 'Kunden;Wichtig',
        'E-Mail-Adresse': 'anna.mueller@beispiel.de',
        Notizen: 'Über die Messe kennengelernt.',
        Webseite: 'https://beispiel.de',
      }),
      row(OUTLOOK_DE, {
        Vorname: 'Jürgen',
        'Weitere Vornamen': 'K.',
        Nachname: 'Groß',
        Firma: 'Groß & Söhne',
        Position: 'Geschäftsführer',
        'E-Mail 2: Adresse': 'jg@gross.example',
        Geburtstag: '0.0.00',
      }),
    ])
    const r = parseContactsFile(iconv.encode(text, 'windows-1252'), 'Kontakte.csv')
    expect(r.format).toBe('outlook-csv')
    expect(r.warnings).toEqual([])
    expect(r.contacts.map(strip)).toEqual([
      {
        name: 'Anna Müller',
        company: 'Beispiel GmbH',
        title: 'Leiterin Vertrieb',
        field: 'Vertrieb',
        email: 'anna.mueller@beispiel.de',
        phone: '+49 89 1234567',
        links: ['https://beispiel.de'],
        tags: ['Kunden', 'Wichtig'],
        birthday: '1975-07-03',
        addresses: [
          {
            label: 'Work',
            street: 'Hauptstraße 1',
            city: 'München',
            region: '',
            postalCode: '80331',
            country: 'Deutschland',
          },
        ],
        notes: 'Über die Messe kennengelernt.\nHonorific: Frau',
      },
      {
        name: 'Jürgen K. Groß',
        company: 'Groß & Söhne',
        title: 'Geschäftsführer',
        email: 'jg@gross.example',
      },
    ])
  })

  it.each(Object.keys(OUTLOOK_HEADERS))('recognises the %s header set', (language) => {
    const headers = OUTLOOK_HEADERS[language]
    if (headers === undefined) throw new Error(language)
    const header = Object.values(headers).filter((h) => h !== '')
    const values: Record<string, string> = {
      [headers.FirstName]: 'Ana',
      [headers.LastName]: 'Lima',
      [headers.EmailAddress]: 'ana@example.com',
      [headers.Company]: 'Acme',
      [headers.JobTitle]: 'CTO',
    }
    const r = parse(csv([header, row(header, values)]))
    expect(r.format).toBe('outlook-csv')
    expect(r.contacts.map(strip)).toEqual([
      { name: 'Ana Lima', email: 'ana@example.com', company: 'Acme', title: 'CTO' },
    ])
  })
})

describe('generic CSV suggestions', () => {
  it('composes given, middle and family names; every e-mail and phone column; honorific apart', () => {
    const columns = [
      'Title',
      'First Name',
      'Middle Name',
      'Last Name',
      'Email Home',
      'Email Work',
      'E-mail 2 Address',
      'E-mail 2 Type',
      'Job Title',
      'Company',
      'Mobile',
      'Work Phone',
      'Birthday',
    ]
    expect({ ...suggestMapping(columns) }).toEqual({
      Title: 'honorific',
      'First Name': 'givenName',
      'Middle Name': 'middleName',
      'Last Name': 'familyName',
      'Email Home': 'email',
      'Email Work': 'email',
      'E-mail 2 Address': 'email',
      'Job Title': 'title',
      Company: 'company',
      Mobile: 'phone',
      'Work Phone': 'phone',
      Birthday: 'birthday',
    })
    const text = csv([
      columns,
      ['Dr.', 'Grace', 'Brewster', 'Hopper', '', 'grace@navy.example', '', '', 'Rear Admiral'],
      ['', 'Alan', '', 'Turing', 'alan@home.example', '', '', '', '', 'NPL', '', '', '1912-06-23'],
    ])
    const first = parse(text)
    expect(first.needsMapping?.columns).toEqual(columns)
    const r = parse(text, 'people.csv', suggestMapping(columns))
    expect(r.contacts.map(strip)).toEqual([
      {
        name: 'Grace Brewster Hopper',
        email: 'grace@navy.example',
        title: 'Rear Admiral',
        notes: 'Honorific: Dr.',
      },
      { name: 'Alan Turing', email: 'alan@home.example', company: 'NPL', birthday: '1912-06-23' },
    ])
  })

  it('prefers a display name and falls back to the composed one', () => {
    const columns = ['Display Name', 'First Name', 'Last Name']
    const mapping = suggestMapping(columns)
    expect({ ...mapping }).toEqual({
      'Display Name': 'name',
      'First Name': 'givenName',
      'Last Name': 'familyName',
    })
    const r = parse(
      csv([columns, ['JD Smith', 'John', 'Smith'], ['', 'Ann', 'Lee']]),
      'x.csv',
      mapping,
    )
    expect(r.contacts.map((c) => c.name)).toEqual(['JD Smith', 'Ann Lee'])
  })

  it('reads "Last, First" name cells, but not suffixes or companies', () => {
    expect(lastCommaFirst('Doe, Jane')).toBe('Jane Doe')
    expect(lastCommaFirst('van der Berg, Anna Maria')).toBe('Anna Maria van der Berg')
    expect(lastCommaFirst('Jane Doe, PhD')).toBe('Jane Doe, PhD')
    expect(lastCommaFirst('Acme, Inc.')).toBe('Acme, Inc.')
    expect(lastCommaFirst('=HYPERLINK("a","b")')).toBe('=HYPERLINK("a","b")')
  })

  it('"Title" is a job title unless a job title column exists or its values are honorifics', () => {
    expect({ ...suggestMapping(['Name', 'Title'], [['A', 'CTO']]) }).toEqual({
      Name: 'name',
      Title: 'title',
    })
    expect({
      ...suggestMapping(
        ['Name', 'Title'],
        [
          ['A', 'Dr.'],
          ['B', 'Mrs'],
        ],
      ),
    }).toEqual({
      Name: 'name',
      Title: 'honorific',
    })
    expect({ ...suggestMapping(['Name', 'Title', 'Position']) }).toEqual({
      Name: 'name',
      Title: 'honorific',
      Position: 'title',
    })
  })

  it('knows German, French, Spanish, Italian, Dutch and Portuguese column names', () => {
    expect({
      ...suggestMapping(['Anrede', 'Vorname', 'Nachname', 'E-Mail-Adresse', 'Firma', 'Funktion']),
    }).toEqual({
      Anrede: 'honorific',
      Vorname: 'givenName',
      Nachname: 'familyName',
      'E-Mail-Adresse': 'email',
      Firma: 'company',
      Funktion: 'title',
    })
    expect({
      ...suggestMapping(['Civilité', 'Prénom', 'Nom', 'Courriel', 'Société', 'Poste']),
    }).toEqual({
      Civilité: 'honorific',
      Prénom: 'givenName',
      Nom: 'familyName',
      Courriel: 'email',
      Société: 'company',
      Poste: 'title',
    })
    expect({ ...suggestMapping(['Nombre', 'Apellidos', 'Correo electrónico', 'Empresa']) }).toEqual(
      {
        Nombre: 'givenName',
        Apellidos: 'familyName',
        'Correo electrónico': 'email',
        Empresa: 'company',
      },
    )
    expect({
      ...suggestMapping(['Nome', 'Cognome', 'Indirizzo posta elettronica', 'Cellulare']),
    }).toEqual({
      Nome: 'givenName',
      Cognome: 'familyName',
      'Indirizzo posta elettronica': 'email',
      Cellulare: 'phone',
    })
    expect({
      ...suggestMapping(['Voornaam', 'Achternaam', 'E-mailadres', 'Bedrijf', 'Functie']),
    }).toEqual({
      Voornaam: 'givenName',
      Achternaam: 'familyName',
      'E-mailadres': 'email',
      Bedrijf: 'company',
      Functie: 'title',
    })
    expect({ ...suggestMapping(['Primeiro nome', 'Sobrenome', 'E-mail', 'Cargo']) }).toEqual({
      'Primeiro nome': 'givenName',
      Sobrenome: 'familyName',
      'E-mail': 'email',
      Cargo: 'title',
    })
    // A lone "Nom" is the whole name.
    expect({ ...suggestMapping(['Nom', 'Courriel']) }).toEqual({ Nom: 'name', Courriel: 'email' })
  })
})

describe('separators', () => {
  it('semicolons (Excel in many locales), commas inside cells', () => {
    const text =
      'Vorname;Nachname;E-Mail;Firma\r\nAnna;Müller;anna@example.de;"Müller, Schmidt & Partner"\r\nJan;Berg;jan@example.nl;Acme, Inc.\r\n'
    expect(detectDelimiter(text)).toBe(';')
    const first = parse(text)
    expect(first.needsMapping?.columns).toEqual(['Vorname', 'Nachname', 'E-Mail', 'Firma'])
    const r = parse(text, 'x.csv', suggestMapping(first.needsMapping?.columns ?? []))
    expect(r.contacts.map(strip)).toEqual([
      { name: 'Anna Müller', email: 'anna@example.de', company: 'Müller, Schmidt & Partner' },
      { name: 'Jan Berg', email: 'jan@example.nl', company: 'Acme, Inc.' },
    ])
  })

  it('tabs (Numbers, Contacts), commas inside cells', () => {
    const text =
      'First name\tLast name\tOrganization\tEmail\nTim\tCook\tApple, Inc.\ttim@example.com\nAda\tLovelace\tEngines, Ltd\tada@example.com\n'
    expect(detectDelimiter(text)).toBe('\t')
    const first = parse(text)
    expect(first.needsMapping?.columns).toEqual([
      'First name',
      'Last name',
      'Organization',
      'Email',
    ])
    const r = parse(text, 'x.tsv', suggestMapping(first.needsMapping?.columns ?? []))
    expect(r.contacts.map((c) => [c.name, c.company, c.email])).toEqual([
      ['Tim Cook', 'Apple, Inc.', 'tim@example.com'],
      ['Ada Lovelace', 'Engines, Ltd', 'ada@example.com'],
    ])
  })

  it('commas stay commas when other separators appear inside cells', () => {
    expect(detectDelimiter('Name,Tags\nA,"x;y"\nB,z\n')).toBe(',')
  })
})

describe.skipIf(!present)(
  'Thunderbird CSV files from the corpus, through the suggested mapping',
  () => {
    const mapped = (file: string) => {
      const bytes = readFileSync(join(corpus, 'thunderbird/import-resources', file))
      const first = parseContactsFile(bytes, file)
      const columns = first.needsMapping?.columns ?? []
      const mapping = suggestMapping(columns, first.needsMapping?.sample)
      return { columns, mapping, result: parseContactsFile(bytes, file, { mapping }) }
    }

    it('a file without a header row: columns named by position, name and email by content', () => {
      const { columns, mapping, result } = mapped('csv_no_header.csv')
      expect(columns).toEqual(['Column 1', 'Column 2', 'Column 3', 'Column 4'])
      expect({ ...mapping }).toEqual({ 'Column 1': 'name', 'Column 4': 'email' })
      expect(result.contacts.map(strip)).toEqual([
        { name: 'John Doe', email: 'john@doe.invalid' },
        { name: 'Jane Doe', email: 'jane@doe.invalid' },
      ])
      expect(result.warnings.map((w) => w.where)).toEqual(['line 1'])
    })

    it('semicolons, with a display name and first and last names', () => {
      const { mapping, result } = mapped('csv_semicolon.csv')
      expect({ ...mapping }).toEqual({
        'Display Name': 'name',
        'First Name': 'givenName',
        'Last Name': 'familyName',
        'Primary Email': 'email',
      })
      expect(result.contacts.map((c) => [c.name, c.email])).toEqual([
        ['John Doe', 'john@doe.invalid'],
        ['Jane Doe', 'jane@doe.invalid'],
      ])
    })
  },
)

describe('a list of e-mail addresses', () => {
  it('imports one person per address, named from it and flagged', () => {
    const r = parse(
      'E-mail\njane.doe@example.com\njohn_smith99@example.org\n"Max Mustermann <max@example.de>"\n\n',
      'list.txt',
    )
    expect(r.format).toBe('email-list')
    expect(r.contacts.map(strip)).toEqual([
      { name: 'Jane Doe', email: 'jane.doe@example.com', nameFromEmail: true },
      { name: 'John Smith', email: 'john_smith99@example.org', nameFromEmail: true },
      { name: 'Max Mustermann', email: 'max@example.de' },
    ])
    expect(r.contacts.map((c) => c.source.line)).toEqual([2, 3, 4])
  })

  it('without a header; a row that is no address makes it an ordinary CSV', () => {
    expect(parse('a@example.com\nb.c@example.com\n').contacts.map((c) => c.name)).toEqual([
      'A',
      'B C',
    ])
    expect(() => parse('a@example.com\nnot an address\n')).toThrow(/Vouch cannot read it/)
  })

  it('nameFromEmailAddress', () => {
    expect(nameFromEmailAddress('jane.doe@example.com')).toBe('Jane Doe')
    expect(nameFromEmailAddress('jean-luc.picard+work@example.com')).toBe('Jean Luc Picard')
    expect(nameFromEmailAddress('42@example.com')).toBe('42@example.com')
  })
})

describe('dates that do not exist', () => {
  it('are left out rather than costing the contact', () => {
    const r = parse(
      'BEGIN:VCARD\nVERSION:4.0\nFN:A\nBDAY:19800230\nX-VOUCH-CONNECTED-ON:2021-02-30\nEND:VCARD\n',
      'a.vcf',
    )
    expect(r.contacts.map(strip)).toEqual([{ name: 'A', notes: 'Birthday: 19800230' }])
  })
})

describe('birthdays', () => {
  it.each([
    ['19800315', 'dmy', '1980-03-15'],
    ['1980-03-15', 'dmy', '1980-03-15'],
    ['--0315', 'dmy', '--03-15'],
    ['--03-15', 'dmy', '--03-15'],
    ['15.03.1980', 'dmy', '1980-03-15'],
    ['3/15/1980', 'mdy', '1980-03-15'],
    ['15/03/80', 'dmy', '1980-03-15'],
    ['0/0/00', 'mdy', ''],
    ['1980-02-30', 'dmy', null],
    ['circa 1800', 'dmy', null],
  ] as const)('%s (%s) → %s', (raw, order, expected) => {
    expect(readBirthday(raw, order)).toBe(expected)
  })
})

describe.skipIf(!present)('jCard and xCard from the corpus', () => {
  const read = (file: string): ParseResult =>
    parseContactsFile(readFileSync(join(corpus, file)), file)
  const simon = {
    name: 'Simon Perreault',
    company: 'Viagenie',
    email: 'simon.perreault@viagenie.ca',
    phone: '+1-418-656-9254;ext=102',
    links: ['http://nomis80.org'],
    birthday: '--02-03',
  }

  it('RFC 7095 example (ez-vcard/jcard-example.json)', () => {
    const r = read('ez-vcard/jcard-example.json')
    expect(r.format).toBe('jcard')
    expect(r.warnings).toEqual([])
    expect(r.contacts).toHaveLength(1)
    expect(r.contacts[0]).toMatchObject({
      ...simon,
      source: { line: 1, card: 1 },
      addresses: [
        {
          label: 'Work',
          street: '2875 Laurier, Suite D2-630',
          city: 'Quebec',
          region: 'QC',
          postalCode: 'G1V 2M2',
          country: 'Canada',
        },
      ],
    })
    expect(r.contacts[0]?.notes).toContain('Other phone: +1-418-262-6501 (work, cell, video)')
  })

  it('RFC 6351 example (ez-vcard/rfc6351-example.xml)', () => {
    const r = read('ez-vcard/rfc6351-example.xml')
    expect(r.format).toBe('xcard')
    expect(r.warnings).toEqual([])
    expect(r.contacts).toHaveLength(1)
    expect(r.contacts[0]).toMatchObject({
      ...simon,
      source: { line: 3, card: 1 },
      addresses: [
        {
          label: 'Work',
          street: '2875 boul. Laurier, suite D2-630',
          city: 'Quebec',
          region: 'QC',
          postalCode: 'G1V 2M2',
          country: 'Canada',
        },
      ],
    })
  })

  it('node-vcf/jcard.json: title, two addresses, grouped phone', () => {
    const r = read('node-vcf/jcard.json')
    expect(r.contacts.map(strip)).toEqual([
      {
        name: 'Forrest Gump',
        company: 'Bubba Gump Shrimp Co',
        title: 'Shrimp Man',
        email: 'forrestgump@example.com',
        phone: '+1-111-555-1212',
        addresses: [
          {
            label: 'Work',
            street: '100 Waters Edge',
            city: 'Baytown',
            region: 'LA',
            postalCode: '30314',
            country: 'United States of America',
          },
          {
            label: 'Home',
            street: '42 Plantation St.',
            city: 'Baytown',
            region: 'LA',
            postalCode: '30314',
            country: 'United States of America',
          },
        ],
        notes: 'Other phone: +1-404-555-1212 (home)\nOther phone: +1-404-555-1213 (home)',
      },
    ])
  })
})

describe('jCard and xCard', () => {
  it('several jCards with nicknames, profiles and an escaped comma; lines of each card', () => {
    const json = JSON.stringify(
      [
        [
          'vcard',
          [
            ['fn', {}, 'text', 'Ada, Countess'],
            ['nickname', {}, 'text', 'Ada', 'AL'],
          ],
        ],
        [
          'vcard',
          [
            ['fn', {}, 'text', 'Grace'],
            ['impp', { 'x-service-type': 'Skype' }, 'uri', 'skype:grace.h'],
            ['x-socialprofile', { type: 'linkedin' }, 'uri', 'https://linkedin.com/in/grace'],
          ],
        ],
      ],
      null,
      1,
    )
    const r = parse(json, 'cards.json')
    expect(r.format).toBe('jcard')
    expect(r.contacts.map(strip)).toEqual([
      { name: 'Ada, Countess', nicknames: ['Ada', 'AL'] },
      {
        name: 'Grace',
        profiles: [
          { service: 'Skype', handle: 'grace.h' },
          { service: 'LinkedIn', handle: 'https://linkedin.com/in/grace' },
        ],
      },
    ])
    expect(r.contacts.map((c) => c.source.line)).toEqual([2, 20])
  })

  it('xCard with a group and a DTD refused', () => {
    const xml = [
      '<?xml version="1.0" encoding="UTF-8"?>',
      '<vcards xmlns="urn:ietf:params:xml:ns:vcard-4.0">',
      '  <vcard>',
      '    <fn><text>Ann Lee</text></fn>',
      '    <group name="item1"><email><text>ann@example.com</text></email></group>',
      '    <nickname><text>Annie</text></nickname>',
      '    <categories><text>mentor</text><text>ex-acme</text></categories>',
      '  </vcard>',
      '</vcards>',
    ].join('\n')
    const r = parse(xml, 'ann.xml')
    expect(r.format).toBe('xcard')
    expect(r.contacts.map(strip)).toEqual([
      {
        name: 'Ann Lee',
        email: 'ann@example.com',
        nicknames: ['Annie'],
        tags: ['mentor', 'ex-acme'],
      },
    ])
    expect(() => parse('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "b">]><x/>', 'x.xml')).toThrow(
      /DTD/,
    )
    expect(() => parse('<html><body>hi</body></html>', 'page.html')).toThrow(/not an xCard/)
  })
})

describe('duplicates by name and company', () => {
  const row = (fields: Partial<ImportedContact>): ImportedContact => ({
    name: 'Jane Doe',
    company: 'Acme',
    source: { line: 1 },
    ...fields,
  })

  it('rows of one file with different LinkedIn profiles are different people', () => {
    const rows = [
      row({ links: ['https://www.linkedin.com/in/jane-doe-1'] }),
      row({ links: ['https://www.linkedin.com/in/jane-doe-2'] }),
      row({ links: ['https://linkedin.com/in/jane-doe-1/'] }),
    ]
    expect(findDuplicates(rows, [])).toEqual([
      { index: 2, existingId: null, duplicateOfIndex: 0, reason: 'linkedin' },
    ])
  })

  it('different emails make a weak match; none or the same email a possible one', () => {
    const existing = [
      makeContact({ id: 'c1', name: 'Jane Doe', company: 'Acme', email: 'j@acme.example' }),
    ]
    expect(
      findDuplicates(
        [row({ email: 'jane@home.example' }), row({}), row({ email: 'J@acme.example' })],
        existing,
      ),
    ).toEqual([
      { index: 0, existingId: 'c1', reason: 'name-company', weak: true },
      { index: 1, existingId: 'c1', reason: 'name-company' },
      { index: 2, existingId: 'c1', reason: 'email' },
    ])
  })

  it('a 2,000-row LinkedIn export with 11 namesakes at the same company flags none of them', () => {
    const lines = ['First Name,Last Name,URL,Email Address,Company,Position,Connected On']
    for (let i = 0; i < 2000; i++) {
      const namesake = i % 2 === 1 && i < 22
      const person = namesake ? i - 1 : i
      lines.push(
        `P${person},Q${person},https://www.linkedin.com/in/p-${i},${i % 3 === 0 ? `p${i}@example.com` : ''},Co ${person % 50},Engineer,04 Mar 2021`,
      )
    }
    const r = parse(lines.join('\n'), 'Connections.csv')
    expect(r.contacts).toHaveLength(2000)
    expect(new Set(r.contacts.map((c) => `${c.name}/${c.company}`)).size).toBe(1989)
    expect(findDuplicates(r.contacts, [])).toEqual([])
  })

  it('merging fills the birthday and date connected, adds nicknames, addresses and profiles', () => {
    const target = makeContact({
      name: 'Jane Doe',
      nicknames: ['JD'],
      addresses: [
        { label: 'Work', street: '1 Main St', city: 'X', region: '', postalCode: '', country: '' },
      ],
    })
    const merged = mergeInto(
      target,
      {
        name: 'Jane Doe',
        nicknames: ['jd', 'Janie'],
        birthday: '--04-23',
        connectedOn: '2021-03-04',
        addresses: [
          {
            label: 'Work',
            street: '1 Main St',
            city: 'X',
            region: '',
            postalCode: '',
            country: '',
          },
          { label: 'Home', street: '', city: 'Y', region: '', postalCode: '', country: '' },
        ],
        profiles: [{ service: 'GitHub', handle: 'https://github.com/jane' }],
      },
      '2026-01-01T00:00:00.000Z',
    )
    expect(merged.nicknames).toEqual(['JD', 'Janie'])
    expect(merged.birthday).toBe('--04-23')
    expect(merged.connectedOn).toBe('2021-03-04')
    expect(merged.addresses.map((a) => a.label)).toEqual(['Work', 'Home'])
    expect(merged.profiles).toEqual([{ service: 'GitHub', handle: 'https://github.com/jane' }])
    const kept = mergeInto({ ...merged }, { name: 'Jane Doe', birthday: '1980-01-01' }, 'x')
    expect(kept.birthday).toBe('--04-23')
  })

  it('a namesake with another LinkedIn profile does not hide the same person', () => {
    const existing = [
      makeContact({
        id: 'other',
        name: 'Jane Doe',
        company: 'Acme',
        links: ['https://linkedin.com/in/x'],
      }),
      makeContact({ id: 'same', name: 'Jane Doe', company: 'Acme' }),
    ]
    expect(findDuplicates([row({ links: ['https://linkedin.com/in/y'] })], existing)).toEqual([
      { index: 0, existingId: 'same', reason: 'name-company' },
    ])
  })
})
