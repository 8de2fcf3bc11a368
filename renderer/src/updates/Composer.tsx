import { useEffect, useId, useMemo, useState } from 'react'
import type { CareerUpdate, Contact } from '@shared/domain'
import { STAGES, type StageId } from '@shared/stages'
import { mailtoLink } from '@shared/templates'
import { draftUpdateMessage } from '@shared/updates'
import { call } from '../api/client'
import { Field, FieldError } from '../ui/form/Field'
import { useToasts } from '../ui/toasts'
import { useCommand } from '../ui/useCommand'

/** People per contact.query page in the recipient list. */
const PAGE = 200
/** Drafts shown at first: enough to edit the ones that matter without hundreds of text boxes. */
const DRAFTS_SHOWN = 20

function people(n: number): string {
  return n === 1 ? '1 person' : `${n} people`
}

/**
 * Share a career update: find people (search, stage, tag), tick who gets it (nobody is ticked
 * at first), edit each draft, then copy or email it and log it as sent.
 */
export function Composer({ update, latestId }: { update: CareerUpdate; latestId: string | null }) {
  const toasts = useToasts()
  const [text, setText] = useState('')
  const [stages, setStages] = useState<StageId[]>([])
  const [tag, setTag] = useState('')
  const [notHeardLatest, setNotHeardLatest] = useState(false)
  const [limit, setLimit] = useState(PAGE)
  const [found, setFound] = useState<{ total: number; items: Contact[] } | null>(null)
  const [error, setError] = useState<string | null>(null)
  /** Chosen recipients, kept when a later search no longer shows them. */
  const [chosen, setChosen] = useState<ReadonlyMap<string, Contact>>(new Map())
  /** Drafts the user edited; the others follow the template. */
  const [edited, setEdited] = useState<ReadonlyMap<string, string>>(new Map())
  const { busy, run } = useCommand()
  const idPrefix = useId()
  const [allDrafts, setAllDrafts] = useState(false)

  useEffect(() => {
    let live = true
    const trimmedTag = tag.trim()
    void call('contact.query', {
      filter: {
        ...(text.trim() ? { text: text.trim() } : {}),
        ...(stages.length > 0 ? { stages } : {}),
        ...(trimmedTag ? { tags: [trimmedTag] } : {}),
      },
      sort: 'manual',
      limit,
    }).then((result) => {
      if (!live) return
      if (result.ok) {
        setFound(result.value)
        setError(null)
      } else setError(result.message)
    })
    return () => {
      live = false
    }
  }, [text, stages, tag, limit])

  /** The last update each listed person heard, asked for the listed people only. */
  const [heard, setHeard] = useState<ReadonlyMap<string, string | null>>(new Map())
  // board.insights answers at most 1,000 ids at a time.
  const listedIds = useMemo(() => (found?.items ?? []).slice(0, 1000).map((c) => c.id), [found])
  useEffect(() => {
    if (listedIds.length === 0) return
    let live = true
    void call('board.insights', { ids: listedIds }).then((result) => {
      if (!live || !result.ok) return
      setHeard(
        new Map(result.value.contacts.map((c) => [c.contactId, c.lastUpdateHeard?.id ?? null])),
      )
    })
    return () => {
      live = false
    }
  }, [listedIds])
  const shown = (found?.items ?? []).filter(
    (c) => !notHeardLatest || latestId === null || heard.get(c.id) !== latestId,
  )
  const recipients = [...chosen.values()]
  const draftOf = (contact: Contact) =>
    edited.get(contact.id) ?? draftUpdateMessage({ contact, update })

  const toggle = (contact: Contact, on: boolean) =>
    setChosen((map) => {
      const next = new Map(map)
      if (on) next.set(contact.id, contact)
      else next.delete(contact.id)
      return next
    })
  const chooseAll = (on: boolean) =>
    setChosen((map) => {
      const next = new Map(map)
      for (const c of shown) {
        if (on) next.set(c.id, c)
        else next.delete(c.id)
      }
      return next
    })

  const send = async () => {
    const result = await run(
      'update.send',
      { updateId: update.id, contactIds: recipients.map((c) => c.id) },
      { toast: (sent) => `Logged "${update.title}" as sent to ${people(sent.length)}.` },
    )
    if (!result?.ok) return
    setChosen(new Map())
    setEdited(new Map())
  }

  const copy = async (body: string) => {
    try {
      await navigator.clipboard.writeText(body)
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

  const shownChosen = shown.filter((c) => chosen.has(c.id)).length
  return (
    <section className="workflow-section composer" aria-label="Composer" data-testid="composer">
      <h2>Share “{update.title}”</h2>
      <div className="composer-grid">
        <fieldset className="composer-pick">
          <legend>Recipients</legend>
          <div className="composer-filters">
            <Field label="Search">
              {(p) => (
                <input
                  {...p}
                  type="search"
                  placeholder="Name, company or tag"
                  value={text}
                  onChange={(e) => {
                    setText(e.target.value)
                    setLimit(PAGE)
                  }}
                />
              )}
            </Field>
            <Field label="Tag">
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={tag}
                  onChange={(e) => {
                    setTag(e.target.value)
                    setLimit(PAGE)
                  }}
                />
              )}
            </Field>
          </div>
          <div className="chip-row" role="group" aria-label="Stages">
            {STAGES.map((s) => (
              <label key={s.id} className="chip-toggle">
                <input
                  type="checkbox"
                  checked={stages.includes(s.id)}
                  onChange={(e) =>
                    setStages((list) =>
                      e.target.checked ? [...list, s.id] : list.filter((x) => x !== s.id),
                    )
                  }
                />
                <span>{s.label}</span>
              </label>
            ))}
          </div>
          <label className="settings-check">
            <input
              type="checkbox"
              checked={notHeardLatest}
              onChange={(e) => setNotHeardLatest(e.target.checked)}
            />
            Hasn't heard my latest update
          </label>
          <div className="composer-list-head">
            <span className="workflow-muted" data-testid="match-count">
              {found === null
                ? 'Loading…'
                : `${people(shown.length)} shown${found.total > found.items.length ? ` of ${found.total}` : ''} · ${recipients.length} chosen`}
            </span>
            <button
              type="button"
              className="button button-small"
              disabled={shown.length === 0 || shownChosen === shown.length}
              onClick={() => chooseAll(true)}
            >
              All
            </button>
            <button
              type="button"
              className="button button-small"
              disabled={shownChosen === 0}
              onClick={() => chooseAll(false)}
            >
              None
            </button>
          </div>
          <FieldError>{error}</FieldError>
          <ul className="recipient-list" aria-label="People">
            {shown.map((contact) => (
              <li key={contact.id} data-testid="recipient">
                <label className="recipient">
                  <input
                    type="checkbox"
                    checked={chosen.has(contact.id)}
                    aria-labelledby={`${idPrefix}-${contact.id}-name`}
                    aria-describedby={`${idPrefix}-${contact.id}-role`}
                    onChange={(e) => toggle(contact, e.target.checked)}
                  />
                  <span className="recipient-name" id={`${idPrefix}-${contact.id}-name`}>
                    {contact.name}
                  </span>
                  <span className="recipient-role" id={`${idPrefix}-${contact.id}-role`}>
                    {[contact.title, contact.company].filter(Boolean).join(' @ ')}
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {found !== null && shown.length === 0 && (
            <p className="workflow-muted">Nobody matches these filters.</p>
          )}
          {found !== null && found.total > found.items.length && (
            <button
              type="button"
              className="button button-small"
              onClick={() => setLimit((n) => Math.min(n + PAGE, 500))}
              disabled={limit >= 500}
            >
              {limit >= 500 ? 'Narrow the search to see more' : 'Show more'}
            </button>
          )}
        </fieldset>
        <div className="composer-drafts">
          {recipients.length === 0 ? (
            <p className="workflow-muted composer-empty">
              Tick the people who should hear this news. Each gets a draft you can edit.
            </p>
          ) : (
            <ul className="workflow-list" aria-label="Drafts">
              {(allDrafts ? recipients : recipients.slice(0, DRAFTS_SHOWN)).map((contact) => {
                const draft = draftOf(contact)
                return (
                  <li
                    key={contact.id}
                    className="draft"
                    data-testid="draft"
                    aria-label={contact.name}
                  >
                    <div className="draft-head">
                      <strong>{contact.name}</strong>
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
                      <button
                        type="button"
                        className="icon-button icon-button-small"
                        aria-label={`Remove ${contact.name}`}
                        onClick={() => toggle(contact, false)}
                      >
                        ×
                      </button>
                    </div>
                    <textarea
                      className="recipient-draft"
                      aria-label={`Draft for ${contact.name}`}
                      value={draft}
                      onChange={(e) =>
                        setEdited((map) => new Map(map).set(contact.id, e.target.value))
                      }
                    />
                  </li>
                )
              })}
            </ul>
          )}
          {!allDrafts && recipients.length > DRAFTS_SHOWN && (
            <p className="workflow-muted">
              {people(recipients.length - DRAFTS_SHOWN)} more get the template as it is.{' '}
              <button type="button" className="link-button" onClick={() => setAllDrafts(true)}>
                Show every draft
              </button>
            </p>
          )}
          <p>
            <button
              type="button"
              className="button button-primary"
              disabled={busy || recipients.length === 0}
              onClick={() => void send()}
            >
              {recipients.length === 0
                ? 'Log as sent'
                : `Log as sent to ${people(recipients.length)}`}
            </button>
          </p>
        </div>
      </div>
    </section>
  )
}
