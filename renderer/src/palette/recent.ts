/** How many recent people and recent commands the empty palette offers. */
export const RECENT_LIMIT = 5

/**
 * A short most-recent-first list of ids kept in localStorage (per window profile, like the
 * window's size: a convenience, not user data, so it stays out of the data folder).
 */
export class RecentList {
  private ids: string[]

  constructor(
    private readonly key: string,
    private readonly storage: Pick<Storage, 'getItem' | 'setItem'> | null = safeStorage(),
  ) {
    this.ids = this.read()
  }

  /** Most recent first. */
  list(): readonly string[] {
    return this.ids
  }

  /** Put `id` first. */
  note(id: string): void {
    this.ids = [id, ...this.ids.filter((x) => x !== id)].slice(0, RECENT_LIMIT)
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.ids))
    } catch {
      // Storage full or refused: the list still works for this session.
    }
  }

  /** Drop ids that no longer lead anywhere (a deleted person). */
  forget(id: string): void {
    if (!this.ids.includes(id)) return
    this.ids = this.ids.filter((x) => x !== id)
    try {
      this.storage?.setItem(this.key, JSON.stringify(this.ids))
    } catch {
      // As above.
    }
  }

  private read(): string[] {
    try {
      const parsed: unknown = JSON.parse(this.storage?.getItem(this.key) ?? '[]')
      if (!Array.isArray(parsed)) return []
      return parsed
        .filter((x): x is string => typeof x === 'string' && x.length <= 200)
        .slice(0, RECENT_LIMIT)
    } catch {
      return []
    }
  }
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage
  } catch {
    return null
  }
}

/** People opened lately, from anywhere in the app. */
export const recentPeople = new RecentList('vouch.recentPeople')
/** Commands run lately from the palette or the keyboard. */
export const recentCommands = new RecentList('vouch.recentCommands')
