import { useEffect, useState } from 'react'
import type { Contact } from '@shared/domain'
import { call, subscribe } from '../api/client'

/** One contact as the core has it now: loading, shown, or gone (deleted, trashed, none asked). */
export type ContactState =
  { kind: 'loading' } | { kind: 'found'; contact: Contact } | { kind: 'missing'; message: string }

const LOADING: ContactState = { kind: 'loading' }
const NOBODY: ContactState = { kind: 'missing', message: 'No person is chosen.' }
const TRASHED: ContactState = { kind: 'missing', message: 'This person is in the trash.' }

function stateOf(contact: Contact): ContactState {
  return contact.trashedAt === null ? { kind: 'found', contact } : TRASHED
}

/** The contact when it was found, else null. */
export function foundContact(state: ContactState): Contact | null {
  return state.kind === 'found' ? state.contact : null
}

/**
 * One contact by id, fetched with contact.get and kept current from the core's 'changed'
 * events: a change that names the contact is applied at once; one too big to name its contacts
 * fetches it again. Does not rely on the renderer holding every contact. A new id starts as
 * loading, never showing the previous person.
 */
export function useContact(id: string | null): ContactState {
  const [shown, setShown] = useState<{ id: string | null; state: ContactState }>({
    id,
    state: LOADING,
  })
  useEffect(() => {
    if (id === null) return
    let live = true
    const show = (state: ContactState) => {
      if (live) setShown({ id, state })
    }
    const load = () =>
      void call('contact.get', { id }).then((result) =>
        show(result.ok ? stateOf(result.value) : { kind: 'missing', message: result.message }),
      )
    const unsubscribe = subscribe((event) => {
      if (event.type !== 'changed' || !event.collections.includes('contacts')) return
      const delta = event.contacts
      if (!delta) return load()
      const put = delta.put.find((c) => c.id === id)
      if (put) show(stateOf(put))
      else if (delta.deleted.includes(id))
        show({ kind: 'missing', message: 'This person no longer exists.' })
    })
    load()
    return () => {
      live = false
      unsubscribe()
    }
  }, [id])
  if (id === null) return NOBODY
  return shown.id === id ? shown.state : LOADING
}
