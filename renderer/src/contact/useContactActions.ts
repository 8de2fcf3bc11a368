import { useMemo } from 'react'
import { call } from '../api/client'
import { useToasts } from '../ui/toasts'

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
  return useMemo(() => {
    const undoOrRedo = async (command: 'undo' | 'redo') => {
      const result = await call(command, {})
      if (!result.ok) {
        toasts.show({ tone: 'error', message: result.message })
        return
      }
      const verb = command === 'undo' ? 'Undone' : 'Redone'
      const label = result.value.label
      toasts.show({ message: label ? `${verb}: ${label}` : `Nothing to ${command}.` })
    }
    const undo = () => undoOrRedo('undo')
    const redo = () => undoOrRedo('redo')
    const remove = async (id: string, name: string) => {
      const result = await call('contact.delete', { id })
      if (!result.ok) {
        toasts.show({ tone: 'error', message: `Could not delete ${name}: ${result.message}` })
        return false
      }
      toasts.show({
        message: `Moved ${name} to the trash.`,
        action: { label: 'Undo', run: () => void undo() },
      })
      return true
    }
    return { remove, undo, redo }
  }, [toasts])
}
