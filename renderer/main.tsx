// The page's entry: styles once, the OS colour mode, events bound to the stores, first loads.
import '@cloudscape-design/global-styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './bridge/api';
import { bindEvents } from './bridge/bind-events';
import { AppShell } from './components/app-shell';
import { ErrorAlert } from './components/error-alert';
import { useAccountsStore } from './stores/accounts-store';
import { useAppStore } from './stores/app-store';
import { useJobsStore } from './stores/jobs-store';
import { followOsMode } from './theme/follow-os-mode';

followOsMode();
const root = createRoot(document.getElementById('root') as HTMLElement);

try {
  bindEvents(api());
  void useAppStore.getState().load();
  void useAccountsStore.getState().load();
  void useJobsStore.getState().load();
  root.render(
    <StrictMode>
      <AppShell />
    </StrictMode>,
  );
} catch (error) {
  root.render(
    <ErrorAlert
      error={{
        code: 'no-api',
        message: 'Envelope could not reach its core.',
        hint: error instanceof Error ? error.message : undefined,
      }}
    />,
  );
}
