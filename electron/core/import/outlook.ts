/*
 * Outlook's CSV export ("Comma Separated Values" in Outlook's Import/Export wizard, and
 * Outlook.com's People → Manage → Export). Outlook names its columns in the language of the
 * installation, so the file is recognised by any of these header sets.
 *
 * Header names per language: Microsoft Exchange's Outlook CSV importer
 * (Microsoft.Exchange.Transport.Sync.Common.ImportContacts.OutlookCsvLanguageSelect, which maps
 * each localized Outlook header to an ImportContactProperties value), languages en, de, fr, es,
 * it, nl, pt-BR and pt-PT. French Outlook has no honorific column and calls the job title "Titre";
 * Spanish and Brazilian Portuguese Outlook leave some headers in English, as listed there.
 * Outlook.com's export and Google Contacts' "Outlook CSV" add Nickname, IMAddress and Personal
 * Web Page (English names only).
 */
import type { PostalAddress } from '@shared/domain'
import { finishDraft, newDraft, readBirthday } from './draft'
import type { Labelled } from './draft'
import type { ImportedContact, ImportWarning } from './types'

/** The Outlook columns Vouch reads. */
export const OUTLOOK_FIELDS = [
  'FirstName',
  'MiddleName',
  'LastName',
  'Suffix',
  'Title',
  'Company',
  'Department',
  'JobTitle',
  'EmailAddress',
  'Email2Address',
  'Email3Address',
  'BusinessPhone',
  'BusinessPhone2',
  'HomePhone',
  'HomePhone2',
  'MobilePhone',
  'PrimaryPhone',
  'OtherPhone',
  'CompanyMainPhone',
  'WebPage',
  'Notes',
  'Categories',
  'Birthday',
  'BusinessStreet',
  'BusinessStreet2',
  'BusinessStreet3',
  'BusinessCity',
  'BusinessState',
  'BusinessPostalCode',
  'BusinessCountry',
  'HomeStreet',
  'HomeStreet2',
  'HomeStreet3',
  'HomeCity',
  'HomeState',
  'HomePostalCode',
  'HomeCountry',
  'Nickname',
  'IMAddress',
  'PersonalWebPage',
] as const
export type OutlookField = (typeof OUTLOOK_FIELDS)[number]

type HeaderSet = Readonly<Record<OutlookField, string>>

