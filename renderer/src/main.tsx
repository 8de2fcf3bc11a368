import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'
import { AnnouncerProvider } from './ui/announcer'
import { ToastProvider } from './ui/toasts'
import './styles/base.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html lacks #root')

createRoot(root).render(
  <StrictMode>
    <AnnouncerProvider>
      <ToastProvider>
        <App />
      </ToastProvider>
    </AnnouncerProvider>
  </StrictMode>,
)
