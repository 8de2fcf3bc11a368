import { COMMANDS, type CommandId } from './commands'
import { Keymap, type Binding, type KeyOutcome } from './keymap'
import { hasCommandModifier, parseShortcut, type Platform, type Shortcut } from './shortcuts'
import { isComposing, isTypingTarget } from './typing'
import type { CommandContext, CommandSpec, ShortcutSpec } from './types'

/** A command with its shortcuts parsed for this platform. */
export interface ResolvedCommand {
  readonly id: CommandId
  readonly spec: CommandSpec
  readonly shortcuts: readonly Shortcut[]
}

function shortcutTexts(spec: ShortcutSpec | undefined, platform: Platform): readonly string[] {
  if (!spec) return []
  if ('mac' in spec) return platform === 'mac' ? spec.mac : spec.other
  return spec
}

/** Every command of the table, shortcuts parsed for `platform`. */
export function resolveCommands(
  platform: Platform,
  commands: readonly (CommandSpec & { id: CommandId })[] = COMMANDS,
): ResolvedCommand[] {
  return commands.map((spec) => ({
    id: spec.id,
    spec,
    shortcuts: shortcutTexts(spec.shortcuts, platform).map(parseShortcut),
  }))
}

/** Whether a command can run now: its own test, or, for view-performed ones, a registered handler. */
export function isEnabled(spec: CommandSpec, context: CommandContext): boolean {
  if (spec.listedOnly) return false
  if (spec.enabled) return spec.enabled(context)
  return spec.perform ? true : context.hasHandler(spec.id)
}

/** Run a command if it is enabled; false when it is not. */
export function performCommand(spec: CommandSpec, context: CommandContext): boolean {
  if (!isEnabled(spec, context)) return false
  if (spec.perform) spec.perform(context)
  else context.runHandler(spec.id)
  return true
}

/** The keymap over every bound shortcut (listed-only keys are left to whoever has focus). */
export function keymapFor(commands: readonly ResolvedCommand[], platform: Platform): Keymap {
  const bindings: Binding[] = []
  for (const command of commands) {
    if (command.spec.listedOnly) continue
    for (const shortcut of command.shortcuts) bindings.push({ id: command.id, shortcut })
  }
  return new Keymap(bindings, platform)
}

/** Whether a shortcut may fire while the user types in a field. */
function firesWhileTyping(spec: CommandSpec, shortcut: Shortcut): boolean {
  return spec.whileTyping ?? hasCommandModifier(shortcut)
}

/** The parts of a keydown event the dispatcher reads. */
export type KeyEventLike = Pick<
  KeyboardEvent,
  | 'key'
  | 'code'
  | 'metaKey'
  | 'ctrlKey'
  | 'shiftKey'
  | 'altKey'
  | 'isComposing'
  | 'keyCode'
  | 'defaultPrevented'
  | 'target'
>

/**
 * Route one keydown to a command. Nothing happens for a key a component already handled
 * (defaultPrevented), during IME composition, or while a modal dialog is open (its own keys
 * rule there). Single keys stay quiet while typing; ⌘/Ctrl chords do not.
 */
export function dispatchKey(
  event: KeyEventLike,
  keymap: Keymap,
  commands: ReadonlyMap<string, ResolvedCommand>,
  context: CommandContext,
  modalOpen: boolean,
): KeyOutcome {
  if (event.defaultPrevented || isComposing(event) || modalOpen) {
    keymap.reset()
    return { kind: 'none' }
  }
  const typing = isTypingTarget(event.target)
  const outcome = keymap.press(event, (binding) => {
    const command = commands.get(binding.id)
    if (!command) return false
    if (typing && !firesWhileTyping(command.spec, binding.shortcut)) return false
    return isEnabled(command.spec, context)
  })
  if (outcome.kind === 'run') {
    const command = commands.get(outcome.id)
    if (command) performCommand(command.spec, context)
  }
  return outcome
}
