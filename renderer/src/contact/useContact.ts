import { useEffect, useState } from 'react'
import type { Contact } from '@shared/domain'
import { call, subscribe } from '../api/client'

/** One contact as the core has it now: loading, shown, or gone (deleted or trashed). */
export type ContactState =
  { kind: 'loading' } | { kind: 'found'; contact: Contact } | { kind: 'missing'; message: string }

/**
 * Fetch one contact with contact.get and keep it current from the core's 'changed' events
 * (their contact delta when they carry one; a re-fetch when they do not). Does not rely on
 * the renderer holding every contact.
 */
export function useContact(id: string): ContactState {
  const [state, setState] = useState<ContactState>({ kind: 'loading' })
  useEffect(() => {
    let live = true
    const load = () =>
      void call('contact.get', { id }).then((result) => {
        if (!live) return
        if (!result.ok) setState({ kind: 'missing', message: result.message })
        else if (result.value.trashedAt !== null) {
          setState({ kind: 'missing', message: 'This person is in the trash.' })
        } else setState({ kind: 'found', contact: result.value })
      })
    load()
    const unsubscribe = subscribe((event) => {
      if (event.type !== 'changed' || !event.collections.includes('contacts')) return
      const delta = event.contacts
      if (!delta) {
        load()
        return
      }
      const put = delta.put.find((c) => c.id === id)
      if (put) {
        setState(
          put.trashedAt === null
            ? { kind: 'found', contact: put }
            : { kind: 'missing', message: 'This person is in the trash.' },
        )
      } else if (delta.deleted.includes(id)) {
        setState({ kind: 'missing', message: 'This person no longer exists.' })
      }
    })
    return () => {
      live = false
      unsubscribe()
    }
  }, [id])
  return state
}
