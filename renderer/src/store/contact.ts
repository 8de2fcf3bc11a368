import { useEffect, useState } from 'react'
import type { Contact } from '@shared/domain'
import { call, subscribe } from '../api/client'

/** One contact as the core has it now, or why it could not be read. */
export interface ContactState {
  readonly contact: Contact | null
  readonly loaded: boolean
  readonly error: string | null
}

/**
 * One contact by id, fetched with contact.get and kept current: a change that names the contact
 * is applied at once; a change too big to name its contacts fetches it again.
 */
export function useContact(id: string | null): ContactState {
  const [state, setState] = useState<ContactState>({ contact: null, loaded: false, error: null })
  useEffect(() => {
    setState({ contact: null, loaded: id === null, error: null })
    if (id === null) return
    let live = true
    const load = () =>
      void call('contact.get', { id }).then((result) => {
        if (!live) return
        if (result.ok)
          setState({
            contact: result.value.trashedAt === null ? result.value : null,
            loaded: true,
            error: null,
          })
        else setState({ contact: null, loaded: true, error: result.message })
      })
    const unsubscribe = subscribe((event) => {
      if (event.type !== 'changed' || !event.collections.includes('contacts')) return
      const delta = event.contacts
      if (!delta) return load()
      if (delta.deleted.includes(id)) {
        setState({ contact: null, loaded: true, error: null })
        return
      }
      const put = delta.put.find((c) => c.id === id)
      if (put) setState({ contact: put.trashedAt === null ? put : null, loaded: true, error: null })
    })
    load()
    return () => {
      live = false
      unsubscribe()
    }
  }, [id])
  return state
}
