import { useEffect, useRef, useState, type ReactNode } from 'react'
import { RELATIONSHIPS, Relationship, relationshipLabel, type Contact } from '@shared/domain'
import type { ContactFilter, ContactSort } from '@shared/query'
import { stageLabel } from '@shared/stages'
import { progress, unsavedCount } from './triageModel'
import { useTriageSession, type DuplicateHint } from './triageSession'
import { formatCount, formatDay, people, shortLink } from './format'
import { Kbd } from './Kbd'
import { useSettled } from './listParts'
import './triage.css'

/** The queue's filter as the form holds it (text as typed). */
interface QueueForm {
  company: string
  titleContains: string
  connectedFrom: string
  connectedTo: string
  hasEmail: boolean
  sort: ContactSort
}

const EMPTY_FORM: QueueForm = {
  company: '',
  titleContains: '',
  connectedFrom: '',
  connectedTo: '',
  hasEmail: false,
  sort: 'connected',
}

const SORTS: readonly { id: ContactSort; label: string }[] = [
  { id: 'connected', label: 'Connected on, newest first' },
  { id: 'name', label: 'Name' },
  { id: 'recent', label: 'Recently added' },
]

/** The contact.query filter the form stands for. */
export function filterOf(form: QueueForm): ContactFilter {
  const filter: ContactFilter = {}
  const company = form.company.trim()
  if (company) filter.companies = [company]
  const title = form.titleContains.trim()
  if (title) filter.titleContains = title
  if (form.connectedFrom) filter.connectedFrom = form.connectedFrom
  if (form.connectedTo) filter.connectedTo = form.connectedTo
  if (form.hasEmail) filter.hasEmail = true
  return filter
}

/** True when a key press belongs to a form control. */
function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  )
}

/**
 * Triage: one inbox person at a time. Keep (→ Identified), Not now (→ Archive) or Skip, with
 * k / a / s; z or Ctrl/Cmd+Z undoes. Decisions show at once and are saved in the background.
 */
