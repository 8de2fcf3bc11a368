import { BackupsList } from '../backups/BackupsList'
import { ExportMenu } from './ExportMenu'
import { ImportWizard } from './ImportWizard'
import './import.css'

/** The Import / Export view: the import wizard, the export menu and the backups. */
export function DataView() {
  return (
    <section className="data-view" aria-labelledby="data-title">
      <div className="data-head">
        <h1 id="data-title">Import / Export</h1>
        <ExportMenu />
      </div>
      <ImportWizard />
      <BackupsList />
    </section>
  )
}
