/*
 * Column suggestions for a CSV of unknown layout: header names in English, German, French,
 * Spanish, Italian, Dutch and Portuguese (with Outlook's own localized headers, outlook.ts),
 * then what the values look like.
 */
import { ContactFields } from '@shared/domain'
import type { ColumnTarget } from '@shared/importContract'
import { emptyRecord } from '@shared/records'
import { AN_EMAIL, columnName } from './csv'
import { OUTLOOK_FIELDS, OUTLOOK_HEADERS, type OutlookField } from './outlook'
import type { ColumnMapping } from './types'

/** A header as compared: lower case, no accents, punctuation as spaces. */
function normHeader(h: string): string {
  return h
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

const OUTLOOK_TARGETS: Partial<Record<OutlookField, ColumnTarget>> = {
  FirstName: 'givenName',
  MiddleName: 'middleName',
  LastName: 'familyName',
  Suffix: 'nameSuffix',
  Title: 'honorific',
  Company: 'company',
  Department: 'field',
  JobTitle: 'title',
  EmailAddress: 'email',
  Email2Address: 'email',
  Email3Address: 'email',
  BusinessPhone: 'phone',
  BusinessPhone2: 'phone',
  HomePhone: 'phone',
  HomePhone2: 'phone',
  MobilePhone: 'phone',
  PrimaryPhone: 'phone',
  OtherPhone: 'phone',
  CompanyMainPhone: 'phone',
  WebPage: 'links',
  Notes: 'notes',
  Categories: 'tags',
  Birthday: 'birthday',
  BusinessStreet: 'street',
  BusinessCity: 'city',
  BusinessState: 'region',
  BusinessPostalCode: 'postalCode',
  BusinessCountry: 'country',
  HomeStreet: 'street',
  HomeCity: 'city',
  HomeState: 'region',
  HomePostalCode: 'postalCode',
  HomeCountry: 'country',
  Nickname: 'nicknames',
  IMAddress: 'profiles',
  PersonalWebPage: 'links',
}

/** Usual column names per target, in English, German, French, Spanish, Italian, Dutch, Portuguese. */
const SYNONYMS: [ColumnTarget, string[]][] = [
  [
    'name',
    [
      'name',
      'full name',
      'fullname',
      'display name',
      'displayname',
      'contact name',
      'contact',
      'anzeigename',
      'vollstandiger name',
      'nom complet',
      'nom d affichage',
      'nombre completo',
      'nome completo',
      'nome visualizzato',
      'volledige naam',
      'weergavenaam',
      'naam',
    ],
  ],
  [
    'givenName',
    [
      'first name',
      'firstname',
      'first',
      'given name',
      'givenname',
      'forename',
      'vorname',
      'prenom',
      'nombre de pila',
      'primeiro nome',
      'voornaam',
    ],
  ],
  [
    'middleName',
    [
      'middle name',
      'middlename',
      'middle',
      'additional name',
      'weitere vornamen',
      'zweiter vorname',
      'deuxieme prenom',
      'segundo nombre',
      'secondo nome',
      'segundo nome',
      'tussenvoegsel',
    ],
  ],
  [
    'familyName',
    [
      'last name',
      'lastname',
      'last',
      'surname',
      'family name',
      'familyname',
      'nachname',
      'familienname',
      'nom de famille',
      'apellido',
      'apellidos',
      'cognome',
      'achternaam',
      'sobrenome',
    ],
  ],
  ['nameSuffix', ['suffix', 'name suffix', 'namenszusatz', 'suffixe', 'sufijo', 'sufixo']],
  [
    'honorific',
    [
      'prefix',
      'name prefix',
      'honorific',
      'salutation',
      'anrede',
      'civilite',
      'titre de civilite',
      'tratamiento',
      'tratamento',
      'aanhef',
    ],
  ],
  [
    'title',
    [
      'job title',
      'jobtitle',
      'position',
      'role',
      'job',
      'occupation',
      'organization title',
      'organisation title',
      'organization 1 title',
      'funktion',
      'berufsbezeichnung',
      'poste',
      'fonction',
      'titre',
      'intitule du poste',
      'puesto',
      'cargo',
      'posizione',
      'qualifica',
      'functie',
      'designation',
    ],
  ],
  [
    'company',
    [
      'company',
      'company name',
      'organization',
      'organisation',
      'organization name',
      'organisation name',
      'organization 1 name',
      'employer',
      'firma',
      'unternehmen',
      'firmenname',
      'societe',
      'entreprise',
      'empresa',
      'organizacion',
      'azienda',
      'societa',
      'bedrijf',
      'organisatie',
    ],
  ],
  [
    'field',
    [
      'department',
      'organization department',
      'abteilung',
      'service',
      'departement',
      'departamento',
      'reparto',
      'afdeling',
    ],
  ],
  [
    'links',
    [
      'web page',
      'webpage',
      'website',
      'web site',
      'url',
      'homepage',
      'home page',
      'webseite',
      'site web',
      'sitio web',
      'pagina web',
      'sito web',
      'webpagina',
      'links',
      'link',
      'linkedin',
      'linkedin url',
      'profile url',
    ],
  ],
  [
    'notes',
    [
      'notes',
      'note',
      'comments',
      'comment',
      'notizen',
      'notiz',
      'bemerkungen',
      'bemerkung',
      'remarques',
      'commentaires',
      'notas',
      'anotaciones',
      'anotacoes',
      'notities',
      'opmerkingen',
      'memo',
    ],
  ],
  [
    'tags',
    [
      'tags',
      'tag',
      'labels',
      'label',
      'categories',
      'category',
      'groups',
      'group',
      'group membership',
      'kategorien',
      'categorie',
      'categorias',
      'categorieen',
      'schlagworter',
    ],
  ],
  [
    'birthday',
    [
      'birthday',
      'birth date',
      'birthdate',
      'date of birth',
      'dob',
      'geburtstag',
      'geburtsdatum',
      'anniversaire',
      'date de naissance',
      'cumpleanos',
      'fecha de nacimiento',
      'compleanno',
      'data di nascita',
      'verjaardag',
      'geboortedatum',
      'aniversario',
      'data de nascimento',
    ],
  ],
  [
    'nicknames',
    ['nickname', 'nick name', 'nick', 'spitzname', 'surnom', 'apodo', 'soprannome', 'bijnaam'],
  ],
  [
    'street',
    [
      'street',
      'address',
      'street address',
      'address line 1',
      'strasse',
      'adresse',
      'rue',
      'calle',
      'direccion',
      'indirizzo',
      'straat',
      'adres',
      'rua',
      'endereco',
    ],
  ],
  [
    'city',
    [
      'city',
      'town',
      'ort',
      'stadt',
      'ville',
      'ciudad',
      'citta',
      'plaats',
      'woonplaats',
      'cidade',
      'locality',
    ],
  ],
  [
    'region',
    ['state', 'region', 'province', 'county', 'bundesland', 'provincia', 'provincie', 'estado'],
  ],
  [
    'postalCode',
    [
      'zip',
      'zip code',
      'zipcode',
      'postal code',
      'postcode',
      'post code',
      'plz',
      'postleitzahl',
      'code postal',
      'codigo postal',
      'cap',
      'cep',
    ],
  ],
  ['country', ['country', 'country region', 'land', 'pays', 'pais', 'paese']],
  ['connectedOn', ['connected on', 'connection date']],
  ['howWeMet', ['how we met']],
  ['workedTogether', ['worked together']],
]

const ContactFieldKeys = ContactFields.keyof().options

const SUGGESTION = new Map<string, ColumnTarget>()
for (const headers of Object.values(OUTLOOK_HEADERS)) {
  for (const field of OUTLOOK_FIELDS) {
    const target = OUTLOOK_TARGETS[field]
    const name = headers[field]
    if (target !== undefined && name !== '') {
      const k = normHeader(name)
      if (!SUGGESTION.has(k)) SUGGESTION.set(k, target)
    }
  }
}
for (const [target, names] of SYNONYMS) for (const n of names) SUGGESTION.set(n, target)
// Vouch's own CSV export names its columns after the fields.
for (const field of ContactFieldKeys) SUGGESTION.set(normHeader(field), field)

const EMAIL_WORD =
  /(^| )(e ?mail|mail|email address|correo|courriel|messagerie|posta elettronica|e post|e ?mailadres|e ?mail adresse)( |$)/
const PHONE_WORD =
  /(phone|telephone|tel|mobile|cell|handy|mobil|telefon|telefono|telefone|telefoon|portable|celular|cellulare|movil|telemovel)/
const NOT_A_VALUE =
  /(type|typ|tipo|label|display|angezeigt|anzeige|weergegeven|nom complet|pantalla|visualizzato|fax)/
const HONORIFIC =
  /^(mr|mrs|ms|miss|mx|dr|prof|sir|dame|herr|frau|m|mme|mlle|sr|sra|srta|sig|sig\.ra|dhr|mevr|rev)\.?$/i

/** A target for one header, by its words when no table names it. */
function targetOf(header: string): ColumnTarget | undefined {
  const n = normHeader(header)
  const known = SUGGESTION.get(n)
  if (known !== undefined) return known
  if (NOT_A_VALUE.test(n)) return undefined
  if (EMAIL_WORD.test(n)) return 'email'
  if (PHONE_WORD.test(n)) return 'phone'
  return undefined
}

/** A target for a column no name explains, from its values: addresses or phone numbers. */
function targetByValues(values: string[]): ColumnTarget | undefined {
  const filled = values.map((v) => v.trim()).filter((v) => v !== '')
  if (filled.length === 0) return undefined
  if (filled.every((v) => AN_EMAIL.test(v))) return 'email'
  if (filled.every((v) => /^\+?[\d\s().-]{7,}$/.test(v) && /\d{3}/.test(v))) return 'phone'
  return undefined
}

/** Targets that several columns may feed (the first email or phone becomes the contact's). */
const MULTI: ReadonlySet<ColumnTarget> = new Set(['email', 'phone', 'links', 'tags', 'notes'])

/**
 * A column mapping guessed from header names (and a few sample rows); the UI shows it for the
 * user to confirm. Knows Outlook's localized headers and the usual names in seven languages;
 * given, middle and family names are composed into the name; "Title" is an honorific when a job
 * title column exists or its values look like Mr./Dr.
 */
export function suggestMapping(columns: string[], sample: string[][] = []): ColumnMapping {
  const mapping: ColumnMapping = emptyRecord()
  const used = new Set<ColumnTarget>()
  const jobTitle = columns.some((c) => {
    const n = normHeader(c)
    return n !== 'title' && SUGGESTION.get(n) === 'title'
  })
  columns.forEach((column, i) => {
    let target = targetOf(column)
    const n = normHeader(column)
    if (n === 'title' || n === 'titel' || n === 'titolo' || n === 'titulo') {
      const values = sample.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '')
      const honorific = values.length > 0 && values.every((v) => HONORIFIC.test(v))
      target = jobTitle || honorific ? 'honorific' : 'title'
    }
    if (target === undefined) target = targetByValues(sample.map((r) => r[i] ?? ''))
    if (target === undefined || (used.has(target) && !MULTI.has(target))) return
    mapping[column] = target
    used.add(target)
  })
  // A file without a header row: its first column of words is taken for the name.
  if (!used.has('name') && columns.length > 0 && columns.every((c, i) => c === columnName(i))) {
    const i = columns.findIndex(
      (c, i) =>
        mapping[c] === undefined &&
        sample.some((r) => /\p{L}/u.test(r[i] ?? '')) &&
        sample.every((r) => !AN_EMAIL.test(r[i] ?? '')),
    )
    const column = columns[i]
    if (column !== undefined) {
      mapping[column] = 'name'
      used.add('name')
    }
  }
  // A lone "Nom", "Nome" or "Last name" with no other name column holds the whole name.
  const nameParts = Object.entries(mapping).filter(
    ([, t]) => t === 'givenName' || t === 'familyName',
  )
  const single = nameParts[0]
  if (!used.has('name') && nameParts.length === 1 && single !== undefined)
    mapping[single[0]] = 'name'
  return mapping
}