export function TriageView({
  onDone,
  onOpenBoard,
}: {
  /** Back to the Inbox list. */
  onDone: () => void
  onOpenBoard: () => void
}) {
  const [form, setForm] = useState<QueueForm>(EMPTY_FORM)
  const settledForm = useSettled(form, 300)
  const { session, state, person } = useTriageSession({
    filter: filterOf(settledForm),
    sort: settledForm.sort,
  })
  const [details, setDetails] = useState<{
    id: string
    relationship?: Relationship
    credibility?: number | null
  } | null>(null)
  const mine = details && person && details.id === person.id ? details : null
  const cardRef = useRef<HTMLDivElement>(null)

  const decide = (decision: 'keep' | 'archive' | 'skip') => {
    if (!person) return
    const keepDetails =
      decision === 'keep' && mine
        ? {
            ...(mine.relationship !== undefined ? { relationship: mine.relationship } : {}),
            ...(mine.credibility !== undefined ? { credibility: mine.credibility } : {}),
          }
        : undefined
    session.decide(decision, keepDetails)
    setDetails(null)
  }
  // The key handler reads the latest render through a ref, so it is installed once.
  const latest = useRef({ decide, session, person, mine })
  latest.current = { decide, session, person, mine }

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const { decide, session, person, mine } = latest.current
      const key = event.key.toLowerCase()
      if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && key === 'z') {
        if (isTyping(event.target)) return
        // Triage's own undo wins over the app's: it takes back the last decision, saved or not.
        event.preventDefault()
        event.stopImmediatePropagation()
        session.undo()
        return
      }
      if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) return
      if (isTyping(event.target)) return
      if (document.querySelector('[role="dialog"]')) return
      if (key === 'k') decide('keep')
      else if (key === 'a') decide('archive')
      else if (key === 's') decide('skip')
      else if (key === 'z') session.undo()
      else if (person && /^[1-5]$/.test(key)) {
        const credibility = Number(key)
        setDetails({
          ...(mine ?? { id: person.id }),
          credibility: mine?.credibility === credibility ? null : credibility,
        })
      } else return
      event.preventDefault()
    }
    window.addEventListener('keydown', onKeyDown, { capture: true })
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true })
  }, [])

  // Focus stays on the card between people, so the keys keep working and nothing jumps.
  useEffect(() => {
    if (!isTyping(document.activeElement)) cardRef.current?.focus({ preventScroll: true })
  }, [person?.id])

  const { left, total, done } = progress(state)
  const saving = unsavedCount(state)
  const kept = state.history.filter((r) => r.decision === 'keep').length
  const archived = state.history.filter((r) => r.decision === 'archive').length
  const finished = state.started && person === null && state.exhausted

  return (
    <section className="triage-view" aria-labelledby="triage-title" data-testid="triage-view">
      <header className="triage-header">
        <div className="triage-heading">
          <button type="button" className="button button-small" onClick={onDone}>
            ← Inbox
          </button>
          <h1 id="triage-title">Triage</h1>
          <span className="triage-left" data-testid="triage-left">
            {state.started ? `${formatCount(left)} of ${formatCount(total)} left` : 'Loading…'}
          </span>
          <span className="triage-tally" aria-live="polite">
            {saving > 0 && <span className="triage-saving">Saving {saving}… · </span>}
            {kept} kept · {archived} archived
          </span>
        </div>
        <QueueFilters form={form} onChange={setForm} />
        <div
          className="triage-bar"
          role="progressbar"
          aria-label="Triage progress"
          aria-valuemin={0}
          aria-valuemax={total}
          aria-valuenow={total - left}
        >
          <div className="triage-bar-fill" style={{ width: `${Math.round(done * 1000) / 10}%` }} />
        </div>
      </header>

      {state.error && (
        <div className="triage-error" role="alert">
          <span>{state.error}</span>
          {!state.exhausted && person === null ? (
            <button type="button" className="button button-small" onClick={() => session.retry()}>
              Try again
            </button>
          ) : (
            <button
              type="button"
              className="button button-small"
              onClick={() => session.dismissError()}
            >
              Dismiss
            </button>
          )}
        </div>
      )}

      <div className="triage-stage">
        {person ? (
          <div
            className="triage-card"
            ref={cardRef}
            tabIndex={-1}
            data-testid="triage-card"
            aria-label={`${person.name}: Keep, Not now or Skip`}
          >
            <PersonDetails person={person} hints={session.hintsFor(person.id)} />
            <KeepFields
              person={person}
              relationship={mine?.relationship ?? person.relationship}
              credibility={mine?.credibility !== undefined ? mine.credibility : person.credibility}
              onRelationship={(relationship) => {
                setDetails({ ...(mine ?? { id: person.id }), relationship })
                cardRef.current?.focus({ preventScroll: true })
              }}
              onCredibility={(credibility) =>
                setDetails({ ...(mine ?? { id: person.id }), credibility })
              }
            />
            <div className="triage-actions">
              <button
                type="button"
                className="button button-primary triage-button"
                aria-keyshortcuts="K"
                onClick={() => decide('keep')}
              >
                Keep <Kbd>K</Kbd>
              </button>
              <button
                type="button"
                className="button triage-button"
                aria-keyshortcuts="A"
                onClick={() => decide('archive')}
              >
                Not now <Kbd>A</Kbd>
              </button>
              <button
                type="button"
                className="button triage-button"
                aria-keyshortcuts="S"
                onClick={() => decide('skip')}
              >
                Skip <Kbd>S</Kbd>
              </button>
              <button
                type="button"
                className="button triage-undo"
                aria-keyshortcuts="Z Control+Z Meta+Z"
                disabled={state.history.length === 0}
                onClick={() => session.undo()}
              >
                Undo <Kbd>Z</Kbd>
              </button>
            </div>
            <p className="triage-hint">
              Keep puts them on the board in Identified. Not now moves them to the Archive, where
              nothing reminds you of them.
            </p>
          </div>
        ) : finished ? (
          <div className="triage-card triage-finished" ref={cardRef} tabIndex={-1}>
            <h2>
              {state.history.length === 0
                ? 'Nobody in the Inbox matches.'
                : 'You have looked at everyone here.'}
            </h2>
            <p className="triage-muted">
              {state.history.length > 0 &&
                `${people(kept)} kept, ${people(archived)} archived this time.`}
            </p>
            <div className="triage-actions">
              <button type="button" className="button button-primary" onClick={onOpenBoard}>
                Open the board
              </button>
              <button type="button" className="button" onClick={onDone}>
                Back to the Inbox
              </button>
              {state.history.length > 0 && (
                <button type="button" className="button" onClick={() => session.undo()}>
                  Undo the last one <Kbd>Z</Kbd>
                </button>
              )}
            </div>
          </div>
        ) : (
          <div className="triage-card triage-loading" aria-busy="true" />
        )}
        <UpNext queue={state.queue.slice(1, 4)} />
      </div>
    </section>
  )
}

