import { useCallback, useEffect, useRef, useState } from 'react'
import { call } from './api/client'
import { useToasts } from './ui/toasts'
import { Board } from './board/Board'
import { ContactPanel, type MoveContact, type PanelTarget } from './contact/ContactPanel'
import { useContactActions } from './contact/useContactActions'
import { TrashView } from './trash/TrashView'
import { DataView } from './import/DataView'
import { CoverageView } from './coverage/CoverageView'
import { DashboardView } from './dashboard/DashboardView'
import { RequestDialog } from './requests/RequestDialog'
import { ThankedDropDialog } from './requests/ThankedDropDialog'
import { startWorkflowStores } from './store/queries'
import { TodayView, useTodayCount } from './today/TodayView'
import { UpdatesView } from './updates/UpdatesView'
import { stageIndex, stageLabel, type StageId } from '@shared/stages'
import { StatusBanner } from './app/StatusBanner'
import { NoticeBanner } from './reminders/NoticeBanner'
import { QuickLogDialog } from './reminders/QuickLogDialog'
import { useShellEvents } from './reminders/useShellEvents'
import { SettingsView } from './settings/SettingsView'
import { TopNav, type View } from './app/TopNav'
import { CommandProvider } from './commands/CommandProvider'
import { recentPeople } from './palette/recent'
import { FOCUS_FALLBACK_ID, isModalOpen, useFocusNeverLost } from './ui/focus'
import { InboxView } from './triage/InboxView'
import { TriageView } from './triage/TriageView'
import { ArchiveView } from './triage/ArchiveView'
import { triageSummaryStore, useTriageCounts } from './triage/counts'
import { foundContact, useContact } from './store/contact'
import { insightsCache } from './store/insights'
import { statusStore, useAppStatus } from './store/status'
import { useStoredTheme } from './theme/theme'
import './app/app.css'

