import { useCallback, useEffect, useState } from 'react'
import type { BackupEntry } from '@shared/importContract'
import { call, subscribe } from '../api/client'
import { useToasts } from '../ui/toasts'
import './backups.css'

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

const REASONS: Record<string, string> = {
  daily: 'Daily',
  'before-import': 'Before an import',
  'before-restore': 'Before a restore',
  'before-migration': 'Before an upgrade',
  manual: 'Manual',
}

function size(bytes: number): string {
  return bytes < 1024 * 1024
    ? `${Math.max(1, Math.round(bytes / 1024))} KB`
    : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** The snapshots in the data folder, newest first, each with Restore behind a confirmation. */
export function BackupsList() {
  const [items, setItems] = useState<readonly BackupEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [confirming, setConfirming] = useState<BackupEntry | null>(null)
  const [busy, setBusy] = useState(false)
  const toasts = useToasts()

  const load = useCallback(async () => {
    const result = await call('backup.list', {})
    if (result.ok) {
      setItems(result.value)
      setError(null)
    } else setError(result.message)
  }, [])

  useEffect(() => {
    void load()
    // Imports and restores take a backup first, so a change may mean a new one.
    return subscribe((event) => {
      if (event.type === 'changed') void load()
    })
  }, [load])

  const restore = async (entry: BackupEntry) => {
    setBusy(true)
    const result = await call('backup.restore', { id: entry.id })
    setBusy(false)
    setConfirming(null)
    if (!result.ok) {
      toasts.show({ tone: 'error', message: `Could not restore: ${result.message}` })
      return
    }
    toasts.show({
      message: `Restored the backup of ${dateFormat.format(new Date(entry.takenAt))}.`,
    })
    void load()
  }

  return (
    <section className="backups" aria-labelledby="backups-title">
      <div className="backups-head">
        <h2 id="backups-title">Backups</h2>
        <button type="button" className="button" onClick={() => void load()}>
          Refresh
        </button>
      </div>
      <p className="import-muted">
        Vouch keeps one backup a day for 14 days, and one before every import and restore.
      </p>
      {error && (
        <p className="import-error" role="alert">
          {error}
        </p>
      )}
      {items !== null && items.length === 0 && <p className="import-muted">No backups yet.</p>}
      {items !== null && items.length > 0 && (
        <ul className="backups-list" aria-label="Backups">
          {items.map((b) => (
            <li key={b.id} className="backups-item" data-testid="backup-item">
              <div className="backups-text">
                <span className="backups-date">{dateFormat.format(new Date(b.takenAt))}</span>
                <span className="import-muted">
                  {REASONS[b.reason] ?? b.reason} ·{' '}
                  {b.contacts === null ? 'unreadable' : `${b.contacts} contacts`} · {size(b.bytes)}
                </span>
              </div>
              <button
                type="button"
                className="button"
                disabled={b.contacts === null}
                aria-label={`Restore the backup of ${dateFormat.format(new Date(b.takenAt))} (${REASONS[b.reason] ?? b.reason})`}
                onClick={() => setConfirming(b)}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      )}
      {confirming && (
        <div className="confirm-backdrop">
          <div
            role="alertdialog"
            aria-modal="true"
            aria-labelledby="restore-title"
            aria-describedby="restore-text"
            className="confirm-dialog"
          >
            <h3 id="restore-title">Restore this backup?</h3>
            <p id="restore-text">
              Everything will be replaced by the backup of{' '}
              {dateFormat.format(new Date(confirming.takenAt))} ({confirming.contacts ?? 0}{' '}
              contacts). Vouch first takes a backup of your current data, so you can come back to
              it.
            </p>
            <div className="import-actions">
              <button
                type="button"
                className="button"
                autoFocus
                onClick={() => setConfirming(null)}
              >
                Cancel
              </button>
              <button
                type="button"
                className="button button-danger"
                disabled={busy}
                onClick={() => void restore(confirming)}
              >
                Restore
              </button>
            </div>
          </div>
        </div>
      )}
    </section>
  )
}
