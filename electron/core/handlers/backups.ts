import type { Handlers } from '@shared/ipc'
import { DomainError } from '@shared/result'
import { active } from '../import/plan'
import type { HandlerContext } from './context'

/**
 * Handlers for backup.*. `onRestored` runs after a restore replaced the data, so that state
 * kept about the old data (import previews, undo entries) is dropped.
 */
export function backupHandlers(
  ctx: HandlerContext,
  onRestored: () => void,
): Pick<Handlers, 'backup.list' | 'backup.restore'> {
  return {
    'backup.list': async () => {
      const out = []
      for (const info of await ctx.store.backups.list()) {
        const file = await ctx.store.backups.read(info.id)
        out.push({
          id: info.id,
          takenAt: info.takenAt,
          reason: info.reason,
          bytes: info.bytes,
          contacts: file ? active(file.contacts).length : null,
        })
      }
      return out
    },

    'backup.restore': async ({ id }) => {
      // Only a name the folder listing produced is read: never a path from the renderer.
      const info = (await ctx.store.backups.list()).find((b) => b.id === id)
      if (!info) throw new DomainError('not-found', 'That backup does not exist.')
      const file = await ctx.store.backups.read(info.id)
      if (!file)
        throw new DomainError(
          'invalid-input',
          `The backup ${info.id} is damaged and cannot be restored.`,
        )
      const snapshot = await ctx.store.backups.take(
        ctx.store.serialize(),
        'before-restore',
        ctx.now(),
      )
      await ctx.store.replaceAll(file)
      ctx.undo.clear()
      onRestored()
      ctx.emit({
        type: 'changed',
        collections: [
          'contacts',
          'interactions',
          'requests',
          'updates',
          'settings',
          'importBatches',
        ],
      })
      return { restoredFrom: info.id, snapshot: snapshot.id }
    },
  }
}
