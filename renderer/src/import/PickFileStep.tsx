import { useState, type DragEvent } from 'react'

interface PickFileStepProps {
  busy: boolean
  onPick: (file: File | undefined) => void
}

/** Step one: drop a file or choose one. */
export function PickFileStep({ busy, onPick }: PickFileStepProps) {
  const [dragging, setDragging] = useState(false)
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault()
    setDragging(false)
    onPick(event.dataTransfer.files[0])
  }
  return (
    <div
      className={dragging ? 'dropzone dropzone-active' : 'dropzone'}
      data-testid="import-dropzone"
      onDragOver={(event) => {
        event.preventDefault()
        setDragging(true)
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <p>Drop a vCard, CSV or Vouch backup here, or</p>
      <label className="button button-primary">
        Choose a file…
        <input
          type="file"
          className="sr-only"
          aria-label="Choose a contacts file"
          accept=".vcf,.vcard,.csv,.json,.txt,text/vcard,text/csv,application/json"
          disabled={busy}
          onChange={(event) => {
            onPick(event.target.files?.[0])
            event.target.value = ''
          }}
        />
      </label>
      {busy && <p aria-live="polite">Reading the file…</p>}
    </div>
  )
}
