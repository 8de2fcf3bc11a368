import { useState, type ReactNode } from 'react'
import { addDays, addMonths, format, parseISO } from 'date-fns'
import { describeLastTouch } from '@shared/cadence'
import { relationshipLabel, type Contact } from '@shared/domain'
import { STAGES, stageLabel } from '@shared/stages'
import { call } from '../api/client'
import { RequestDialog } from '../requests/RequestDialog'
import { RequestList } from '../requests/RequestList'
import { Menu, type MenuEntry } from '../ui/Menu'
import { useToasts } from '../ui/toasts'
import { useCoreNow, useInsight } from '../workflow/insights'
import { dueSentence } from './dueSentence'
import { addressLines, birthdayText } from './fieldText'
import { LogTouchButton } from './LogTouch'
import type { MoveContact } from './ContactPanel'
import { Timeline } from './Timeline'
import { useContactActions } from './useContactActions'
import '../workflow/workflow.css'

/** "Staff Engineer @ Globex", either part alone, or ''. */
export function roleLine(contact: Pick<Contact, 'title' | 'company'>): string {
  return [contact.title, contact.company].filter((part) => part.trim() !== '').join(' @ ')
}

/**
 * Focus an element when it mounts. One function for the life of the module: React calls a ref
 * again whenever its identity changes, and an inline arrow would pull focus on every render.
 */
function focusOnMount(element: HTMLElement | null): void {
  element?.focus()
}

/** A person, read first: who, where they stand, the next actions, requests and history. */
export function ContactView({
  contact,
  titleId,
  focusOnShow,
  onEdit,
  onClose,
  onMove,
}: {
  contact: Contact
  titleId: string
  /** What gets focus when the view appears: the name on open, Edit after editing. */
  focusOnShow: 'heading' | 'edit'
  onEdit: () => void
  onClose: () => void
  onMove: MoveContact
}) {
  const insight = useInsight(contact.id)
  const now = useCoreNow()
  const toasts = useToasts()
  const [asking, setAsking] = useState(false)
  const { remove } = useContactActions()
  const role = roleLine(contact)

  const snooze = async (until: Date | null) => {
    const result = await call('contact.snooze', {
      id: contact.id,
      until: until === null ? null : until.toISOString(),
    })
    if (!result.ok) toasts.show({ tone: 'error', message: result.message })
    else if (until === null) toasts.show({ message: `${contact.name} is no longer snoozed.` })
    else toasts.show({ message: `Snoozed ${contact.name} until ${format(until, 'd MMM')}.` })
  }
  const snoozed =
    contact.snoozedUntil !== null && now !== null && new Date(contact.snoozedUntil) > now
  const snoozeEntries: MenuEntry[] =
    now === null
      ? []
      : [
          { kind: 'item', label: 'For a week', onSelect: () => void snooze(addDays(now, 7)) },
          { kind: 'item', label: 'For two weeks', onSelect: () => void snooze(addDays(now, 14)) },
          { kind: 'item', label: 'For a month', onSelect: () => void snooze(addMonths(now, 1)) },
          ...(snoozed
            ? [{ kind: 'item' as const, label: 'Unsnooze', onSelect: () => void snooze(null) }]
            : []),
        ]
  const moveEntries: MenuEntry[] = STAGES.filter((s) => s.id !== contact.stage).map((s) => ({
    kind: 'item',
    label: s.label,
    onSelect: () => onMove(contact, s.id),
  }))

  return (
    <>
      <header className="panel-header contact-header">
        <div className="contact-titles">
          <h2 id={titleId} tabIndex={-1} ref={focusOnShow === 'heading' ? focusOnMount : undefined}>
            {contact.name}
          </h2>
          {role && <p className="contact-role">{role}</p>}
        </div>
        <button
          type="button"
          className="button button-small"
          aria-keyshortcuts="E"
          title="Edit (E)"
          ref={focusOnShow === 'edit' ? focusOnMount : undefined}
          onClick={onEdit}
        >
          Edit
        </button>
        <Menu
          label={`More actions for ${contact.name}`}
          entries={[
            {
              kind: 'item',
              label: 'Delete',
              danger: true,
              onSelect: () =>
                void remove(contact.id, contact.name).then((deleted) => {
                  if (deleted) onClose()
                }),
            },
          ]}
        >
          ⋯
        </Menu>
        <button type="button" className="icon-button" aria-label="Close panel" onClick={onClose}>
          ×
        </button>
      </header>
      <div className="panel-body" data-testid="contact-workflow">
        <div className="contact-facts">
          <span className={`stage-chip stage-${contact.stage}`} data-testid="contact-stage">
            <span className="stage-dot" aria-hidden="true" />
            {stageLabel(contact.stage)}
          </span>
          <span className="fact">{relationshipLabel(contact.relationship)}</span>
          {contact.credibility !== null && (
            <span className="fact">Credibility {contact.credibility} of 5</span>
          )}
        </div>
        {insight && now && (
          <p className={`due-line touch-${snoozed ? 'snoozed' : insight.touch.state}`}>
            <span className="touch-dot" aria-hidden="true" />
            <span data-testid="due-sentence">{dueSentence(insight.touch, now)}</span>
            <span className="due-last">
              {' · '}
              {describeLastTouch(insight.touch.daysSinceTouch)}
            </span>
          </p>
        )}
        <div className="contact-actions" role="group" aria-label="Next actions">
          <LogTouchButton contactId={contact.id} name={contact.name} primary answersShortcut />
          <button type="button" className="button button-small" onClick={() => setAsking(true)}>
            Ask for a reference…
          </button>
          {snoozeEntries.length > 0 && (
            <Menu
              label={`Snooze ${contact.name}`}
              entries={snoozeEntries}
              buttonClassName="button button-small"
            >
              {snoozed && contact.snoozedUntil
                ? `Snoozed until ${format(new Date(contact.snoozedUntil), 'd MMM')}`
                : 'Snooze'}
            </Menu>
          )}
          <Menu
            label={`Move ${contact.name} to another stage`}
            entries={moveEntries}
            buttonClassName="button button-small"
          >
            Move
          </Menu>
        </div>
        {asking && (
          <RequestDialog
            contactId={contact.id}
            name={contact.name}
            onClose={() => setAsking(false)}
          />
        )}
        <Details contact={contact} lastUpdateHeard={insight?.lastUpdateHeard ?? null} />
        <RequestList contactId={contact.id} />
        <section className="panel-section" aria-label="Timeline">
          <h3>Timeline</h3>
          <Timeline contactId={contact.id} />
        </section>
      </div>
    </>
  )
}

