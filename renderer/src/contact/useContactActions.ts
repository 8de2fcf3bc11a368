import { useMemo } from 'react'
import { useToasts } from '../ui/toasts'
import { undoOrRedo, useCommand } from '../ui/useCommand'

/** Commands shared by the board, the panel and the shortcuts, each reporting through a toast. */
export interface ContactActions {
  /** Move a contact to the trash and offer Undo. Resolves true when it was deleted. */
  remove: (id: string, name: string) => Promise<boolean>
  undo: () => Promise<void>
  redo: () => Promise<void>
}

/** Delete, undo and redo with their toasts. */
export function useContactActions(): ContactActions {
  const toasts = useToasts()
  const { run } = useCommand()
  return useMemo(() => {
    const remove = async (id: string, name: string) => {
      const result = await run(
        'contact.delete',
        { id },
        {
          toast: `Moved ${name} to the trash.`,
          undoable: true,
          failure: `Could not delete ${name}`,
        },
      )
      return result?.ok === true
    }
    return {
      remove,
      undo: () => undoOrRedo(toasts, 'undo'),
      redo: () => undoOrRedo(toasts, 'redo'),
    }
  }, [toasts, run])
}