/** The app shell: navigation, status banner, the current view and the contact panel. */
export function App() {
  const [view, setView] = useState<View>('today')
  /** A drop on Asked or Thanked waits for its form; the card moves when the form is done. */
  const [stageForm, setStageForm] = useState<{ kind: 'ask' | 'thank'; id: string } | null>(null)
  const todayCount = useTodayCount()
  const triageCounts = useTriageCounts()
  const [panel, setPanel] = useState<PanelTarget | null>(null)
  const { undo, redo } = useContactActions()
  useStoredTheme()
  useFocusNeverLost()
  // app.status answers once the core has opened the data folder (the shell shows the window first).
  const opening = useAppStatus() === null

  useEffect(() => {
    insightsCache.start()
    statusStore.start()
    const stopWorkflow = startWorkflowStores()
    triageSummaryStore.start()
    return () => {
      triageSummaryStore.stop()
      stopWorkflow()
      insightsCache.stop()
      statusStore.stop()
    }
  }, [])

  /** What had focus when the panel opened (a card, a Today link): Esc gives focus back to it. */
  const opener = useRef<{ element: Element | null; id: string | null }>({ element: null, id: null })
  const closePanel = useCallback(() => {
    setPanel(null)
    const { element, id } = opener.current
    // The card may have been re-rendered (or virtualised away and back): find it by its id.
    const card =
      id === null
        ? null
        : document.querySelector(`[data-contact-id="${CSS.escape(id)}"] .card-body`)
    const target = card ?? (element instanceof HTMLElement && element.isConnected ? element : null)
    requestAnimationFrame(() => {
      // A dialog or the palette opened since (Ctrl+K right after Esc) keeps its focus.
      if (target instanceof HTMLElement && !isModalOpen()) target.focus()
    })
  }, [])
  const openContact = useCallback((id: string) => {
    recentPeople.note(id)
    opener.current = { element: document.activeElement, id }
    setPanel({ kind: 'show', id })
  }, [])
  const [quickLog, setQuickLog] = useState(false)
  /** Set by the weekly review's notification: the dashboard starts the review, then clears it. */
  const [reviewRequested, setReviewRequested] = useState(false)
  const reviewStarted = useCallback(() => setReviewRequested(false), [])
  // The review is a modal over the dashboard: nothing else may hold focus beside it.
  const openReview = useCallback(() => {
    setPanel(null)
    setQuickLog(false)
    setStageForm(null)
    setView('dashboard')
    setReviewRequested(true)
  }, [])
  const closeQuickLog = useCallback(() => setQuickLog(false), [])
  /** Set by the menu's Find: focus the board's search once the board is on screen. */
  const [findRequested, setFindRequested] = useState(false)
  useEffect(() => {
    if (!findRequested || view !== 'board') return
    setFindRequested(false)
    document.querySelector<HTMLInputElement>('.main input[type="search"]')?.focus()
  }, [findRequested, view])
  // A notification or tray click: the panel does not show over Trash, so leave it for the board.
  useShellEvents({
    openContact: (id) => {
      if (view === 'trash') setView('board')
      openContact(id)
    },
    openReview,
    logTouch: () => setQuickLog(true),
    go: setView,
    menu: (action) => {
      if (action === 'new-contact') {
        if (view === 'trash') setView('board')
        setPanel({ kind: 'new' })
      }
      if (action === 'import' || action === 'export') setView('data')
      if (action === 'settings') setView('settings')
      if (action === 'find') {
        setView('board')
        setFindRequested(true)
      }
    },
  })
  const newContact = useCallback(() => {
    opener.current = { element: document.activeElement, id: null }
    setPanel({ kind: 'new' })
  }, [])
  const startTriage = useCallback(() => setView('triage'), [])
  const openInbox = useCallback(() => setView('inbox'), [])
  const openBoard = useCallback(() => setView('board'), [])
  const openImport = useCallback(() => setView('data'), [])
  const addPerson = useCallback(() => {
    setView('board')
    opener.current = { element: document.activeElement, id: null }
    setPanel({ kind: 'new' })
  }, [])
  const interceptMove = useCallback((id: string, from: StageId, to: StageId) => {
    // request.create only moves earlier stages to Asked; a card coming back from later just moves.
    const asks = to === 'asked' && stageIndex(from) < stageIndex('asked')
    if (!asks && to !== 'thanked') return false
    setStageForm({ kind: to === 'asked' ? 'ask' : 'thank', id })
    return true
  }, [])
  const closeStageForm = useCallback(() => setStageForm(null), [])
  const toasts = useToasts()
  const moveFromPanel = useCallback<MoveContact>(
    (contact, to) => {
      if (interceptMove(contact.id, contact.stage, to)) return
      void call('contact.move', { id: contact.id, stage: to }).then((result) => {
        if (result.ok) toasts.show({ message: `Moved ${contact.name} to ${stageLabel(to)}.` })
        else toasts.show({ tone: 'error', message: result.message })
      })
    },
    [interceptMove, toasts],
  )
  const stageFormName = foundContact(useContact(stageForm?.id ?? null))?.name ?? ''

  // The panel does not show over Trash or Triage: opening someone from anywhere leaves them.
  const openAnywhere = (id: string) => {
    if (view === 'trash' || view === 'triage') setView('board')
    openContact(id)
  }

  return (
    <CommandProvider
      app={{
        view,
        goTo: setView,
        newContact: () => {
          if (view === 'trash' || view === 'triage') setView('board')
          newContact()
        },
        openContact: openAnywhere,
        quickLog: () => setQuickLog(true),
        undo: () => void undo(),
        redo: () => void redo(),
      }}
    >
      <div className="app" data-testid="app">
        <TopNav
          view={view}
          onChange={setView}
          counts={{
            today: todayCount,
            inbox: triageCounts?.inbox ?? 0,
            archive: triageCounts?.archived ?? 0,
          }}
        />
        <div className="app-content">
          {opening && (
            <p className="app-opening" role="status" aria-busy="true">
              Opening your data…
            </p>
          )}
          <StatusBanner />
          <NoticeBanner onOpenContact={openContact} onOpenReview={openReview} />
          <main className="main" id={FOCUS_FALLBACK_ID} tabIndex={-1}>
            {view === 'today' && (
              <TodayView
                onOpenContact={openContact}
                onStartTriage={startTriage}
                onOpenInbox={openInbox}
                onImport={openImport}
                onAddPerson={addPerson}
              />
            )}
            {view === 'inbox' && <InboxView onStartTriage={startTriage} onImport={openImport} />}
            {view === 'triage' && <TriageView onDone={openInbox} onOpenBoard={openBoard} />}
            {view === 'archive' && <ArchiveView />}
            {view === 'board' && (
              <Board
                onOpenContact={openContact}
                onNewContact={newContact}
                interceptMove={interceptMove}
              />
            )}
            {view === 'dashboard' && (
              <DashboardView
                onOpenContact={openContact}
                startReview={reviewRequested}
                onReviewStarted={reviewStarted}
              />
            )}
            {view === 'updates' && <UpdatesView />}
            {view === 'coverage' && <CoverageView onOpenContact={openContact} />}
            {view === 'trash' && <TrashView />}
            {view === 'data' && <DataView onOpenInbox={openInbox} />}
            {view === 'settings' && <SettingsView />}
            {quickLog && <QuickLogDialog onClose={closeQuickLog} />}
            {stageForm?.kind === 'ask' && (
              <RequestDialog
                contactId={stageForm.id}
                name={stageFormName}
                onClose={closeStageForm}
              />
            )}
            {stageForm?.kind === 'thank' && (
              <ThankedDropDialog contactId={stageForm.id} onClose={closeStageForm} />
            )}
            {panel && view !== 'trash' && view !== 'triage' && (
              <ContactPanel
                key={panel.kind === 'show' ? panel.id : 'new'}
                target={panel}
                onClose={closePanel}
                onMove={moveFromPanel}
              />
            )}
          </main>
        </div>
      </div>
    </CommandProvider>
  )
}