/** What is known about the person, only the fields that hold something. */
function Details({
  contact,
  lastUpdateHeard,
}: {
  contact: Contact
  lastUpdateHeard: { title: string; at: string } | null
}) {
  const rows: [string, ReactNode][] = []
  const add = (label: string, value: ReactNode, present: boolean) => {
    if (present) rows.push([label, value])
  }
  add('Email', contact.email, contact.email !== '')
  add('Phone', contact.phone, contact.phone !== '')
  add('Nicknames', contact.nicknames.join(', '), contact.nicknames.length > 0)
  add('Field', contact.field, contact.field !== '')
  add('Worked together', contact.workedTogether, contact.workedTogether !== '')
  add('Skills', contact.skills.join(', '), contact.skills.length > 0)
  add('Tags', contact.tags.join(', '), contact.tags.length > 0)
  add(
    'Links',
    <ul className="plain-list">
      {contact.links.map((link, i) => (
        <li key={i}>{link}</li>
      ))}
    </ul>,
    contact.links.length > 0,
  )
  add(
    'Profiles',
    <ul className="plain-list">
      {contact.profiles.map((p, i) => (
        <li key={i}>
          {p.service ? `${p.service}: ` : ''}
          {p.handle}
        </li>
      ))}
    </ul>,
    contact.profiles.length > 0,
  )
  add(
    'Addresses',
    <ul className="plain-list">
      {contact.addresses.map((a, i) => (
        <li key={i}>
          {a.label && <span className="detail-sub">{a.label}: </span>}
          {addressLines(a).join(' · ')}
        </li>
      ))}
    </ul>,
    contact.addresses.length > 0,
  )
  add('Birthday', birthdayText(contact.birthday), contact.birthday !== '')
  add(
    'Connected on',
    contact.connectedOn ? format(parseISO(contact.connectedOn), 'd MMM yyyy') : '',
    contact.connectedOn !== '',
  )
  add('How we met', contact.howWeMet, contact.howWeMet !== '')
  return (
    <section
      className="panel-section contact-details"
      aria-label="Details"
      data-testid="contact-details"
    >
      {rows.length > 0 && (
        <dl className="detail-list">
          {rows.map(([label, value]) => (
            <div key={label} className="detail-row">
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {contact.notes !== '' && <p className="contact-notes">{contact.notes}</p>}
      <p className="workflow-muted detail-heard" data-testid="last-update-heard">
        {lastUpdateHeard
          ? `Last update heard: ${lastUpdateHeard.title} (${format(new Date(lastUpdateHeard.at), 'd MMM yyyy')})`
          : 'Has not heard any career update yet.'}
      </p>
    </section>
  )
}
