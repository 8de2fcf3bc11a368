import { useEffect, useState, type FormEvent } from 'react'
import { format } from 'date-fns'
import type { CareerUpdate, Contact } from '@shared/domain'
import { MAX_QUERY_LIMIT } from '@shared/boardContract'
import type { ContactFilter } from '@shared/query'
import { STAGES, type StageId } from '@shared/stages'
import { mailtoLink } from '@shared/templates'
import { draftUpdateMessage, selectRecipients } from '@shared/updates'
import { MAX_RECIPIENTS } from '@shared/workflowContract'
import { call, subscribe } from '../api/client'
import { updatesStore, useQuery } from '../store/queries'
import { useToasts } from '../ui/toasts'
import '../workflow/workflow.css'

/** Career updates: write one, then compose personal messages to chosen references. */
export function UpdatesView() {
  const updates = useQuery(updatesStore).value ?? []
  const [selected, setSelected] = useState<string | null>(null)
  const update = updates.find((u) => u.id === selected) ?? updates[0] ?? null
  return (
    <div className="workflow-view" data-testid="updates-view">
      <h1>Career updates</h1>
      <NewUpdateForm onCreated={setSelected} />
      {updates.length > 0 && (
        <section className="workflow-section" aria-label="Your updates">
          <h2>Your updates</h2>
          <ul className="workflow-list">
            {updates.map((u) => (
              <li key={u.id} className="workflow-item">
                <div className="workflow-item-main">
                  <strong>{u.title}</strong>{' '}
                  <span className="workflow-muted">{format(new Date(u.at), 'd MMM yyyy')}</span>
                </div>
                <button
                  type="button"
                  className="button button-small"
                  aria-pressed={update?.id === u.id}
                  onClick={() => setSelected(u.id)}
                >
                  {update?.id === u.id ? 'Composing' : 'Compose'}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
      {update && <Composer key={update.id} update={update} latestId={updates[0]?.id ?? null} />}
    </div>
  )
}

function NewUpdateForm({ onCreated }: { onCreated(id: string): void }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [error, setError] = useState<string | null>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const result = await call('update.create', { title, body })
    if (!result.ok) {
      setError(result.message)
      return
    }
    setTitle('')
    setBody('')
    setError(null)
    onCreated(result.value.id)
  }
  return (
    <form
      className="workflow-section contact-form"
      aria-label="New update"
      onSubmit={submit}
      noValidate
    >
      <h2>New update</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="field">
        <label htmlFor="update-title">Title</label>
        <input
          id="update-title"
          type="text"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor="update-body">What happened</label>
        <textarea
          id="update-body"
          rows={3}
          value={body}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      <div>
        <button type="submit" className="button button-primary">
          Save update
        </button>
      </div>
    </form>
  )
}

/** board.insights takes at most this many ids at once. */
const INSIGHT_BATCH = 1000

/**
 * The people an update could go to (by stage and tag, in board order, at most MAX_RECIPIENTS)
 * and the last update each heard: fetched for the composer only, never for the whole network
 * at open. Fetched again when the core changes.
 */
function useCandidates(stages: readonly StageId[], tag: string) {
  const [state, setState] = useState<{
    contacts: Contact[]
    heard: ReadonlyMap<string, string | null>
    more: boolean
  }>({ contacts: [], heard: new Map(), more: false })
  const stageKey = stages.join(',')
  useEffect(() => {
    let live = true
    const filter: ContactFilter = {
      ...(stageKey === ''
        ? {}
        : { stages: STAGES.filter((s) => stageKey.split(',').includes(s.id)).map((s) => s.id) }),
      ...(tag.trim() === '' ? {} : { tags: [tag.trim()] }),
    }
    const load = async () => {
      const contacts: Contact[] = []
      let total: number
      do {
        const page = await call('contact.query', {
          filter,
          offset: contacts.length,
          limit: MAX_QUERY_LIMIT,
        })
        if (!page.ok || !live) return
        total = page.value.total
        contacts.push(...page.value.items)
        if (page.value.items.length === 0) break
      } while (contacts.length < Math.min(total, MAX_RECIPIENTS))
      const heard = new Map<string, string | null>()
      for (let i = 0; i < contacts.length; i += INSIGHT_BATCH) {
        const ids = contacts.slice(i, i + INSIGHT_BATCH).map((c) => c.id)
        const insights = await call('board.insights', { ids })
        if (!insights.ok || !live) return
        for (const c of insights.value.contacts)
          heard.set(c.contactId, c.lastUpdateHeard?.id ?? null)
      }
      if (live)
        setState({
          contacts: contacts.slice(0, MAX_RECIPIENTS),
          heard,
          more: total > MAX_RECIPIENTS,
        })
    }
    void load()
    const unsubscribe = subscribe((event) => {
      if (event.type === 'changed') void load()
    })
    return () => {
      live = false
      unsubscribe()
    }
    // stageKey stands for stages: a new array with the same stages must not fetch again.
  }, [stageKey, tag])
  return state
}

function Composer({ update, latestId }: { update: CareerUpdate; latestId: string | null }) {
  const toasts = useToasts()
  const [stages, setStages] = useState<StageId[]>([])
  const [tag, setTag] = useState('')
  const [notHeardLatest, setNotHeardLatest] = useState(false)
  const [excluded, setExcluded] = useState<ReadonlySet<string>>(new Set())
  const [busy, setBusy] = useState(false)

  const candidates = useCandidates(stages, tag)
  const heard = candidates.heard
  const matching = selectRecipients({
    contacts: candidates.contacts,
    lastUpdateHeardByContact: heard,
    latestUpdateId: latestId,
    filter: { stages, tags: tag.trim() === '' ? [] : [tag], notHeardLatest },
  })
  const recipients = matching.filter((c) => !excluded.has(c.id))

  const send = async () => {
    setBusy(true)
    const result = await call('update.send', {
      updateId: update.id,
      contactIds: recipients.map((c) => c.id),
    })
    setBusy(false)
    if (!result.ok) {
      toasts.show({ tone: 'error', message: result.message })
      return
    }
    const n = result.value.length
    toasts.show({
      message: `Logged "${update.title}" as sent to ${n === 1 ? '1 person' : `${n} people`}.`,
    })
  }

  const copy = async (text: string) => {
    try {
      await navigator.clipboard.writeText(text)
      toasts.show({ message: 'Copied to the clipboard.' })
    } catch {
      toasts.show({ tone: 'error', message: 'Could not copy: the clipboard is not available.' })
    }
  }

  const email = async (to: string, body: string) => {
    const link = mailtoLink({ to, subject: update.title, body })
    if (!link.ok) {
      toasts.show({ tone: 'error', message: link.reason })
      return
    }
    const result = await call('link.open', { url: link.url })
    if (!result.ok) toasts.show({ tone: 'error', message: result.message })
  }

  return (
    <section className="workflow-section" aria-label="Composer" data-testid="composer">
      <h2>Share “{update.title}”</h2>
      <fieldset className="form-grid">
        <legend>Recipients</legend>
        <div className="field">
          <span>Stages</span>
          {STAGES.map((s) => (
            <label key={s.id}>
              <input
                type="checkbox"
                checked={stages.includes(s.id)}
                onChange={(e) =>
                  setStages((list) =>
                    e.target.checked ? [...list, s.id] : list.filter((x) => x !== s.id),
                  )
                }
              />{' '}
              {s.label}
            </label>
          ))}
        </div>
        <div className="field">
          <label htmlFor="composer-tag">Tag</label>
          <input
            id="composer-tag"
            type="text"
            value={tag}
            onChange={(e) => setTag(e.target.value)}
          />
          <label>
            <input
              type="checkbox"
              checked={notHeardLatest}
              onChange={(e) => setNotHeardLatest(e.target.checked)}
            />{' '}
            Hasn't heard my latest update
          </label>
        </div>
      </fieldset>
      <ul className="workflow-list" aria-label="Drafts">
        {matching.map((contact) => {
          const draft = draftUpdateMessage({ contact, update })
          const included = !excluded.has(contact.id)
          return (
            <li
              key={contact.id}
              className="workflow-item"
              data-testid="draft"
              aria-label={contact.name}
            >
              <label className="workflow-item-main">
                <input
                  type="checkbox"
                  checked={included}
                  onChange={(e) =>
                    setExcluded((set) => {
                      const next = new Set(set)
                      if (e.target.checked) next.delete(contact.id)
                      else next.add(contact.id)
                      return next
                    })
                  }
                />{' '}
                <strong>{contact.name}</strong>
              </label>
              <button
                type="button"
                className="button button-small"
                onClick={() => void copy(draft)}
              >
                Copy
              </button>
              <button
                type="button"
                className="button button-small"
                disabled={contact.email === ''}
                onClick={() => void email(contact.email, draft)}
              >
                Open email
              </button>
              <textarea
                className="recipient-draft"
                aria-label={`Draft for ${contact.name}`}
                readOnly
                value={draft}
              />
            </li>
          )
        })}
      </ul>
      {matching.length === 0 && <p className="workflow-muted">Nobody matches these filters.</p>}
      <p>
        <button
          type="button"
          className="button button-primary"
          disabled={busy || recipients.length === 0}
          onClick={() => void send()}
        >
          {`Log as sent to ${recipients.length === 1 ? '1 person' : `${recipients.length} people`}`}
        </button>
      </p>
    </section>
  )
}
