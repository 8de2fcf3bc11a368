import type { Handlers } from '@shared/ipc'
import { toCsv, toVCard } from '../import'
import { active } from '../import/plan'
import { byBoardOrder } from './contacts'
import type { HandlerContext } from './context'

function day(now: Date): string {
  return now.toISOString().slice(0, 10)
}

const exportFile = (text: string, fileName: string, mimeType: string) => ({
  fileName,
  mimeType,
  dataBase64: Buffer.from(text, 'utf8').toString('base64'),
})

/** Handlers for export.*: the whole store as JSON, the contacts as vCard or CSV. */
export function exportHandlers(
  ctx: HandlerContext,
): Pick<Handlers, 'export.json' | 'export.vcard' | 'export.csv'> {
  const contacts = () => active(ctx.store.state.contacts.values()).sort(byBoardOrder)
  return {
    'export.json': () =>
      exportFile(ctx.store.serialize(), `vouch-backup-${day(ctx.now())}.json`, 'application/json'),

    'export.vcard': () =>
      exportFile(toVCard(contacts()), `vouch-contacts-${day(ctx.now())}.vcf`, 'text/vcard'),

    'export.csv': () =>
      exportFile(toCsv(contacts()), `vouch-contacts-${day(ctx.now())}.csv`, 'text/csv'),
  }
}
