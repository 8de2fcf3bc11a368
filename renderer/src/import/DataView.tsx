import { BackupsList } from '../backups/BackupsList'
import { ExportMenu } from './ExportMenu'
import { ImportWizard } from './ImportWizard'
import './import.css'

/** The Import / Export view: the import wizard, the export menu and the backups. */
export function DataView({ onOpenInbox }: { onOpenInbox?: () => void } = {}) {
  return (
    <section className="data-view" aria-labelledby="data-title">
      <div className="data-head">
        <h2 id="data-title">Import / Export</h2>
        <ExportMenu />
      </div>
      <ImportWizard {...(onOpenInbox ? { onOpenInbox } : {})} />
      <BackupsList />
    </section>
  )
}
