import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { CORPUS_DIR, corpusPresent } from '@testing/core/corpus'
import { describe, expect, it } from 'vitest'
import { ContactFields, LIMITS } from '@shared/domain'
import { ImportRefused, parseContactsFile, suggestMapping } from '.'
import type { ParseResult } from '.'

const corpusDir = CORPUS_DIR

/** Documentation that sits beside the data files and is not a contacts file. */
const DOCUMENTATION = new Set([
  'PROVENANCE.md',
  'CSV_FORMATS.md',
  'ez-vcard/vcard-samples-license.txt',
])

/** Files refused on purpose, each with the reason a user would read. */
const REFUSED: Record<string, RegExp> = {
  'FolkerKinzel-VCards/Empty.vcf': /is empty/,
  'ez-vcard/jcard-example.json': /JSON file that is not a Vouch export/,
  'node-vcf/jcard.json': /JSON file that is not a Vouch export/,
  'thunderbird/import-resources/addressbook.json': /JSON file that is not a Vouch export/,
  'ez-vcard/rfc6351-example.xml': /XML or HTML file/,
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const full = join(dir, f)
    return statSync(full).isDirectory() ? walk(full) : [full]
  })
}

const present = corpusPresent('Corpus test')

describe.skipIf(!present)('import corpus (../shared/corpora)', () => {
  const files = present
    ? walk(corpusDir)
        .map((f) => relative(corpusDir, f).split('\\').join('/'))
        .filter((f) => !DOCUMENTATION.has(f))
        .sort()
    : []
  const table: { file: string; format: string; contacts: number; warnings: number }[] = []

  it('finds the corpus files', () => {
    expect(files.length).toBeGreaterThan(200)
  })

  it.each(files)('%s', (file) => {
    const bytes = readFileSync(join(corpusDir, file))
    const expectedRefusal = REFUSED[file]
    if (expectedRefusal !== undefined) {
      expect(() => parseContactsFile(bytes, file)).toThrow(ImportRefused)
      expect(() => parseContactsFile(bytes, file)).toThrow(expectedRefusal)
      table.push({ file, format: 'refused', contacts: 0, warnings: 1 })
      return
    }
    let result: ParseResult = parseContactsFile(bytes, file)
    if (result.needsMapping !== undefined) {
      expect(result.format).toBe('csv')
      expect(result.needsMapping.columns.length).toBeGreaterThan(0)
      result = parseContactsFile(bytes, file, {
        mapping: suggestMapping(result.needsMapping.columns),
      })
    }
    table.push({
      file,
      format: result.format,
      contacts: result.contacts.length,
      warnings: result.warnings.length,
    })
    expect(result.contacts.length + result.warnings.length).toBeGreaterThan(0)
    for (const w of result.warnings) {
      expect(w.where).toMatch(/^(card \d+ \(line \d+\)|line \d+)/)
      expect(w.message.length).toBeGreaterThan(10)
    }
    for (const c of result.contacts) {
      const { source, ...fields } = c
      expect(source.line).toBeGreaterThan(0)
      expect(ContactFields.partial().safeParse(fields).error).toBeUndefined()
      expect(c.name.trim()).not.toBe('')
      expect(c.name.length).toBeLessThanOrEqual(LIMITS.name)
      expect(c.notes?.length ?? 0).toBeLessThanOrEqual(LIMITS.notes)
      expect(c.links?.length ?? 0).toBeLessThanOrEqual(LIMITS.links)
    }
  })

  it('prints the corpus table', () => {
    const width = Math.max(...table.map((r) => r.file.length))
    const lines = table.map(
      (r) =>
        `${r.file.padEnd(width)}  ${r.format.padEnd(17)}  ${String(r.contacts).padStart(5)}  ${String(r.warnings).padStart(4)}`,
    )
    console.log(
      [`${'file'.padEnd(width)}  ${'format'.padEnd(17)}  contacts  warnings`, ...lines].join('\n'),
    )
    expect(table.length).toBe(files.length)
  })
})