/** Outlook's header names per language ('' where that language has no such column). */
export const OUTLOOK_HEADERS: Readonly<Record<string, HeaderSet>> = {
  en: {
    FirstName: 'First Name',
    MiddleName: 'Middle Name',
    LastName: 'Last Name',
    Suffix: 'Suffix',
    Title: 'Title',
    Company: 'Company',
    Department: 'Department',
    JobTitle: 'Job Title',
    EmailAddress: 'E-mail Address',
    Email2Address: 'E-mail 2 Address',
    Email3Address: 'E-mail 3 Address',
    BusinessPhone: 'Business Phone',
    BusinessPhone2: 'Business Phone 2',
    HomePhone: 'Home Phone',
    HomePhone2: 'Home Phone 2',
    MobilePhone: 'Mobile Phone',
    PrimaryPhone: 'Primary Phone',
    OtherPhone: 'Other Phone',
    CompanyMainPhone: 'Company Main Phone',
    WebPage: 'Web Page',
    Notes: 'Notes',
    Categories: 'Categories',
    Birthday: 'Birthday',
    BusinessStreet: 'Business Street',
    BusinessStreet2: 'Business Street 2',
    BusinessStreet3: 'Business Street 3',
    BusinessCity: 'Business City',
    BusinessState: 'Business State',
    BusinessPostalCode: 'Business Postal Code',
    BusinessCountry: 'Business Country/Region',
    HomeStreet: 'Home Street',
    HomeStreet2: 'Home Street 2',
    HomeStreet3: 'Home Street 3',
    HomeCity: 'Home City',
    HomeState: 'Home State',
    HomePostalCode: 'Home Postal Code',
    HomeCountry: 'Home Country/Region',
    Nickname: 'Nickname',
    IMAddress: 'IMAddress',
    PersonalWebPage: 'Personal Web Page',
  },
  de: {
    FirstName: 'Vorname',
    MiddleName: 'Weitere Vornamen',
    LastName: 'Nachname',
    Suffix: 'Suffix',
    Title: 'Anrede',
    Company: 'Firma',
    Department: 'Abteilung',
    JobTitle: 'Position',
    EmailAddress: 'E-Mail-Adresse',
    Email2Address: 'E-Mail 2: Adresse',
    Email3Address: 'E-Mail 3: Adresse',
    BusinessPhone: 'Telefon geschäftlich',
    BusinessPhone2: 'Telefon geschäftlich 2',
    HomePhone: 'Telefon privat',
    HomePhone2: 'Telefon privat 2',
    MobilePhone: 'Mobiltelefon',
    PrimaryPhone: 'Haupttelefon',
    OtherPhone: 'Weiteres Telefon',
    CompanyMainPhone: 'Telefon Firma',
    WebPage: 'Webseite',
    Notes: 'Notizen',
    Categories: 'Kategorien',
    Birthday: 'Geburtstag',
    BusinessStreet: 'Straße geschäftlich',
    BusinessStreet2: 'Straße geschäftlich 2',
    BusinessStreet3: 'Straße geschäftlich 3',
    BusinessCity: 'Ort geschäftlich',
    BusinessState: 'Region geschäftlich',
    BusinessPostalCode: 'Postleitzahl geschäftlich',
    BusinessCountry: 'Land/Region geschäftlich',
    HomeStreet: 'Straße privat',
    HomeStreet2: 'Straße privat 2',
    HomeStreet3: 'Straße privat 3',
    HomeCity: 'Ort privat',
    HomeState: 'Bundesland/Kanton privat',
    HomePostalCode: 'Postleitzahl privat',
    HomeCountry: 'Land/Region privat',
    Nickname: '',
    IMAddress: '',
    PersonalWebPage: '',
  },
  fr: {
    FirstName: 'Prénom',
    MiddleName: 'Deuxième prénom',
    LastName: 'Nom',
    Suffix: 'Suffixe',
    Title: '',
    Company: 'Société',
    Department: 'Service',
    JobTitle: 'Titre',
    EmailAddress: 'Adresse de messagerie',
    Email2Address: 'Adresse de messagerie 2',
    Email3Address: 'Adresse de messagerie 3',
    BusinessPhone: 'Téléphone (bureau)',
    BusinessPhone2: 'Téléphone 2 (bureau)',
    HomePhone: 'Téléphone (domicile)',
    HomePhone2: 'Téléphone 2 (domicile)',
    MobilePhone: 'Tél. mobile',
    PrimaryPhone: 'Téléphone principal',
    OtherPhone: 'Téléphone (autre)',
    CompanyMainPhone: 'Téléphone société',
    WebPage: 'Page Web',
    Notes: 'Notes',
    Categories: 'Catégories',
    Birthday: 'Anniversaire',
    BusinessStreet: 'Rue (bureau)',
    BusinessStreet2: 'Rue (bureau) 2',
    BusinessStreet3: 'Rue (bureau) 3',
    BusinessCity: 'Ville (bureau)',
    BusinessState: 'Dép/Région (bureau)',
    BusinessPostalCode: 'Code postal (bureau)',
    BusinessCountry: 'Pays/Région (bureau)',
    HomeStreet: 'Rue (domicile)',
    HomeStreet2: 'Rue (domicile) 2',
    HomeStreet3: 'Rue (domicile) 3',
    HomeCity: 'Ville (domicile)',
    HomeState: 'Dép/Région (domicile)',
    HomePostalCode: 'Code postal (domicile)',
    HomeCountry: 'Pays/Région (domicile)',
    Nickname: '',
    IMAddress: '',
    PersonalWebPage: '',
  },
  es: {
    FirstName: 'Nombre',
    MiddleName: 'Segundo nombre',
    LastName: 'Apellidos',
    Suffix: 'Suffix',
    Title: 'Title',
    Company: 'Organización',
    Department: 'Department',
    JobTitle: 'Puesto',
    EmailAddress: 'E-mail Address',
    Email2Address: 'Dirección de correo electrónico 2',
    Email3Address: 'Dirección del correo electrónico 3',
    BusinessPhone: 'Teléfono del trabajo',
    BusinessPhone2: 'Business Phone 2',
    HomePhone: 'Particular',
    HomePhone2: 'Home Phone 2',
    MobilePhone: 'Mobile Phone',
    PrimaryPhone: 'Teléfono principal',
    OtherPhone: 'Otro teléfono',
    CompanyMainPhone: 'Número de centralita de la organización',
    WebPage: 'Página web',
    Notes: 'Notes',
    Categories: 'Categorías',
    Birthday: 'Birthday',
    BusinessStreet: 'Calle del trabajo',
    BusinessStreet2: 'Calle del trabajo 2',
    BusinessStreet3: 'Calle del trabajo 3',
    BusinessCity: 'Ciudad de trabajo',
    BusinessState: 'Provincia o estado de trabajo',
    BusinessPostalCode: 'Código postal del trabajo',
    BusinessCountry: 'País o región del trabajo',
    HomeStreet: 'Home Street',
    HomeStreet2: 'Home Street 2',
    HomeStreet3: 'Home Street 3',
    HomeCity: 'Home City',
    HomeState: 'Home State',
    HomePostalCode: 'Home Postal Code',
    HomeCountry: 'País o región del domicilio',
    Nickname: '',
    IMAddress: '',
    PersonalWebPage: '',
  },
  it: {
    FirstName: 'Nome',
    MiddleName: 'Secondo nome',
    LastName: 'Cognome',
    Suffix: 'Titolo straniero',
    Title: 'Titolo',
    Company: 'Società',
    Department: 'Reparto',
    JobTitle: 'Posizione',
    EmailAddress: 'Indirizzo posta elettronica',
    Email2Address: 'Indirizzo posta elettronica 2',
    Email3Address: 'Indirizzo posta elettronica 3',
    BusinessPhone: 'Ufficio',
    BusinessPhone2: 'Ufficio 2',
    HomePhone: 'Abitazione',
    HomePhone2: 'Abitazione 2',
    MobilePhone: 'Cellulare',
    PrimaryPhone: 'Telefono principale',
    OtherPhone: 'Altro telefono',
    CompanyMainPhone: 'Telefono principale società',
    WebPage: 'Pagina Web',
    Notes: 'Notes',
    Categories: 'Categorie',
    Birthday: 'Compleanno',
    BusinessStreet: 'Via (uff.)',
    BusinessStreet2: 'Via (uff.) 2',
    BusinessStreet3: 'Via (uff.) 3',
    BusinessCity: 'Città (uff.)',
    BusinessState: 'Provincia (uff.)',
    BusinessPostalCode: 'CAP (uff.)',
    BusinessCountry: 'Paese (uff.)',
    HomeStreet: 'Via (ab.)',
    HomeStreet2: 'Via (ab.) 2',
    HomeStreet3: 'Via (ab.) 3',
    HomeCity: 'Città (ab.)',
    HomeState: 'Provincia (ab.)',
    HomePostalCode: 'CAP (ab.)',
    HomeCountry: 'Paese (ab.)',
    Nickname: '',
    IMAddress: '',
    PersonalWebPage: '',
  },
  nl: {
    FirstName: 'Voornaam',
    MiddleName: 'Middelste naam',
    LastName: 'Achternaam',
    Suffix: 'Achtervoegsel',
    Title: 'Titel',
    Company: 'Bedrijf',
    Department: 'Afdeling',
    JobTitle: 'Functie',
    EmailAddress: 'E-mailadres',
    Email2Address: 'E-mailadres 2',
    Email3Address: 'E-mailadres 3',
    BusinessPhone: 'Telefoon op werk',
    BusinessPhone2: 'Telefoon op werk 2',
    HomePhone: 'Telefoon thuis',
    HomePhone2: 'Telefoon thuis 2',
    MobilePhone: 'Mobiele telefoon',
    PrimaryPhone: 'Hoofdtelefoon',
    OtherPhone: 'Andere telefoon',
    CompanyMainPhone: 'Hoofdtelefoon bedrijf',
    WebPage: 'Webpagina',
    Notes: 'Notities',
    Categories: 'Categorieën',
    Birthday: 'Verjaardag',
    BusinessStreet: 'Werkadres, straat',
    BusinessStreet2: 'Werkadres 2, straat',
    BusinessStreet3: 'Werkadres 3, straat',
    BusinessCity: 'Werkadres, plaats',
    BusinessState: 'Werkadres, provincie',
    BusinessPostalCode: 'Werkadres, postcode',
    BusinessCountry: 'Land/regio (werk)',
    HomeStreet: 'Huisadres, straat',
    HomeStreet2: 'Huisadres, straat 2',
    HomeStreet3: 'Huisadres, straat 3',
    HomeCity: 'Huisadres, plaats',
    HomeState: 'Huisadres, provincie',
    HomePostalCode: 'Huisadres, postcode',
    HomeCountry: 'Land/regio (thuis)',
    Nickname: '',
    IMAddress: '',
    PersonalWebPage: '',
  },
  'pt-BR': {
    FirstName: 'Primeiro nome',
    MiddleName: 'Segundo nome',
    LastName: 'Sobrenome',
    Suffix: 'Sufixo',
    Title: 'Tratamento',
    Company: 'Empresa',
    Department: 'Departamento',
    JobTitle: 'Cargo',
    EmailAddress: 'E-mail Address',
    Email2Address: 'Endereço de email 2',
    Email3Address: 'Endereço de email 3',
    BusinessPhone: 'Telefone comercial',
    BusinessPhone2: 'Telefone comercial 2',
    HomePhone: 'Telefone residencial',
    HomePhone2: 'Telefone residencial 2',
    MobilePhone: 'Telefone celular',
    PrimaryPhone: 'Telefone principal',
    OtherPhone: 'Outro telefone',
    CompanyMainPhone: 'Telefone principal da empresa',
    WebPage: 'Página da Web',
    Notes: 'Anotações',
    Categories: 'Categorias',
    Birthday: 'Birthday',
    BusinessStreet: 'Business Street',
    BusinessStreet2: 'Rua do endereço comercial 2',
    BusinessStreet3: 'Rua do endereço comercial 3',
    BusinessCity: 'Business City',
    BusinessState: 'Business State',
    BusinessPostalCode: 'Business Postal Code',
    BusinessCountry: 'País/Região da Empresa',
    HomeStreet: 'Endereço residencial',
    HomeStreet2: 'Endereço residencial 2',
    HomeStreet3: 'Endereço residencial 3',
    HomeCity: 'Cidade do endereço residencial',
    HomeState: 'Estado',
    HomePostalCode: 'CEP do endereço residencial',
    HomeCountry: 'País/Região de Residência',
    Nickname: '',
    IMAddress: '',
    PersonalWebPage: '',
  },
  'pt-PT': {
    FirstName: 'Primeiro nome',
    MiddleName: 'Outros nomes/apelidos',
    LastName: 'Apelido',
    Suffix: 'Sufixo',
    Title: 'Título',
    Company: 'Empresa',
    Department: 'Departamento',
    JobTitle: 'Cargo',
    EmailAddress: 'Endereço de correio electrónico',
    Email2Address: 'Endereço do correio electrónico 2',
    Email3Address: 'Endereço do correio electrónico 3',
    BusinessPhone: 'Telefone da empresa',
    BusinessPhone2: '2º telefone da empresa',
    HomePhone: 'Telefone da residência',
    HomePhone2: '2º telefone da residência',
    MobilePhone: 'Telemóvel',
    PrimaryPhone: 'Telefone principal',
    OtherPhone: 'Outro telefone',
    CompanyMainPhone: 'Telefone principal da empresa',
    WebPage: 'Página na Web',
    Notes: 'Notas',
    Categories: 'Categorias',
    Birthday: 'Data de nascimento',
    BusinessStreet: 'Rua da empresa',
    BusinessStreet2: 'Rua da empresa 2',
    BusinessStreet3: 'Rua da empresa 3',
    BusinessCity: 'Localidade da empresa',
    BusinessState: 'Distrito da empresa',
    BusinessPostalCode: 'Código postal da empresa',
    BusinessCountry: 'País/Região da Empresa',
    HomeStreet: 'Rua da residência',
    HomeStreet2: 'Rua da residência (2)',
    HomeStreet3: 'Rua da residência (3)',
    HomeCity: 'Localidade da residência',
    HomeState: 'Distrito da residência',
    HomePostalCode: 'Código postal da residência',
    HomeCountry: 'País da Residência/Região',
    Nickname: '',
    IMAddress: '',
    PersonalWebPage: '',
  },
}

