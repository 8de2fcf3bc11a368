import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import { CORPUS_DIR, corpusPresent } from '@testing/core/corpus'
import { describe, expect, it } from 'vitest'
import { parseContactsFile } from '.'
import type { ImportedContact } from '.'

const corpus = CORPUS_DIR
const present = corpusPresent('vCard corpus tests')

function read(file: string) {
  return parseContactsFile(readFileSync(join(corpus, file)), file)
}
function fields(c: ImportedContact | undefined) {
  if (c === undefined) throw new Error('no contact')
  const { source: _source, ...rest } = c
  return rest
}

describe.skipIf(!present)('vCard files from real clients', () => {
  it('iPhone (iOS 5, CR CR LF lines, item groups, folded PHOTO)', () => {
    const r = read('ez-vcard/John_Doe_IPHONE.vcf')
    expect(r.format).toBe('vcard')
    expect(r.warnings).toEqual([])
    const c = fields(r.contacts[0])
    expect(c.name).toBe('Mr. John Richter James Doe Sr.')
    expect(c.company).toBe('IBM')
    expect(c.field).toBe('Accounting')
    expect(c.title).toBe('Money Counter')
    expect(c.email).toBe('john.doe@ibm.com')
    expect(c.phone).toBe('905-555-1234')
    expect(c.links).toEqual(['http://www.ibm.com'])
    expect(c.notes).toContain('Other phone: 905-222-1234 (AssistantPhone)')
    expect(c.birthday).toBe('2012-06-06')
    expect(c.notes).not.toContain('Honorific')
  })

  it('Outlook 2007 (2.1, QP note with soft breaks, base64 KEY and PHOTO)', () => {
    const c = fields(read('ez-vcard/outlook-2007.vcf').contacts[0])
    expect(c.name).toBe('Mr. Michael Angstadt Jr.')
    expect(c.company).toBe('TheCompany')
    expect(c.field).toBe('TheDepartment')
    expect(c.email).toBe('mike.angstadt@gmail.com')
    expect(c.phone).toBe('(111) 555-1111')
    expect(c.notes?.split('\n').slice(0, 2)).toEqual([
      'This is the NOTE field\t',
      'I assume it encodes this text inside a NOTE vCard type.',
    ])
    expect(c.birthday).toBe('1922-03-10')
  })

  it('Gmail (escaped quotes, custom X-ABLabel)', () => {
    const c = fields(read('ez-vcard/John_Doe_GMAIL.vcf').contacts[0])
    expect(c.name).toBe('Mr. John Richter, James Doe Sr.')
    expect(c.email).toBe('john.doe@ibm.com')
    expect(c.notes).toContain('"AS IS"')
    expect(c.notes).not.toContain('\\"')
    expect(c.birthday).toBe('1980-03-22')
  })

  it('Android export with six cards', () => {
    const r = read('ez-vcard/John_Doe_ANDROID.vcf')
    expect(r.contacts.length).toBe(6)
    expect(r.contacts.every((c) => c.source.card !== undefined)).toBe(true)
  })

  it('UTF-16 with BOM, Windows-1252 and UTF-8 copies of one card give identical results', () => {
    const ansiBytes = readFileSync(
      join(corpus, 'FolkerKinzel-VCards/MultiAnsiFilterTests/v3Ansi.vcf'),
    )
    const utf16 = read('FolkerKinzel-VCards/MultiAnsiFilterTests/v3Utf16Bom.vcf')
    const ansi = parseContactsFile(ansiBytes, 'v3Ansi.vcf')
    const utf8 = parseContactsFile(
      Buffer.from(iconv.decode(ansiBytes, 'windows-1252'), 'utf8'),
      'v3Utf8.vcf',
    )
    expect(ansi.contacts.map(fields)).toEqual(utf16.contacts.map(fields))
    expect(utf8.contacts.map(fields)).toEqual(utf16.contacts.map(fields))
    expect(utf16.contacts.map((c) => c.name)).toEqual(['Folker Kinzel', 'KMS Außenstelle'])
    expect(fields(utf16.contacts[1])).toMatchObject({
      email: 'blablö@blub.com',
      phone: '03443-303776',
    })
    expect(utf16.contacts[1]?.notes).toBe('Other phone: 03443-333440 (homeFax)')
    expect(utf16.contacts[0]?.links).toEqual(['https://www.folker-kinzel.de'])
  })

  it('8-bit text without CHARSET reads with the charset declared elsewhere in the card', () => {
    expect(read('FolkerKinzel-VCards/MultiAnsiFilterTests/Greek.vcf').contacts.map(fields)).toEqual(
      read('FolkerKinzel-VCards/Utf-8/Greek.vcf').contacts.map(fields),
    )
    expect(read('FolkerKinzel-VCards/Utf-8/Greek.vcf').contacts[0]?.name).toBe('Βαγγέλης')
    expect(read('FolkerKinzel-VCards/MultiAnsiFilterTests/German.vcf').contacts[0]?.name).toBe(
      'Sören Täve Nüßlebaum',
    )
  })

  it('an unknown CHARSET falls back to Windows-1252 with a warning', () => {
    const r = read('FolkerKinzel-VCards/MultiAnsiFilterTests/Murks.vcf')
    expect(r.contacts[0]?.name).toBe('Sören Täve Nüßlebaum')
    expect(r.warnings[0]?.message).toMatch(/Unknown character set "Murks"/)
  })

  it('a fold inside a UTF-8 character is joined before decoding', () => {
    const c = fields(read('kcontacts/vcard9.vcf').contacts[0])
    expect(c.notes).toBe(
      'Длинный комментарий на русском языке, чтобы в результате получилась строка более 70 символов.',
    )
    expect(c.name).toBe('βγδεαβγδ1'.repeat(11))
    expect(c.name).not.toContain('\uFFFD')
  })

  it('quoted-printable soft line breaks in N and FN (Evolution, 2.1)', () => {
    const c = fields(read('evolution-data-server/vcard/12.vcf').contacts[0])
    expect(c.name).toBe('Michael Brüning')
    expect(c.phone).toBe('+491622433834')
    expect(c.email).toBe('ext-Michael.Bruning@nokia.com')
    expect(c.notes).toContain('Other phone: 017623384942 (cell, home)')
  })

  it('a QP soft break swallows a line starting with "#" (Android)', () => {
    const r = read('android-vcard/v21_invalid_comment_line.vcf')
    expect(r.contacts[0]?.notes).toBe(
      'This is an (sharp ->#<- sharp) example. This message must NOT be ignored.',
    )
    expect(r.warnings.map((w) => w.where)).toEqual([
      'card 1 (line 1), line 6',
      'card 1 (line 1), line 9',
    ])
  })

  it('folds inside parameters and escaped semicolons (Evolution "evil" card)', () => {
    const c = fields(read('evolution-data-server/vcard/13.vcf').contacts[0])
    expect(c.email).toBe('Frank_Dawson@Lotus.com')
    expect(c.phone).toBe('+1-919-676-9515')
    expect(c.notes).toContain('Other email: semicolon;@points.net')
  })

  it('Shift_JIS CHARSET with QP note', () => {
    const c = fields(read('android-vcard/v21_japanese_2.vcf').contacts[0])
    expect(c.name).toBe('安藤 ロイド 1')
    expect(c.notes).toBe('メモ')
  })

  it('RFC 6350 example: year-less BDAY, PREF=1 email, tel: URIs', () => {
    const c = fields(read('ez-vcard/rfc6350-example.vcf').contacts[0])
    expect(c.name).toBe('Simon Perreault')
    expect(c.email).toBe('simon.perreault@viagenie.ca')
    expect(c.phone).toBe('+1-418-656-9254;ext=102')
    expect(c.birthday).toBe('--02-03')
    expect(c.addresses).toEqual([
      {
        label: 'Work',
        street: '2875 Laurier, Suite D2-630',
        city: 'Quebec',
        region: 'QC',
        postalCode: 'G1V 2M2',
        country: 'Canada',
      },
    ])
    expect(c.notes).toContain('Other phone: +1-418-262-6501 (work, cell, video)')
  })

  it('TYPE=PREF picks the preferred email and phone; other ORG/TITLE go to notes', () => {
    const c = fields(read('android-vcard/v21_pref_handling.vcf').contacts[0])
    expect(c.email).toBe('test@example.com')
    expect(c.phone).toBe('2')
    expect(c.company).toBe('Company')
    expect(c.title).toBe('Engineer')
    expect(c.notes).toContain('Other organisation: Mystery')
  })

  it('nested cards are read as separate cards', () => {
    expect(read('android-vcard/v21_nest.vcf').contacts.map((c) => c.name)).toEqual([
      'parent',
      'nest1',
      'nest2',
    ])
  })

  it('2.1 base64 PHOTO without folding does not swallow the following lines', () => {
    const r = read('android-vcard/v21_base64_no_2_crlf.vcf')
    expect(r.contacts.map((c) => c.name)).toEqual(['fullname'])
    const big = read('FolkerKinzel-VCards/NextCloudPhotoIssue.txt')
    expect(big.contacts[0]?.name).toBe('dujonox')
    expect(big.contacts[0]?.title).toBe('zoxijr')
  })

  it('a card cut short is skipped with a warning', () => {
    const r = read('FolkerKinzel-VCards/Cropped_2_1.vcf')
    expect(r.contacts).toEqual([])
    expect(r.warnings).toHaveLength(1)
    expect(r.warnings[0]?.where).toBe('card 1 (line 1)')
    expect(r.warnings[0]?.message).toMatch(/ends before/)
  })

  it('a card with no name, organisation or email is skipped with a warning', () => {
    const r = read('node-vcf/quoted-list.vcf')
    expect(r.contacts).toEqual([])
    expect(r.warnings[0]?.message).toMatch(/No name, organisation or email/)
  })

  it('lines outside cards and an END without BEGIN are reported', () => {
    const r = read('evolution-data-server/vcard/7.vcf')
    expect(r.contacts).toEqual([])
    expect(r.warnings.map((w) => w.message)).toEqual([
      'END:VCARD without a BEGIN:VCARD was ignored.',
      expect.stringMatching(/lines outside any BEGIN:VCARD/),
    ])
  })

  it('"Name" <address> in EMAIL continued on an indented line', () => {
    expect(read('android-vcard/v21_invalid_multiple_line.vcf').contacts[0]?.email).toBe(
      'omega@example.com',
    )
  })
})

