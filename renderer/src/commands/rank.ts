import { normalizeSearch } from '@shared/query'
import type { CommandSpec } from './types'

/**
 * How well a command answers typed text, 0 for not at all: every word must start a word of the
 * title or a keyword. 3 when the title (or its part after "Go to") starts with the text, 2 when
 * every word starts a title word, 1 when keywords were needed.
 */
export function commandScore(spec: Pick<CommandSpec, 'title' | 'keywords'>, text: string): number {
  const query = normalizeSearch(text)
  if (query === '') return 1
  const title = normalizeSearch(spec.title)
  const titleWords = title.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
  const keywordWords = (spec.keywords ?? []).flatMap((k) => normalizeSearch(k).split(' '))
  const words = query.split(' ')
  if (title.startsWith(query) || title.replace(/^go to /, '').startsWith(query)) return 3
  if (words.every((w) => titleWords.some((t) => t.startsWith(w)))) return 2
  if (words.every((w) => [...titleWords, ...keywordWords].some((t) => t.startsWith(w)))) return 1
  return 0
}

/** The commands that answer `text`, best first, ties in table order. */
export function rankCommands<T extends Pick<CommandSpec, 'title' | 'keywords'>>(
  commands: readonly T[],
  text: string,
): T[] {
  return commands
    .map((command, index) => ({ command, index, score: commandScore(command, text) }))
    .filter((entry) => entry.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.command)
}