/** Columns of a real Outlook export that must be present: it writes all ~90 of its columns. */
const MIN_KNOWN_COLUMNS = 8

const key = (header: string) => header.replace(/\s+/g, ' ').trim().toLowerCase()

/** A header row index and its language when rows are an Outlook CSV export, else null. */
export function outlookHeader(
  rows: { cells: string[] }[],
): { at: number; language: string; columns: Map<OutlookField, number> } | null {
  for (let at = 0; at < Math.min(rows.length, 3); at++) {
    const cells = (rows[at]?.cells ?? []).map(key)
    let best: { language: string; columns: Map<OutlookField, number> } | null = null
    for (const [language, headers] of Object.entries(OUTLOOK_HEADERS)) {
      const columns = new Map<OutlookField, number>()
      for (const field of OUTLOOK_FIELDS) {
        const name = headers[field]
        if (name === '') continue
        const i = cells.indexOf(key(name))
        if (i >= 0) columns.set(field, i)
      }
      // Outlook always writes its e-mail column; Thunderbird's CSV shares many other names.
      const named =
        (columns.has('FirstName') || columns.has('LastName')) && columns.has('EmailAddress')
      if (named && columns.size >= MIN_KNOWN_COLUMNS && columns.size > (best?.columns.size ?? 0))
        best = { language, columns }
    }
    if (best !== null) return { at, ...best }
  }
  return null
}

