import type { Contact, Interaction } from '@shared/domain'
import { realFs } from '../store/fs'
import type { Op } from '../store/ops'
import { Store } from '../store/store'

/**
 * Put records into a data folder through the store (one journal commit per collection), as if
 * a user had built them up, then close it: tests open the core on the folder afterwards.
 */
export async function seedStore(
  dataDir: string,
  records: { contacts?: readonly Contact[]; interactions?: readonly Interaction[] },
  now: () => Date = () => new Date(),
): Promise<void> {
  const store = await Store.open({ dataDir, fs: realFs, now, isProcessAlive: () => false })
  try {
    const contacts: Op[] = (records.contacts ?? []).map((value) => ({
      op: 'put',
      coll: 'contacts',
      value,
    }))
    const interactions: Op[] = (records.interactions ?? []).map((value) => ({
      op: 'put',
      coll: 'interactions',
      value,
    }))
    if (contacts.length > 0) await store.commit(contacts)
    if (interactions.length > 0) await store.commit(interactions)
  } finally {
    await store.close()
  }
}
