import { useId, useRef } from 'react'
import { useModal } from '../ui/focus'
import { useCommands } from './CommandProvider'
import { ShortcutKeys } from './Keys'
import { SECTIONS } from './types'

/** The `?` overlay: every command with a shortcut, by section, as this platform spells the keys. */
export function ShortcutsOverlay({ onClose }: { onClose: () => void }) {
  const { commands, platform } = useCommands()
  const titleId = useId()
  const ref = useRef<HTMLDivElement>(null)
  const bodyRef = useRef<HTMLDivElement>(null)
  // Focus starts on the list, so the arrow keys and Page Down scroll it on a small window.
  useModal(ref, onClose, () => bodyRef.current)
  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose()
      }}
    >
      <div
        ref={ref}
        className="dialog shortcuts-overlay"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid="shortcuts-overlay"
        onKeyDown={(event) => {
          // The key that opened the overlay closes it too.
          if (event.key === '?') {
            event.preventDefault()
            onClose()
          }
        }}
      >
        <div className="dialog-header">
          <h2 id={titleId}>Keyboard shortcuts</h2>
          <button
            type="button"
            className="icon-button dialog-close"
            aria-label="Close"
            onClick={onClose}
          >
            ×
          </button>
        </div>
        <div
          ref={bodyRef}
          className="shortcuts-body"
          tabIndex={0}
          role="region"
          aria-label="Shortcuts by section"
        >
          {SECTIONS.map((section) => {
            const rows = commands.filter(
              (c) => c.spec.section === section && c.shortcuts.length > 0,
            )
            if (rows.length === 0) return null
            const headingId = `${titleId}-${section.replace(/\W+/g, '-')}`
            return (
              <section key={section} className="shortcuts-section" aria-labelledby={headingId}>
                <h3 id={headingId}>{section}</h3>
                <dl>
                  {rows.map((command) => (
                    <div key={command.id} className="shortcuts-row" data-command={command.id}>
                      <dt>
                        <span className="shortcuts-title">{command.spec.title}</span>
                        {command.spec.hint && (
                          <span className="shortcuts-hint">{command.spec.hint}</span>
                        )}
                      </dt>
                      <dd>
                        {command.shortcuts.map((shortcut, index) => (
                          <span key={index} className="shortcuts-alt">
                            {index > 0 && <span className="shortcuts-or">or</span>}
                            <ShortcutKeys shortcut={shortcut} platform={platform} />
                          </span>
                        ))}
                      </dd>
                    </div>
                  ))}
                </dl>
              </section>
            )
          })}
        </div>
      </div>
    </div>
  )
}
