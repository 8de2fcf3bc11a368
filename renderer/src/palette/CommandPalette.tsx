import { Fragment, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { Command } from 'cmdk'
import { stageLabel } from '@shared/stages'
import { call } from '../api/client'
import { openSavedView, useBoardViews } from '../app/savedViews'
import { useCommands } from '../commands/CommandProvider'
import { ShortcutKeys } from '../commands/Keys'
import { commandScore, rankCommands } from '../commands/rank'
import { performCommand, type ResolvedCommand } from '../commands/registry'
import { useModal } from '../ui/focus'
import { useStableCallback } from '../ui/useStableCallback'
import { PeopleSearch, type PersonHit } from './peopleSearch'
import { recentCommands, recentPeople } from './recent'
import './palette.css'

interface PaletteProps {
  onClose: () => void
  /** Close the palette, then run `action` (so focus is back where it was before the action moves it). */
  onPick: (action: () => void) => void
}

const COMMAND_VALUE = 'command:'
const PERSON_VALUE = 'person:'
const VIEW_VALUE = 'view:'

function personLine(person: PersonHit): string {
  const role = [person.title, person.company].filter(Boolean).join(' @ ')
  const where =
    person.triage === 'inbox'
      ? 'Inbox'
      : person.triage === 'archived'
        ? 'Archived'
        : stageLabel(person.stage)
  return role ? `${role} · ${where}` : where
}

/** Recent people, checked against the core so a deleted person is not offered. */
function useRecentPeople(): PersonHit[] {
  const [people, setPeople] = useState<PersonHit[]>([])
  useEffect(() => {
    let live = true
    const ids = recentPeople.list()
    void Promise.all(ids.map((id) => call('contact.get', { id }))).then((results) => {
      if (!live) return
      const found: PersonHit[] = []
      results.forEach((result, index) => {
        if (result.ok && result.value.trashedAt === null) found.push(result.value)
        else if (!result.ok && result.code === 'not-found') recentPeople.forget(ids[index] ?? '')
      })
      setPeople(found)
    })
    return () => {
      live = false
    }
  }, [])
  return people
}

/**
 * ⌘K / Ctrl+K: find any command or person. Commands are ranked here; people are asked of the
 * core (debounced, latest wins, at most a page), never listed in full. Empty, it offers recent
 * people and recent commands first.
 */
export function CommandPalette({ onClose, onPick }: PaletteProps) {
  const { commands, platform, context, isEnabled } = useCommands()
  const ref = useRef<HTMLDivElement>(null)
  const inputRef = useRef<HTMLInputElement>(null)
  useModal(ref, onClose, () => inputRef.current)
  const [text, setText] = useState('')
  const [search] = useState(() => new PeopleSearch())
  const people = useSyncExternalStore(search.subscribe, search.getSnapshot)
  useEffect(() => () => search.dispose(), [search])
  const recent = useRecentPeople()
  /** Enter pressed while people were still on their way: open the first once they arrive. */
  const [submitWhenReady, setSubmitWhenReady] = useState(false)

  // Only what can run here and now: "Edit the person" appears once someone is open.
  const available = commands.filter(
    (c) => c.spec.inPalette !== false && !c.spec.listedOnly && isEnabled(c),
  )
  const trimmed = text.trim()
  // A score per command over some twenty commands: cheap enough to redo each render.
  const recentIds = recentCommands.list()
  const recentCommandList = recentIds
    .map((id) => available.find((c) => c.id === id))
    .filter((c): c is ResolvedCommand => c !== undefined)
  const recentCommandCount = recentCommandList.length
  const matchedCommands = (() => {
    if (trimmed === '')
      return [...recentCommandList, ...available.filter((c) => !recentIds.includes(c.id))]
    return rankCommands(
      available.map((c) => ({ ...c, title: c.spec.title, keywords: c.spec.keywords })),
      trimmed,
    )
  })()
  // Saved views, ranked as commands are: "Go to view: ML mentors".
  const savedViews = useBoardViews()
  const viewEntries = savedViews.map((view) => ({
    view,
    title: `Go to view: ${view.name}`,
    keywords: ['saved view', 'filter'],
  }))
  const matchedViews = trimmed === '' ? viewEntries : rankCommands(viewEntries, trimmed)
  const peopleShown: readonly PersonHit[] =
    trimmed === '' ? recent : people.text === trimmed ? people.items : []
  // Names first when no command title starts with the text, so "ann" + Enter opens Ann.
  const strongCommand =
    matchedCommands.some((c) => commandScore(c.spec, trimmed) >= 2) ||
    matchedViews.some((v) => commandScore(v, trimmed) >= 2)
  const peopleFirst = trimmed !== '' && !strongCommand
  const waiting = trimmed !== '' && (people.pending || people.text !== trimmed)

  const firstValue = (() => {
    const firstPerson = peopleShown[0]
    const firstCommand = matchedCommands[0]
    const personValue = firstPerson ? PERSON_VALUE + firstPerson.id : undefined
    const firstView = matchedViews[0]
    const commandValue = firstCommand
      ? COMMAND_VALUE + firstCommand.id
      : firstView
        ? VIEW_VALUE + firstView.view.id
        : undefined
    return peopleFirst || trimmed === ''
      ? (personValue ?? commandValue)
      : (commandValue ?? personValue)
  })()
  const [selected, setSelected] = useState('')
  // Each new list selects its first entry, as the user expects of a search box.
  const [listKey, setListKey] = useState('')
  const currentKey = `${trimmed}|${people.text}|${peopleShown.length}|${recent.length}|${matchedViews.length}`
  if (listKey !== currentKey) {
    setListKey(currentKey)
    setSelected(firstValue ?? '')
  }

  const openPerson = (person: PersonHit) => {
    recentPeople.note(person.id)
    onPick(() => context().openContact(person.id))
  }
  const runCommand = (command: ResolvedCommand) => {
    recentCommands.note(command.id)
    onPick(() => performCommand(command.spec, context()))
  }

  const openFirstPerson = useStableCallback(() => {
    const first = peopleFirst ? peopleShown[0] : undefined
    if (first) openPerson(first)
  })
  useEffect(() => {
    if (!submitWhenReady || waiting) return
    setSubmitWhenReady(false)
    openFirstPerson()
  }, [submitWhenReady, waiting, openFirstPerson])

  return (
    <div
      className="palette-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={ref}
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Command palette"
        data-testid="command-palette"
      >
        <Command
          label="Find a command or person"
          shouldFilter={false}
          vimBindings={false}
          loop
          value={selected}
          onValueChange={setSelected}
          onKeyDown={(event) => {
            if (event.key === 'k' && (event.metaKey || event.ctrlKey)) {
              // ⌘K again closes, as it opened.
              event.preventDefault()
              onClose()
            } else if (event.key === 'Enter' && waiting && !event.nativeEvent.isComposing) {
              // Typed a name and Enter faster than the core answered: open the first match when it does.
              if (!strongCommand) {
                event.preventDefault()
                setSubmitWhenReady(true)
              }
            }
          }}
        >
          <Command.Input
            ref={inputRef}
            className="palette-input"
            value={text}
            onValueChange={(next) => {
              setText(next)
              search.search(next)
            }}
            placeholder="Type a command or a person’s name…"
          />
          <Command.List className="palette-list" aria-label="Commands and people">
            {(() => {
              const peopleGroup = peopleShown.length > 0 && (
                <Command.Group key="people" heading={trimmed === '' ? 'Recent people' : 'People'}>
                  {peopleShown.map((person) => (
                    <Command.Item
                      key={person.id}
                      value={PERSON_VALUE + person.id}
                      onSelect={() => openPerson(person)}
                      className="palette-item"
                    >
                      <span className="palette-person-name">{person.name}</span>
                      <span className="palette-person-line">{personLine(person)}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              )
              const commandItem = (command: ResolvedCommand) => (
                <Command.Item
                  key={command.id}
                  value={COMMAND_VALUE + command.id}
                  onSelect={() => runCommand(command)}
                  className="palette-item"
                >
                  <span className="palette-command-title">{command.spec.title}</span>
                  {command.shortcuts[0] && (
                    <ShortcutKeys shortcut={command.shortcuts[0]} platform={platform} />
                  )}
                </Command.Item>
              )
              // Empty, the commands run lately come first under their own heading.
              const recentCount = trimmed === '' ? recentCommandCount : 0
              const commandGroup = matchedCommands.length > 0 && (
                <Fragment key="commands">
                  {recentCount > 0 && (
                    <Command.Group heading="Recent commands">
                      {matchedCommands.slice(0, recentCount).map(commandItem)}
                    </Command.Group>
                  )}
                  {matchedCommands.length > recentCount && (
                    <Command.Group heading="Commands">
                      {matchedCommands.slice(recentCount).map(commandItem)}
                    </Command.Group>
                  )}
                </Fragment>
              )
              const viewGroup = matchedViews.length > 0 && (
                <Command.Group key="views" heading="Views">
                  {matchedViews.map(({ view, title }) => (
                    <Command.Item
                      key={view.id}
                      value={VIEW_VALUE + view.id}
                      onSelect={() => onPick(() => openSavedView(view, context().goTo))}
                      className="palette-item"
                    >
                      <span className="palette-command-title">{title}</span>
                    </Command.Item>
                  ))}
                </Command.Group>
              )
              return peopleFirst || trimmed === ''
                ? [peopleGroup, commandGroup, viewGroup]
                : [commandGroup, viewGroup, peopleGroup]
            })()}
            {waiting && (
              <Command.Loading label="Searching people">Searching people…</Command.Loading>
            )}
            {!waiting &&
              trimmed !== '' &&
              peopleShown.length === 0 &&
              matchedCommands.length === 0 &&
              matchedViews.length === 0 && (
                <Command.Empty>
                  {people.error
                    ? `Could not search people: ${people.error}`
                    : `No command or person matches “${trimmed}”.`}
                </Command.Empty>
              )}
          </Command.List>
          <footer className="palette-footer">
            <span>
              {trimmed !== '' && people.text === trimmed && people.total > peopleShown.length
                ? `${peopleShown.length} of ${people.total} people: type more to narrow`
                : ' '}
            </span>
            <span className="palette-footer-keys" aria-hidden="true">
              ↑↓ move · ↩ open · Esc close
            </span>
          </footer>
        </Command>
      </div>
    </div>
  )
}