/** Day-first or month-first birthdays: read from the file's own dates, else from its language. */
function dateOrder(values: string[], language: string): 'dmy' | 'mdy' {
  for (const v of values) {
    const m = /^(\d{1,2})[./-](\d{1,2})[./-]\d{2,4}$/.exec(v.trim())
    if (m === null) continue
    if (Number(m[1]) > 12) return 'dmy'
    if (Number(m[2]) > 12) return 'mdy'
  }
  return language === 'en' ? 'mdy' : 'dmy'
}

/** Contacts of an Outlook CSV export whose header (at `at`) outlookHeader recognised. */
export function parseOutlook(
  rows: { cells: string[]; line: number }[],
  header: { at: number; language: string; columns: Map<OutlookField, number> },
  warnings: ImportWarning[],
): ImportedContact[] {
  const body = rows.slice(header.at + 1)
  const cell = (cells: string[], field: OutlookField) => {
    const i = header.columns.get(field)
    return i === undefined ? '' : (cells[i] ?? '').trim()
  }
  const order = dateOrder(
    body.map((r) => cell(r.cells, 'Birthday')),
    header.language,
  )
  const contacts: ImportedContact[] = []
  for (const row of body) {
    const get = (field: OutlookField) => cell(row.cells, field)
    const d = newDraft()
    d.givenNames = [get('FirstName'), get('MiddleName')]
    d.familyName = get('LastName')
    d.suffix = get('Suffix')
    d.prefix = get('Title')
    d.company = get('Company')
    const department = get('Department')
    if (department !== '') d.units = [department]
    d.title = get('JobTitle')
    d.emails = (['EmailAddress', 'Email2Address', 'Email3Address'] as const).map((f, i) => ({
      value: get(f),
      label: '',
      preferred: i === 0,
    }))
    const phones: [OutlookField, string][] = [
      ['MobilePhone', 'Mobile'],
      ['BusinessPhone', 'Work'],
      ['BusinessPhone2', 'Work'],
      ['HomePhone', 'Home'],
      ['HomePhone2', 'Home'],
      ['PrimaryPhone', 'Primary'],
      ['CompanyMainPhone', 'Company'],
      ['OtherPhone', 'Other'],
    ]
    d.phones = phones.map(([f, label]): Labelled => ({
      value: get(f),
      label,
      preferred: f === 'PrimaryPhone',
    }))
    for (const web of [get('WebPage'), get('PersonalWebPage')]) if (web !== '') d.links.push(web)
    const nickname = get('Nickname')
    if (nickname !== '') d.nicknames.push(nickname)
    const im = get('IMAddress')
    if (im !== '') d.profiles.push({ service: '', handle: im })
    const notes = get('Notes')
    if (notes !== '') d.notes.push(notes)
    // Outlook joins categories with ";" (a list separator in every locale it writes).
    d.tags.push(...get('Categories').split(/[;,]/))
    const birthday = get('Birthday')
    if (birthday !== '') {
      const read = readBirthday(birthday, order)
      d.birthday = read === null ? birthday : read
    }
    const address = (label: string, prefix: 'Business' | 'Home'): PostalAddress => ({
      label,
      street: [get(`${prefix}Street`), get(`${prefix}Street2`), get(`${prefix}Street3`)]
        .filter((s) => s !== '')
        .join(', '),
      city: get(`${prefix}City`),
      region: get(`${prefix}State`),
      postalCode: get(`${prefix}PostalCode`),
      country: get(`${prefix}Country`),
    })
    d.addresses = [address('Work', 'Business'), address('Home', 'Home')]
    const contact = finishDraft(d, `line ${row.line}`, { line: row.line }, warnings)
    if (contact !== null) contacts.push(contact)
  }
  return contacts
}
