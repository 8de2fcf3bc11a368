/**
 * A selection in a long list: some ids picked one by one, or "all matching" minus the ones
 * unticked since. The second form never needs every id in memory until an action runs.
 */
export type Selection =
  | { readonly kind: 'some'; readonly ids: ReadonlySet<string> }
  | { readonly kind: 'all'; readonly except: ReadonlySet<string> }

/** Nothing selected. */
export const NONE: Selection = { kind: 'some', ids: new Set() }

/** Whether one id is selected. */
export function isSelected(selection: Selection, id: string): boolean {
  return selection.kind === 'some' ? selection.ids.has(id) : !selection.except.has(id)
}

/** How many are selected, given how many match. */
export function selectedCount(selection: Selection, matching: number): number {
  return selection.kind === 'some'
    ? selection.ids.size
    : Math.max(0, matching - selection.except.size)
}

/** Tick or untick one id. */
export function toggle(selection: Selection, id: string): Selection {
  if (selection.kind === 'some') {
    const ids = new Set(selection.ids)
    if (!ids.delete(id)) ids.add(id)
    return { kind: 'some', ids }
  }
  const except = new Set(selection.except)
  if (!except.delete(id)) except.add(id)
  return { kind: 'all', except }
}

/** Every matching person. */
export function selectAll(): Selection {
  return { kind: 'all', except: new Set() }
}

/** The selected ids, given every matching id (fetched only when an action needs them). */
export function resolveSelection(selection: Selection, matchingIds: readonly string[]): string[] {
  if (selection.kind === 'some') return matchingIds.filter((id) => selection.ids.has(id))
  return matchingIds.filter((id) => !selection.except.has(id))
}
