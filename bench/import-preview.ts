import { existsSync, readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { findDuplicates, parseContactsFile } from '../electron/core/import'
import { makeContact } from '@testing/builders'

/** Timings of one import preview (parse + dedupe) over several runs, in milliseconds. */
export interface ImportPreviewBench {
  file: string
  cards: number
  runs: number
  medianMs: number
  p95Ms: number
}

const LARGE_FILE = resolve(
  import.meta.dirname,
  '../../shared/corpora/FolkerKinzel-VCards/LargeFile.vcf',
)

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN
}

/** Times parseContactsFile + findDuplicates on LargeFile.vcf (~1,000 cards) against as many existing contacts. */
export function benchImportPreview(runs = 15, file = LARGE_FILE): ImportPreviewBench {
  if (!existsSync(file))
    throw new Error(`Benchmark file not found: ${file} (shared/corpora must sit beside the repo).`)
  const bytes = readFileSync(file)
  const first = parseContactsFile(bytes, 'LargeFile.vcf')
  // Existing contacts shaped like the file's, so dedupe does real index lookups and finds matches.
  const existing = first.contacts.map((c, i) =>
    makeContact({
      name: c.name,
      company: c.company ?? '',
      email: c.email ?? '',
      phone: c.phone ?? '',
      id: `bench-${i}`,
      stage: 'identified',
      order: i,
    }),
  )
  const times: number[] = []
  for (let run = 0; run < runs + 2; run++) {
    const start = performance.now()
    const result = parseContactsFile(bytes, 'LargeFile.vcf')
    findDuplicates(result.contacts, existing)
    const ms = performance.now() - start
    if (run >= 2) times.push(ms) // the first two runs warm up the JIT
  }
  times.sort((a, b) => a - b)
  return {
    file: 'FolkerKinzel-VCards/LargeFile.vcf',
    cards: first.contacts.length,
    runs,
    medianMs: percentile(times, 50),
    p95Ms: percentile(times, 95),
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = benchImportPreview()
  console.log(
    `import preview (parse + dedupe) of ${r.file}, ${r.cards} cards, ${r.runs} runs: median ${r.medianMs.toFixed(1)} ms, p95 ${r.p95Ms.toFixed(1)} ms`,
  )
}
