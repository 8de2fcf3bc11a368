import { BackupsList } from '../backups/BackupsList'
import { ExportMenu } from './ExportMenu'
import { ImportWizard } from './ImportWizard'
import './import.css'
import { PageHeader } from '../ui/PageHeader'

/** The Import / Export view: the import wizard, the export menu and the backups. */
export function DataView({ onOpenInbox }: { onOpenInbox?: () => void } = {}) {
  return (
    <section className="view" aria-label="Import / Export">
      <PageHeader title="Import / Export" actions={<ExportMenu />} />
      <div className="view-body data-view">
        <ImportWizard {...(onOpenInbox ? { onOpenInbox } : {})} />
        <BackupsList />
      </div>
    </section>
  )
}
