import { readFile } from 'node:fs/promises'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import type { Core } from '../electron/core/types'
import { expect, test } from './fixtures'
import { BoardPage } from './pages/BoardPage'
import { ImportPage } from './pages/import'

function contacts(core: Core) {
  return core.call('contact.list', {})
}

/** A German Outlook export as Outlook writes it: every column quoted, Windows-1252. */
function germanOutlookCsv(): Buffer {
  const header = [
    'Anrede',
    'Vorname',
    'Weitere Vornamen',
    'Nachname',
    'Suffix',
    'Firma',
    'Abteilung',
    'Position',
    'Straße geschäftlich',
    'Ort geschäftlich',
    'Postleitzahl geschäftlich',
    'Land/Region geschäftlich',
    'Telefon geschäftlich',
    'Mobiltelefon',
    'Geburtstag',
    'Kategorien',
    'E-Mail-Adresse',
    'E-Mail-Typ',
    'E-Mail: Angezeigter Name',
    'E-Mail 2: Adresse',
    'Notizen',
    'Privat',
    'Webseite',
  ]
  const rows = [
    header,
    [
      'Frau',
      'Anna',
      '',
      'Müller',
      '',
      'Beispiel GmbH',
      'Vertrieb',
      'Leiterin Vertrieb',
      'Hauptstraße 1',
      'München',
      '80331',
      'Deutschland',
      '+49 89 1234567',
      '',
      '3.7.1975',
      'Kunden;Wichtig',
      'anna.mueller@beispiel.de',
      'SMTP',
      'Anna Müller (anna.mueller@beispiel.de)',
      '',
      'Über die Messe kennengelernt.',
      'Aus',
      '',
    ],
    [
      'Herr',
      'Jürgen',
      'K.',
      'Groß',
      '',
      'Groß & Söhne',
      '',
      'Geschäftsführer',
      '',
      '',
      '',
      '',
      '',
      '+49 170 1234567',
      '0.0.00',
      '',
      '',
      '',
      '',
      'jg@gross.example',
      '',
      'Aus',
      'www.gross.example',
    ],
  ]
  return iconv.encode(Papa.unparse(rows, { quotes: true, newline: '\r\n' }), 'windows-1252')
}

test('imports a German Outlook export: names composed, Position as the job title, fields shown', async ({
  page,
  vouch,
}) => {
  const core = await vouch.core()
  await vouch.open()
  const wizard = new ImportPage(page)
  await wizard.open()
  await wizard.chooseFile('Kontakte.CSV', germanOutlookCsv(), 'text/csv')
  await expect(wizard.preview).toContainText('Outlook CSV')
  await expect(wizard.newPeople).toHaveText([/Anna Müller/, /Jürgen K\. Groß/])
  await wizard.commit()
  await wizard.expectResult('Imported Kontakte.CSV: 2 added, 0 merged, 0 skipped.')
  await expect
    .poll(async () =>
      (await contacts(core)).map((c) => [c.name, c.title, c.company, c.email, c.birthday]),
    )
    .toEqual([
      [
        'Anna Müller',
        'Leiterin Vertrieb',
        'Beispiel GmbH',
        'anna.mueller@beispiel.de',
        '1975-07-03',
      ],
      ['Jürgen K. Groß', 'Geschäftsführer', 'Groß & Söhne', 'jg@gross.example', ''],
    ])
  const [anna] = await contacts(core)
  expect(anna?.tags).toEqual(['Kunden', 'Wichtig', 'import:outlook'])
  expect(anna?.notes).toBe('Über die Messe kennengelernt.\nHonorific: Frau')

  const board = new BoardPage(page)
  await board.show()
  await board.openCard('Anna Müller')
  const more = page.getByTestId('contact-details')
  await expect(more).toContainText('3 July 1975')
  await expect(more).toContainText('Hauptstraße 1')
  await expect(more).toContainText('80331 München')
})

