import {
  isModifierKey,
  matchesChord,
  type KeyInput,
  type Platform,
  type Shortcut,
} from './shortcuts'

/** A shortcut bound to a command id. */
export interface Binding {
  id: string
  shortcut: Shortcut
}

/** What one key press did: ran a binding, started (or continued) a sequence, or nothing. */
export type KeyOutcome =
  | { kind: 'run'; id: string }
  /** A sequence is under way: the keys so far, and the bindings the next key may complete. */
  | { kind: 'pending'; prefix: string[]; next: Binding[] }
  | { kind: 'cancelled' }
  | { kind: 'none' }

/**
 * Matches key presses against bindings, sequences ("g b") included. A started sequence waits for
 * exactly one more key, not for a time: the next key completes it or abandons it (and is then
 * used for nothing, so "g" followed by a typo never runs an unrelated shortcut).
 */
export class Keymap {
  private pending: { candidates: Binding[]; depth: number; prefix: string[] } | null = null

  constructor(
    private readonly bindings: readonly Binding[],
    private readonly platform: Platform,
  ) {}

  /** The keys typed so far of a sequence in progress ("g"), or null. */
  get prefix(): readonly string[] | null {
    return this.pending?.prefix ?? null
  }

  /** Abandon a sequence in progress (focus moved, the mouse was used, the window lost focus). */
  reset(): void {
    this.pending = null
  }

  /**
   * Feed one key press. `allowed(binding)` says whether a binding may run now (typing guard,
   * enabled state); bindings it refuses neither run nor start sequences.
   */
  press(event: KeyInput, allowed: (binding: Binding) => boolean): KeyOutcome {
    if (isModifierKey(event.key)) return { kind: 'none' }
    const pending = this.pending
    const depth = pending?.depth ?? 0
    const pool = pending?.candidates ?? this.bindings
    const matching = pool.filter((binding) => {
      const chord = binding.shortcut[depth]
      return chord !== undefined && matchesChord(chord, event, this.platform) && allowed(binding)
    })
    this.pending = null
    const complete = matching.find((binding) => binding.shortcut.length === depth + 1)
    if (complete) return { kind: 'run', id: complete.id }
    if (matching.length > 0) {
      const prefix = [...(pending?.prefix ?? []), event.key]
      this.pending = { candidates: matching, depth: depth + 1, prefix }
      return { kind: 'pending', prefix, next: matching }
    }
    return pending ? { kind: 'cancelled' } : { kind: 'none' }
  }
}
