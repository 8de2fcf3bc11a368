import { useState } from 'react'
import type { Triage } from '@shared/domain'
import type { ContactFilter } from '@shared/query'
import { call } from '../api/client'
import { useContactActions } from '../contact/useContactActions'
import { useToasts } from '../ui/toasts'
import { people } from './format'
import { resolveSelection, type Selection } from './selection'

/** What moving people to a triage state says when it is done. */
const DONE: Record<Triage, (who: string) => string> = {
  kept: (who) => `Put ${who} on the board.`,
  archived: (who) => `Archived ${who}.`,
  inbox: (who) => `Sent ${who} to the Inbox.`,
}

/**
 * Moves a selection (a few people, or all matching `from` and `filter`) to another triage
 * state with one contact.bulk: one undo step, offered in the toast.
 */
export function useTriageBulk(from: Triage, filter: ContactFilter) {
  const toasts = useToasts()
  const { undo } = useContactActions()
  const [busy, setBusy] = useState(false)

  const move = async (selection: Selection, to: Triage): Promise<boolean> => {
    setBusy(true)
    try {
      let ids: string[]
      if (selection.kind === 'some') ids = [...selection.ids]
      else {
        const all = await call('contact.ids', { triage: from, filter })
        if (!all.ok) {
          toasts.show({ tone: 'error', message: all.message })
          return false
        }
        ids = resolveSelection(selection, all.value.ids)
      }
      if (ids.length === 0) return false
      const result = await call('contact.bulk', { ids, set: { triage: to } })
      if (!result.ok) {
        toasts.show({ tone: 'error', message: `Nothing was changed: ${result.message}` })
        return false
      }
      toasts.show({
        message: DONE[to](people(result.value.changed)),
        action: { label: 'Undo', run: () => void undo() },
      })
      return true
    } finally {
      setBusy(false)
    }
  }

  return { move, busy }
}