test('maps a semicolon CSV with first and last name columns, suggested from its German headers', async ({
  page,
  vouch,
}) => {
  const core = await vouch.core()
  await vouch.open()
  const wizard = new ImportPage(page)
  await wizard.open()
  const text =
    'Anrede;Vorname;Nachname;E-Mail;Firma;Funktion\r\n' +
    'Dr.;Grace;Hopper;grace@navy.example;"US Navy; Reserve";Rear Admiral\r\n' +
    ';Alan;Turing;alan@npl.example;NPL;Researcher\r\n'
  await wizard.chooseFile('leute.csv', text, 'text/csv')
  await expect(wizard.mapping).toBeVisible()
  await expect(wizard.mappingFor('Vorname')).toHaveValue('givenName')
  await expect(wizard.mappingFor('Nachname')).toHaveValue('familyName')
  await expect(wizard.mappingFor('Anrede')).toHaveValue('honorific')
  await expect(wizard.mappingFor('Funktion')).toHaveValue('title')
  await expect(wizard.sampleName).toHaveText('The first row will be named “Grace Hopper”.')
  // The user moves the job title into Field instead, then back: the mapping is theirs to change.
  await wizard.mapColumn('Funktion', 'Field')
  await wizard.mapColumn('Funktion', 'Title')
  await wizard.previewMapping()
  await expect(wizard.newPeople).toHaveText([/Grace Hopper/, /Alan Turing/])
  await wizard.commit()
  await wizard.expectResult('Imported leute.csv: 2 added, 0 merged, 0 skipped.')
  await expect
    .poll(async () => (await contacts(core)).map((c) => [c.name, c.company, c.title]))
    .toEqual([
      ['Grace Hopper', 'US Navy; Reserve', 'Rear Admiral'],
      ['Alan Turing', 'NPL', 'Researcher'],
    ])
})

test('an e-mail list: names made from the addresses are flagged and can be corrected', async ({
  page,
  vouch,
}) => {
  const core = await vouch.core()
  await vouch.open()
  const wizard = new ImportPage(page)
  await wizard.open()
  await wizard.chooseFile('list.txt', 'jane.doe@example.com\njsmith@example.org\n', 'text/plain')
  await expect(wizard.preview).toContainText('List of email addresses')
  await expect(wizard.emailNamesNote).toHaveText(
    '2 names were made from email addresses. Check them below and correct them if needed.',
  )
  await expect(wizard.nameFromEmail('jane.doe@example.com')).toHaveValue('Jane Doe')
  await wizard.nameFromEmail('jsmith@example.org').fill('John Smith')
  await wizard.commit()
  await wizard.expectResult('Imported list.txt: 2 added, 0 merged, 0 skipped.')
  await expect
    .poll(async () => (await contacts(core)).map((c) => [c.name, c.email]))
    .toEqual([
      ['Jane Doe', 'jane.doe@example.com'],
      ['John Smith', 'jsmith@example.org'],
    ])
})

test.describe.serial('a CSV export with a formula-like name imports back unchanged', () => {
  const NAME = '=HYPERLINK("https://evil.example/?q=1","Click me")'
  let exported: { name: string; text: string } | null = null

  test('exports the cell guarded with a quote', async ({ page, vouch }) => {
    const core = await vouch.core()
    await core.call('contact.create', {
      name: NAME,
      company: '@Acme',
      phone: '+44 20 7946 0958',
      notes: '-5 points',
    })
    await vouch.open()
    const wizard = new ImportPage(page)
    await wizard.open()
    const download = await wizard.exportAs('Contacts as CSV')
    const text = await readFile(await download.path(), 'utf8')
    const [, row] = Papa.parse<string[]>(text, { skipEmptyLines: true }).data
    expect(row?.[0]).toBe(`'${NAME}`)
    expect(row).toContain("'@Acme")
    expect(row).toContain("'+44 20 7946 0958")
    exported = { name: download.suggestedFilename(), text }
  })

  test('imports it through the wizard with the same values', async ({ page, vouch }) => {
    if (!exported) throw new Error('the export test did not run')
    const core = await vouch.core()
    await vouch.open()
    const wizard = new ImportPage(page)
    await wizard.open()
    await wizard.chooseFile(exported.name, exported.text, 'text/csv')
    await expect(wizard.preview).toContainText('Vouch CSV export')
    await expect(wizard.newPeople).toHaveText([
      new RegExp(NAME.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
    ])
    await wizard.commit()
    await wizard.expectResult(`Imported ${exported.name}: 1 added, 0 merged, 0 skipped.`)
    await expect
      .poll(async () => (await contacts(core)).map((c) => [c.name, c.company, c.phone, c.notes]))
      .toEqual([[NAME, '@Acme', '+44 20 7946 0958', '-5 points']])
  })
})