describe('vCard syntax', () => {
  const parse = (text: string) => parseContactsFile(Buffer.from(text, 'utf8'), 'test.vcf')

  it('resolves \\, \\; \\n \\N \\\\ escapes', () => {
    const r = parse(
      'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\\, B\\; C\r\nNOTE:one\\ntwo\\Nthree \\\\ four\r\nEND:VCARD\r\n',
    )
    expect(r.contacts[0]?.name).toBe('A, B; C')
    expect(r.contacts[0]?.notes).toBe('one\ntwo\nthree \\ four')
  })

  it('names: N without FN, ORG without names, email alone', () => {
    const r = parse(
      [
        'BEGIN:VCARD\nVERSION:3.0\nN:Hopper;Grace;Brewster;;\nEND:VCARD',
        'BEGIN:VCARD\nVERSION:3.0\nORG:Acme;Research\nEND:VCARD',
        'BEGIN:VCARD\nVERSION:3.0\nEMAIL:x@example.com\nEND:VCARD',
      ].join('\n'),
    )
    expect(r.contacts.map((c) => c.name)).toEqual(['Grace Brewster Hopper', 'Acme', 'X'])
    expect(r.contacts.map((c) => c.nameFromEmail)).toEqual([undefined, undefined, true])
    expect(r.contacts[1]?.field).toBe('Research')
  })

  it('birthdays without a year in both notations', () => {
    const r = parse(
      'BEGIN:VCARD\nFN:A\nBDAY:--0315\nEND:VCARD\nBEGIN:VCARD\nFN:B\nBDAY:--03-15\nEND:VCARD\n',
    )
    expect(r.contacts.map((c) => c.birthday)).toEqual(['--03-15', '--03-15'])
    expect(r.contacts.map((c) => c.notes)).toEqual([undefined, undefined])
  })

  it('over-long values are cut to the caps with a warning; bad links dropped', () => {
    const r = parse(
      `BEGIN:VCARD\nFN:${'n'.repeat(250)}\nNOTE:${'x'.repeat(25_000)}\nURL:javascript:alert(1)\nEND:VCARD\n`,
    )
    const c = r.contacts[0]
    expect(c?.name.length).toBe(200)
    expect(c?.notes?.length).toBe(20_000)
    expect(c?.links).toBeUndefined()
    expect(r.warnings.map((w) => w.message)).toEqual([
      'The name was longer than 200 characters and was shortened.',
      '"javascript:alert(1)" is not a web link and was left out.',
      'The notes text was longer than 20000 characters and was shortened.',
    ])
  })
})
