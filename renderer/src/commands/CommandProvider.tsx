import {
  createContext,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react'
import { flushSync } from 'react-dom'
import { CommandPalette } from '../palette/CommandPalette'
import { recentCommands } from '../palette/recent'
import { FOCUS_FALLBACK_ID, isModalOpen } from '../ui/focus'
import { useStableCallback } from '../ui/useStableCallback'
import type { CommandId } from './commands'
import { HandlerRegistry, type CommandHandler } from './handlers'
import { Keys } from './Keys'
import type { Binding } from './keymap'
import { dispatchKey, isEnabled, keymapFor, performCommand, resolveCommands } from './registry'
import type { ResolvedCommand } from './registry'
import { detectPlatform, type Platform } from './shortcuts'
import { ShortcutsOverlay } from './ShortcutsOverlay'
import type { AppActions, CommandContext } from './types'
import './commands.css'

/** What the palette, the overlay and views read from the command layer. */
interface CommandsApi {
  readonly platform: Platform
  readonly commands: readonly ResolvedCommand[]
  readonly registry: HandlerRegistry
  /** The context commands run with, as of the last render. */
  context: () => CommandContext
  /** Run a command by id if it is enabled now; false when it is not. */
  run: (id: CommandId) => boolean
}

const CommandsContext = createContext<CommandsApi | null>(null)

/** Views rendered without a provider (a component test) register nowhere. */
const NO_REGISTRY = new HandlerRegistry()

function useCommandsApi(): CommandsApi {
  const api = useContext(CommandsContext)
  if (!api) throw new Error('useCommands needs a <CommandProvider> above it.')
  return api
}

/** The commands, the platform, and a way to run them; re-renders when views register handlers. */
export function useCommands(): CommandsApi & { isEnabled: (command: ResolvedCommand) => boolean } {
  const api = useCommandsApi()
  useSyncExternalStore(api.registry.subscribe, api.registry.getVersion)
  return { ...api, isEnabled: (command) => isEnabled(command.spec, api.context()) }
}

/**
 * Perform `id` in this view while it is mounted: `useCommandHandler('contact.logTouch', () =>
 * openLogTouch(), () => panelIsOpen)`. The latest mounted enabled handler of an id wins.
 */
export function useCommandHandler(
  id: CommandId,
  perform: () => void,
  enabled?: () => boolean,
): void {
  const registry = useContext(CommandsContext)?.registry ?? NO_REGISTRY
  const run = useStableCallback(perform)
  const isOn = useStableCallback(() => enabled?.() ?? true)
  useEffect(() => {
    const handler: CommandHandler = { perform: run, enabled: isOn }
    return registry.register(id, handler)
  }, [registry, id, run, isOn])
}

type Layer = 'palette' | 'shortcuts' | null

function focusSearchBox(): boolean {
  const boxes = document.querySelectorAll<HTMLInputElement>(
    `#${FOCUS_FALLBACK_ID} input[type="search"]`,
  )
  const box = Array.from(boxes).find((element) => element.getClientRects().length > 0)
  if (!box) return false
  box.focus()
  box.select()
  return true
}

/**
 * The command layer of the app: the one keyboard handler, the `?` overlay and the ⌘K palette,
 * all reading the same command table. `app` lends the shell's own actions (views, panels).
 */
export function CommandProvider({ app, children }: { app: AppActions; children: ReactNode }) {
  const [platform] = useState(() => detectPlatform())
  const commands = useMemo(() => resolveCommands(platform), [platform])
  const byId = useMemo(
    () => new Map<string, ResolvedCommand>(commands.map((c) => [c.id, c])),
    [commands],
  )
  const [registry] = useState(() => new HandlerRegistry())
  const [layer, setLayer] = useState<Layer>(null)
  const [sequence, setSequence] = useState<{ prefix: string[]; next: Binding[] } | null>(null)

  const contextRef = useRef<CommandContext | null>(null)
  const context: CommandContext = {
    ...app,
    openPalette: () => setLayer('palette'),
    toggleShortcuts: () => setLayer((current) => (current === 'shortcuts' ? null : 'shortcuts')),
    runHandler: (id) => registry.run(id),
    focusSearchBox,
    hasHandler: (id) => registry.active(id) !== undefined,
  }
  useLayoutEffect(() => {
    contextRef.current = context
  })
  const currentContext = useStableCallback((): CommandContext => contextRef.current ?? context)

  const run = useStableCallback((id: CommandId): boolean => {
    const command = byId.get(id)
    if (!command) return false
    const done = performCommand(command.spec, currentContext())
    if (done && command.spec.inPalette !== false) recentCommands.note(id)
    return done
  })

  const api = useMemo<CommandsApi>(
    () => ({ platform, commands, registry, context: currentContext, run }),
    [platform, commands, registry, currentContext, run],
  )

  useEffect(() => {
    const keymap = keymapFor(commands, platform)
    const onKeyDown = (event: KeyboardEvent) => {
      const outcome = dispatchKey(event, keymap, byId, currentContext(), isModalOpen())
      if (outcome.kind === 'pending') {
        event.preventDefault()
        setSequence({ prefix: outcome.prefix, next: outcome.next })
        return
      }
      setSequence(null)
      if (outcome.kind === 'run') {
        event.preventDefault()
        const command = byId.get(outcome.id)
        if (command && command.spec.inPalette !== false) recentCommands.note(outcome.id)
      }
    }
    // A started sequence is abandoned when the user turns to the mouse or another window.
    const abandon = () => {
      keymap.reset()
      setSequence(null)
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('pointerdown', abandon)
    window.addEventListener('blur', abandon)
    return () => {
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('pointerdown', abandon)
      window.removeEventListener('blur', abandon)
    }
  }, [commands, byId, platform, currentContext])

  const closeLayer = useStableCallback(() => setLayer(null))
  /** Close the palette (focus goes back where it was), then run what was picked from there. */
  const closeThen = useStableCallback((action: () => void) => {
    flushSync(() => setLayer(null))
    action()
  })

  return (
    <CommandsContext.Provider value={api}>
      {children}
      {layer === 'palette' && <CommandPalette onClose={closeLayer} onPick={closeThen} />}
      {layer === 'shortcuts' && <ShortcutsOverlay onClose={closeLayer} />}
      {sequence && (
        <div className="key-sequence" role="status" data-testid="key-sequence">
          <Keys keys={sequence.prefix.map((k) => k.toUpperCase())} />
          <span className="key-sequence-then">then</span>
          <ul>
            {sequence.next.map((binding) => {
              const key = binding.shortcut[sequence.prefix.length]?.key ?? ''
              return (
                <li key={binding.id}>
                  <Keys keys={[key.toUpperCase()]} />{' '}
                  {byId.get(binding.id)?.spec.title.replace(/^Go to /, '')}
                </li>
              )
            })}
          </ul>
        </div>
      )}
    </CommandsContext.Provider>
  )
}
