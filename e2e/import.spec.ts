import { readFile } from 'node:fs/promises'
import type { Contact } from '@shared/domain'
import type { Input } from '@shared/ipc'
import type { Core } from '../electron/core/types'
import { decodeStoreFile } from '../electron/core/store/schema'
import { expect, test } from './fixtures'
import { ImportPage } from './pages/import'

const card = (lines: string[]) => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD'].join('\r\n')

/** Three people, one of whom (Ada, by email) is already in Vouch. */
const VCF = `${[
  card(['FN:Ada Lovelace', 'ORG:Analytical Engines', 'EMAIL:ada@example.com']),
  card(['FN:Grace Hopper', 'ORG:US Navy', 'EMAIL:grace@example.com']),
  card(['FN:Alan Turing', 'TEL:+44 20 7946 0958']),
].join('\r\n')}\r\n`

/** Everyone not trashed, on the board or in the inbox (imports land there), or the trash. */
async function contacts(core: Core, command: 'contact.list' | 'contact.trash' = 'contact.list') {
  if (command === 'contact.trash') return core.call('contact.trash', {})
  return (await core.call('contact.query', { triage: 'any', limit: 500 })).items
}

function create(core: Core, input: Input<'contact.create'>): Promise<Contact> {
  return core.call('contact.create', input)
}

const summary = (list: Contact[]) => list.map((c) => [c.name, c.stage, c.company])

test('imports a vCard file with its duplicate flagged, then undoes the whole import', async ({
  page,
  vouch,
}) => {
  const core = await vouch.core()
  const ada = await create(core, { name: 'Ada L.', email: 'ada@example.com' })
  await vouch.open()
  const wizard = new ImportPage(page)
  await wizard.open()

  await wizard.chooseFile('contacts.vcf', VCF, 'text/vcard')
  await expect(wizard.duplicates).toHaveCount(1)
  await expect(wizard.duplicate('Ada Lovelace')).toContainText('Ada L.')
  await expect(wizard.duplicate('Ada Lovelace')).toContainText('same email')
  await expect(wizard.newPeople).toHaveText([/Grace Hopper/, /Alan Turing/])

  await wizard.choose('Ada Lovelace', 'Merge')
  await wizard.commit()
  await wizard.expectResult('Imported contacts.vcf: 2 added, 1 merged, 0 skipped.')
  await expect
    .poll(async () => summary(await contacts(core)))
    .toEqual([
      ['Ada L.', 'identified', 'Analytical Engines'],
      ['Grace Hopper', 'identified', 'US Navy'],
      ['Alan Turing', 'identified', ''],
    ])

  await wizard.undoImport()
  await wizard.expectResult('The import of contacts.vcf was undone.')
  await expect.poll(async () => contacts(core)).toEqual([ada])
  await expect(wizard.backups.filter({ hasText: 'Before an import' })).toHaveCount(1)
})

test('reads a file dropped onto the wizard', async ({ page, vouch }) => {
  await vouch.open()
  const wizard = new ImportPage(page)
  await wizard.open()
  await wizard.dropFile('dropped.vcf', VCF, 'text/vcard')
  await expect(wizard.newPeople).toHaveText([/Ada Lovelace/, /Grace Hopper/, /Alan Turing/])
  await expect(wizard.duplicates).toHaveCount(0)
})

test.describe.serial('a JSON export re-imports into an empty data folder', () => {
  let exported: { name: string; text: string } | null = null

  test('exports a full backup as a download', async ({ page, vouch }) => {
    const core = await vouch.core()
    const ada = await create(core, { name: 'Ada', email: 'ada@example.com', tags: ['math'] })
    await create(core, { name: 'Grace', stage: 'in-touch', company: 'Navy' })
    await create(core, { name: 'Alan', stage: 'in-touch' })
    await core.call('contact.move', { id: ada.id, stage: 'asked' })
    await vouch.open()
    const wizard = new ImportPage(page)
    await wizard.open()
    const download = await wizard.exportAs('Full backup (Vouch JSON)')
    expect(download.suggestedFilename()).toMatch(/^vouch-backup-\d{4}-\d{2}-\d{2}\.json$/)
    const path = await download.path()
    const text = await readFile(path, 'utf8')
    const decoded = decodeStoreFile(text)
    expect(decoded.kind).toBe('ok')
    expect(decoded.kind === 'ok' && decoded.file.contacts).toHaveLength(3)
    exported = { name: download.suggestedFilename(), text }
  })

  test('imports it through the wizard and gets identical contacts', async ({ page, vouch }) => {
    if (!exported) throw new Error('the export test did not run')
    const decoded = decodeStoreFile(exported.text)
    if (decoded.kind !== 'ok') throw new Error('the export does not decode')
    await vouch.open()
    const core = await vouch.core()
    expect(await contacts(core)).toEqual([])
    const wizard = new ImportPage(page)
    await wizard.open()
    await wizard.chooseFile(exported.name, exported.text, 'application/json')
    await expect(wizard.preview).toContainText('Vouch backup')
    await expect(wizard.duplicates).toHaveCount(0)
    await wizard.commit()
    await wizard.expectResult(`Imported ${exported.name}: 3 added, 0 merged, 0 skipped.`)
    const byId = (a: Contact, b: Contact) => (a.id < b.id ? -1 : 1)
    await expect
      .poll(async () => (await contacts(core)).sort(byId))
      .toEqual([...decoded.file.contacts].sort(byId))
  })
})