function QueueFilters({
  form,
  onChange,
}: {
  form: QueueForm
  onChange: (form: QueueForm) => void
}) {
  const set = <K extends keyof QueueForm>(key: K, value: QueueForm[K]) =>
    onChange({ ...form, [key]: value })
  return (
    <div className="triage-filters" role="group" aria-label="Which people to triage">
      <label>
        <span>Company</span>
        <input
          type="search"
          value={form.company}
          onChange={(e) => set('company', e.target.value)}
          placeholder="Whole name, any case"
        />
      </label>
      <label>
        <span>Title contains</span>
        <input
          type="search"
          value={form.titleContains}
          onChange={(e) => set('titleContains', e.target.value)}
          placeholder="e.g. engineer"
        />
      </label>
      <label>
        <span>Connected from</span>
        <input
          type="date"
          value={form.connectedFrom}
          onChange={(e) => set('connectedFrom', e.target.value)}
        />
      </label>
      <label>
        <span>to</span>
        <input
          type="date"
          value={form.connectedTo}
          onChange={(e) => set('connectedTo', e.target.value)}
        />
      </label>
      <label className="triage-check">
        <input
          type="checkbox"
          checked={form.hasEmail}
          onChange={(e) => set('hasEmail', e.target.checked)}
        />
        <span>Has email</span>
      </label>
      <label>
        <span>Order</span>
        <select
          value={form.sort}
          onChange={(e) => {
            const sort = SORTS.find((s) => s.id === e.target.value)
            if (sort) set('sort', sort.id)
          }}
        >
          {SORTS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

/** Label and value; an empty value keeps its row, so the card does not jump between people. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  )
}

const NONE = <span className="triage-none">—</span>

function PersonDetails({
  person,
  hints,
}: {
  person: Contact
  hints: readonly DuplicateHint[] | null
}) {
  const role = [person.title, person.company].filter(Boolean).join(' · ')
  const links = [...person.links, ...person.profiles.map((p) => p.handle)].slice(0, 3)
  const notes = [person.howWeMet, person.notes].filter(Boolean).join('\n\n')
  return (
    <div className="triage-person">
      <h2 className="triage-name" data-testid="triage-name">
        {person.name}
      </h2>
      <p className="triage-role">{role || NONE}</p>
      <dl className="triage-facts">
        <Fact label="Connected on">
          {person.connectedOn ? formatDay(person.connectedOn) : NONE}
        </Fact>
        <Fact label="Email">{person.email || NONE}</Fact>
        <Fact label="Links">
          {links.length === 0
            ? NONE
            : links.map((link) => (
                <span key={link} className="triage-link">
                  {shortLink(link)}
                </span>
              ))}
        </Fact>
        <Fact label="Notes">{notes ? <span className="triage-notes">{notes}</span> : NONE}</Fact>
      </dl>
      <div className="triage-duplicate" data-testid="triage-duplicate" aria-live="polite">
        {hints && hints.length > 0 && (
          <>
            <span aria-hidden="true">⚠</span> Maybe the same person as{' '}
            {hints.map((h, i) => (
              <span key={h.id}>
                {i > 0 && ', '}
                <strong>{h.name}</strong>
                {h.company && ` (${h.company})`}
                {' — '}
                {h.triage === 'kept'
                  ? `on the board, ${stageLabel(h.stage)}`
                  : h.triage === 'archived'
                    ? 'in the Archive'
                    : 'also in the Inbox'}
                , same {h.reason === 'email' ? 'email' : 'name'}
              </span>
            ))}
            .
          </>
        )}
      </div>
    </div>
  )
}

function KeepFields(props: {
  person: Contact
  relationship: Relationship
  credibility: number | null
  onRelationship: (r: Relationship) => void
  onCredibility: (c: number | null) => void
}) {
  return (
    <div className="triage-keep" role="group" aria-label="Set when keeping">
      <label className="triage-keep-field">
        <span>Relationship</span>
        <select
          value={props.relationship}
          onChange={(e) => {
            const parsed = Relationship.safeParse(e.target.value)
            if (parsed.success) props.onRelationship(parsed.data)
          }}
        >
          {RELATIONSHIPS.map((r) => (
            <option key={r} value={r}>
              {relationshipLabel(r)}
            </option>
          ))}
        </select>
      </label>
      <div className="triage-keep-field" role="radiogroup" aria-label="Credibility">
        <span>Credibility</span>
        <div className="triage-stars">
          {[1, 2, 3, 4, 5].map((n) => (
            <button
              key={n}
              type="button"
              role="radio"
              aria-checked={props.credibility === n}
              aria-label={`Credibility ${n} of 5`}
              className={
                props.credibility !== null && n <= props.credibility
                  ? 'triage-star triage-star-on'
                  : 'triage-star'
              }
              onClick={() => props.onCredibility(props.credibility === n ? null : n)}
            >
              {n}
            </button>
          ))}
        </div>
        <span className="triage-keys-hint">
          <Kbd>1</Kbd>–<Kbd>5</Kbd>
        </span>
      </div>
    </div>
  )
}

function UpNext({ queue }: { queue: readonly Contact[] }) {
  return (
    <ol className="triage-next" aria-label="Up next">
      {queue.map((c) => (
        <li key={c.id}>
          <span className="triage-next-name">{c.name}</span>
          <span className="triage-muted">{[c.title, c.company].filter(Boolean).join(' · ')}</span>
        </li>
      ))}
    </ol>
  )
}
