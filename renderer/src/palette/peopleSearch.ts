import type { Contact } from '@shared/domain'
import { normalizeSearch } from '@shared/query'
import type { Result } from '@shared/result'
import { call } from '../api/client'

/** How many people the palette asks the core for: a screenful, never the whole network. */
export const PEOPLE_LIMIT = 20
/** Quiet time after the last key press before asking the core. */
export const SEARCH_DEBOUNCE_MS = 120

/** What the palette shows of a person. */
export type PersonHit = Pick<Contact, 'id' | 'name' | 'title' | 'company' | 'stage' | 'triage'>

/** The answer for one query: the first people and how many match in all. */
export interface PeoplePage {
  total: number
  items: PersonHit[]
}

/** Where the search for the latest text stands. */
export interface PeopleSearchState {
  /** The text these results (or this error) answer; '' before any search. */
  readonly text: string
  /** True while a newer text waits for its debounce or its answer. */
  readonly pending: boolean
  readonly total: number
  readonly items: readonly PersonHit[]
  readonly error: string | null
}

const IDLE: PeopleSearchState = { text: '', pending: false, total: 0, items: [], error: null }

/** Ask the core for the people matching `text`, across the board, the inbox and the archive. */
export async function queryPeople(text: string): Promise<Result<PeoplePage>> {
  const result = await call('contact.query', {
    triage: 'any',
    filter: { text },
    sort: 'name',
    limit: PEOPLE_LIMIT,
  })
  if (!result.ok) return result
  return { ok: true, value: { total: result.value.total, items: result.value.items } }
}

/** Names where a word starts with the text come first; otherwise the core's order stands. */
export function rankPeople(items: readonly PersonHit[], text: string): PersonHit[] {
  const words = normalizeSearch(text).split(' ').filter(Boolean)
  const score = (person: PersonHit) => {
    const name = normalizeSearch(person.name)
    const nameWords = name.split(' ')
    if (name.startsWith(words.join(' '))) return 2
    return words.every((w) => nameWords.some((n) => n.startsWith(w))) ? 1 : 0
  }
  return items
    .map((person, index) => ({ person, index, score: score(person) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.person)
}

/**
 * Debounced, latest-wins people search: each text waits for a pause in typing, and an answer
 * that arrives after a newer text was asked for is dropped. Empty text clears at once.
 */
export class PeopleSearch {
  private state: PeopleSearchState = IDLE
  private readonly listeners = new Set<() => void>()
  private timer: ReturnType<typeof setTimeout> | null = null
  /** Bumped for every new text; an answer for an older number is stale. */
  private generation = 0

  constructor(
    private readonly fetchPage: (text: string) => Promise<Result<PeoplePage>> = queryPeople,
    private readonly debounceMs = SEARCH_DEBOUNCE_MS,
  ) {}

  getSnapshot = (): PeopleSearchState => this.state

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Search for `text` (trimmed) after the debounce; the last call wins. */
  search(raw: string): void {
    const text = raw.trim()
    const generation = ++this.generation
    this.cancelTimer()
    if (text === '') {
      this.set(IDLE)
      return
    }
    this.set({ ...this.state, pending: true })
    this.timer = setTimeout(() => {
      this.timer = null
      void this.fetchPage(text).then((result) => {
        if (generation !== this.generation) return
        this.set(
          result.ok
            ? {
                text,
                pending: false,
                total: result.value.total,
                items: rankPeople(result.value.items, text),
                error: null,
              }
            : { text, pending: false, total: 0, items: [], error: result.message },
        )
      })
    }, this.debounceMs)
  }

  /** Stop: no timer left, and answers still on their way are ignored. */
  dispose(): void {
    this.generation++
    this.cancelTimer()
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer)
    this.timer = null
  }

  private set(next: PeopleSearchState): void {
    this.state = next
    for (const listener of this.listeners) listener()
  }
}
