import type { Op } from '../store/ops'

/** One undoable board action: the ops that reverse it and the ops that redo it. */
export interface UndoEntry {
  label: string
  undo: Op[]
  redo: Op[]
}

const LIMIT = 100

/** Undo and redo stacks for board actions; in memory, per session. */
export class UndoStack {
  private readonly done: UndoEntry[] = []
  private readonly undone: UndoEntry[] = []

  /** Record a new action; it clears what could be redone. */
  push(entry: UndoEntry): void {
    this.done.push(entry)
    if (this.done.length > LIMIT) this.done.shift()
    this.undone.length = 0
  }

  peekUndo(): UndoEntry | undefined {
    return this.done.at(-1)
  }

  peekRedo(): UndoEntry | undefined {
    return this.undone.at(-1)
  }

  /** Move the newest action to the redo stack (after its undo ops were committed). */
  markUndone(): void {
    const entry = this.done.pop()
    if (entry) this.undone.push(entry)
  }

  /** Move the newest undone action back (after its redo ops were committed). */
  markRedone(): void {
    const entry = this.undone.pop()
    if (entry) this.done.push(entry)
  }

  clear(): void {
    this.done.length = 0
    this.undone.length = 0
  }
}
