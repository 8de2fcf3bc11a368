import { useEffect, useState } from 'react'
import type { ReferenceRequest } from '@shared/domain'
import { call } from '../api/client'
import { Dialog } from '../ui/Dialog'
import { useToasts } from '../ui/toasts'

/** The one-page reference brief for a request: read it, copy it, or save it as Markdown. */
export function BriefDialog({ request, onClose }: { request: ReferenceRequest; onClose(): void }) {
  const [brief, setBrief] = useState<{ markdown: string; fileName: string } | null>(null)
  const [error, setError] = useState<string | null>(null)
  const toasts = useToasts()

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

  const copy = async () => {
    if (!brief) return
    try {
      await navigator.clipboard.writeText(brief.markdown)
      toasts.show({ message: 'Brief copied to the clipboard.' })
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
    >
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <textarea
        className="template-text"
        aria-label="Brief"
        readOnly
        rows={16}
        value={brief?.markdown ?? ''}
      />
      <div className="form-actions">
        <span className="form-actions-spacer" />
        <button type="button" className="button" onClick={save} disabled={!brief}>
          Save as Markdown
        </button>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void copy()}
          disabled={!brief}
        >
          Copy
        </button>
      </div>
    </Dialog>
  )
}
