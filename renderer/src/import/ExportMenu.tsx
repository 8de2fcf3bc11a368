import { call } from '../api/client'
import { Menu } from '../ui/Menu'
import { useToasts } from '../ui/toasts'
import { downloadFile } from './files'

const FORMATS = [
  { command: 'export.json', label: 'Full backup (Vouch JSON)' },
  { command: 'export.vcard', label: 'Contacts as vCard' },
  { command: 'export.csv', label: 'Contacts as CSV' },
  { command: 'export.ics', label: 'Calendar: due dates and thank-yous (.ics)', keepInTouch: false },
  {
    command: 'export.ics',
    label: 'Calendar with daily keep-in-touch blocks (.ics)',
    keepInTouch: true,
  },
] as const

/** Export the data: the core produces the bytes, the browser's download saves them. */
export function ExportMenu() {
  const toasts = useToasts()
  const run = async (format: (typeof FORMATS)[number]) => {
    const result =
      format.command === 'export.ics'
        ? await call('export.ics', { keepInTouch: format.keepInTouch })
        : await call(format.command, {})
    if (!result.ok) {
      toasts.show({ tone: 'error', message: `Export failed: ${result.message}` })
      return
    }
    downloadFile(result.value)
    toasts.show({ message: `Exported ${result.value.fileName}.` })
  }
  return (
    <Menu
      label="Export"
      className="export-menu"
      buttonClassName="button"
      entries={FORMATS.map((f) => ({
        kind: 'item',
        label: f.label,
        onSelect: () => void run(f),
      }))}
    >
      Export…
    </Menu>
  )
}
