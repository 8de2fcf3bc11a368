import { useCallback, useEffect, useState } from 'react'
import { Board } from './board/Board'
import { ContactPanel, type PanelTarget } from './contact/ContactPanel'
import { useContactActions } from './contact/useContactActions'
import { TrashView } from './trash/TrashView'
import { DataView } from './import/DataView'
import { CoverageView } from './coverage/CoverageView'
import { RequestDialog } from './requests/RequestDialog'
import { ThankedDropDialog } from './requests/ThankedDropDialog'
import { startWorkflowStores } from './store/queries'
import { TodayView, useTodayCount } from './today/TodayView'
import { UpdatesView } from './updates/UpdatesView'
import { stageIndex, type StageId } from '@shared/stages'
import { StatusBanner } from './app/StatusBanner'
import { NoticeBanner } from './reminders/NoticeBanner'
import { QuickLogDialog } from './reminders/QuickLogDialog'
import { useShellEvents } from './reminders/useShellEvents'
import { SettingsView } from './settings/SettingsView'
import { TopNav, type View } from './app/TopNav'
import { useUndoShortcuts } from './app/useUndoShortcuts'
import { useContact } from './store/contact'
import { insightsCache } from './store/insights'
import { statusStore } from './store/status'
import './app/app.css'

/** The app shell: navigation, status banner, the current view and the contact panel. */
export function App() {
  const [view, setView] = useState<View>('today')
  /** A drop on Asked or Thanked waits for its form; the card moves when the form is done. */
  const [stageForm, setStageForm] = useState<{ kind: 'ask' | 'thank'; id: string } | null>(null)
  const todayCount = useTodayCount()
  const [panel, setPanel] = useState<PanelTarget | null>(null)
  const { undo, redo } = useContactActions()
  useUndoShortcuts(undo, redo)

  useEffect(() => {
    insightsCache.start()
    statusStore.start()
    const stopWorkflow = startWorkflowStores()
    return () => {
      stopWorkflow()
      insightsCache.stop()
      statusStore.stop()
    }
  }, [])

  const closePanel = useCallback(() => setPanel(null), [])
  const openContact = useCallback((id: string) => setPanel({ kind: 'edit', id }), [])
  const [quickLog, setQuickLog] = useState(false)
  const closeQuickLog = useCallback(() => setQuickLog(false), [])
  // A notification or tray click: the panel does not show over Trash, so leave it for the board.
  useShellEvents({
    openContact: (id) => {
      if (view === 'trash') setView('board')
      openContact(id)
    },
    logTouch: () => setQuickLog(true),
  })
  const newContact = useCallback(() => setPanel({ kind: 'new' }), [])
  const interceptMove = useCallback((id: string, from: StageId, to: StageId) => {
    // request.create only moves earlier stages to Asked; a card coming back from later just moves.
    const asks = to === 'asked' && stageIndex(from) < stageIndex('asked')
    if (!asks && to !== 'thanked') return false
    setStageForm({ kind: to === 'asked' ? 'ask' : 'thank', id })
    return true
  }, [])
  const closeStageForm = useCallback(() => setStageForm(null), [])
  const stageFormName = useContact(stageForm?.id ?? null).contact?.name ?? ''

  return (
    <div className="app" data-testid="app">
      <TopNav view={view} onChange={setView} counts={{ today: todayCount }} />
      <StatusBanner />
      <NoticeBanner onOpenContact={openContact} />
      <main className="main">
        {view === 'today' && <TodayView onOpenContact={openContact} />}
        {view === 'board' && (
          <Board
            onOpenContact={openContact}
            onNewContact={newContact}
            interceptMove={interceptMove}
          />
        )}
        {view === 'updates' && <UpdatesView />}
        {view === 'coverage' && <CoverageView onOpenContact={openContact} />}
        {view === 'trash' && <TrashView />}
        {view === 'data' && <DataView />}
        {view === 'settings' && <SettingsView />}
        {quickLog && <QuickLogDialog onClose={closeQuickLog} />}
        {stageForm?.kind === 'ask' && (
          <RequestDialog contactId={stageForm.id} name={stageFormName} onClose={closeStageForm} />
        )}
        {stageForm?.kind === 'thank' && (
          <ThankedDropDialog contactId={stageForm.id} onClose={closeStageForm} />
        )}
        {panel && view !== 'trash' && (
          <ContactPanel
            key={panel.kind === 'edit' ? panel.id : 'new'}
            target={panel}
            onClose={closePanel}
          />
        )}
      </main>
    </div>
  )
}
