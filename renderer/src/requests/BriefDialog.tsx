import { useEffect, useRef, useState } from 'react'
import Markdown from 'react-markdown'
import type { ReferenceRequest } from '@shared/domain'
import { call } from '../api/client'
import { Dialog } from '../ui/Dialog'
import { FormActions, FormError } from '../ui/form/Field'
import { useToasts } from '../ui/toasts'

/**
 * The one-page reference brief for a request, shown as formatted text. The Markdown comes from
 * the user's own notes, so it is rendered without raw HTML (skipHtml) and react-markdown's
 * default URL filter drops javascript: and other unsafe links.
 */
export function BriefDialog({
  request,
  onClose,
}: {
  request: ReferenceRequest
  onClose: () => void
}) {
  const [brief, setBrief] = useState<{ markdown: string; fileName: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const toasts = useToasts()
  const rendered = useRef<HTMLElement>(null)

  useEffect(() => {
    let live = true
    void call('request.brief', { id: request.id }).then((result) => {
      if (!live) return
      if (result.ok) setBrief(result.value)
      else setError(result.message)
    })
    return () => {
      live = false
    }
  }, [request.id])

  const copy = async (what: 'text' | 'markdown') => {
    if (!brief) return
    const text = what === 'markdown' ? brief.markdown : (rendered.current?.innerText ?? '')
    try {
      await navigator.clipboard.writeText(text)
      toasts.show({
        message: what === 'markdown' ? 'Brief copied as Markdown.' : 'Brief copied as text.',
      })
    } catch {
      toasts.show({ tone: 'error', message: 'Could not copy: the clipboard is not available.' })
    }
  }

  const save = () => {
    if (!brief) return
    const url = URL.createObjectURL(new Blob([brief.markdown], { type: 'text/markdown' }))
    const link = document.createElement('a')
    link.href = url
    link.download = brief.fileName
    link.click()
    // Revoke after the click has started the download.
    setTimeout(() => URL.revokeObjectURL(url), 0)
  }

  return (
    <Dialog
      title={`Brief: ${request.role} at ${request.company}`}
      onClose={onClose}
      testId="brief-dialog"
      wide
    >
      <FormError>{error}</FormError>
      <article
        ref={rendered}
        className="brief"
        aria-label="Brief"
        aria-busy={brief === null && error === null}
        data-testid="brief"
      >
        {brief && (
          <Markdown
            skipHtml
            components={{
              // A link opens in the system browser through the core's checks, never in the window.
              a: ({ href, children }) => (
                <a
                  href={href}
                  onClick={(event) => {
                    event.preventDefault()
                    if (href) void call('link.open', { url: href })
                  }}
                >
                  {children}
                </a>
              ),
            }}
          >
            {brief.markdown}
          </Markdown>
        )}
      </article>
      <FormActions
        start={
          <button type="button" className="button" onClick={save} disabled={!brief}>
            Save as Markdown
          </button>
        }
      >
        <button
          type="button"
          className="button"
          onClick={() => void copy('markdown')}
          disabled={!brief}
        >
          Copy as Markdown
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void copy('text')}
          disabled={!brief}
        >
          Copy as text
        </button>
      </FormActions>
    </Dialog>
  )
}
