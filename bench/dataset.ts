import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { snapshotChunks } from '../electron/core/store/snapshot'
import type { StoreFile } from '../electron/core/store/schema'
import { DATA_FILE } from '../electron/core/store/store'
import { generateStoreFile } from './generate'

/** The text of vouch.json for a store file, chunked and checksummed exactly as the store writes it. */
export function storeFileText(file: StoreFile): string {
  const { contacts, interactions, requests, updates, importBatches, ...head } = file
  return [
    ...snapshotChunks({
      head,
      collections: [
        ['contacts', contacts],
        ['interactions', interactions],
        ['requests', requests],
        ['updates', updates],
        ['importBatches', importBatches],
      ],
    }),
  ].join('')
}

/** A generated data set and its vouch.json text, made once per size and reused by every section. */
export interface Dataset {
  contacts: number
  interactions: number
  file: StoreFile
  text: string
}

export function makeDataset(contacts: number, interactionsPerContact: number): Dataset {
  const file = generateStoreFile(contacts, interactionsPerContact)
  return { contacts, interactions: file.interactions.length, file, text: storeFileText(file) }
}

/** A fresh temp data folder holding the dataset's vouch.json. */
export async function dataFolder(dataset: Dataset, label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `vouch-bench-${label}-`))
  await writeFile(join(dir, DATA_FILE), dataset.text)
  return dir
}

export async function removeFolder(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true })
}
