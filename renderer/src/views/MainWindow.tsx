// The full window: status header, sidebar, scenario list with its detail, or settings.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useUi } from '../app-context';
import { ErrorNote } from '../components/ErrorNote';
import { Toasts } from '../components/Toasts';
import { act, errorPlace } from '../store/ui-store';
import { ConfirmOffDialog } from './ConfirmOffDialog';
import { RunDialog } from './RunDialog';
import { ScenarioDetailPanel } from './ScenarioDetail';
import { ScenarioList } from './ScenarioList';
import { SettingsView } from './Settings';
import { Sidebar } from './Sidebar';
import { BudgetBar, ConnectionStatus } from './StatusBar';
import { useLooking } from './use-looking';

export function MainWindow() {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const view = useUi((s) => s.view);
  const selected = useUi((s) => s.selected);
  const busyRefresh = useUi((s) => errorPlace('app', 'refresh') in s.busy);
  useLooking(selected ? [selected] : undefined);
  useDetailFocus(selected);

  return (
    <div className="app" data-testid="main-window">
      <header className="topbar">
        <h1 className="app-title">{t('app.title')}</h1>
        <nav aria-label={t('app.views')} className="tabs">
          <button type="button" className="tab" aria-current={view === 'scenarios' ? 'page' : undefined} onClick={() => ui.getState().setView('scenarios')} data-testid="nav-scenarios">
            {t('app.scenarios')}
          </button>
          <button type="button" className="tab" aria-current={view === 'settings' ? 'page' : undefined} onClick={() => ui.getState().setView('settings')} data-testid="nav-settings">
            {t('app.settings')}
          </button>
        </nav>
        <ConnectionStatus />
        <button type="button" className="btn" disabled={busyRefresh} onClick={() => void act(ui, errorPlace('app', 'refresh'), () => api.refresh())} data-testid="refresh">
          {t('app.refresh')}
        </button>
        <ErrorNote place={errorPlace('app', 'refresh')} />
      </header>
      <div className="body">
        <Sidebar />
        {view === 'settings' ? (
          <SettingsView />
        ) : (
          <>
            <main className="content">
              <ScenarioList />
            </main>
            <ScenarioDetailPanel />
          </>
        )}
      </div>
      <BudgetBar />
      <ConfirmOffDialog />
      <RunDialog />
      <Toasts />
    </div>
  );
}

/** Opening a detail moves focus to its heading; closing it returns focus to the scenario's row. */
function useDetailFocus(selected: string | null) {
  const prev = useRef<string | null>(null);
  useEffect(() => {
    const before = prev.current;
    prev.current = selected;
    if (selected && selected !== before) {
      document.querySelector<HTMLElement>('[data-testid="detail-title"]')?.focus();
    } else if (!selected && before) {
      const rows = document.querySelectorAll<HTMLElement>('[data-testid="scenario-row"]');
      [...rows].find((r) => r.dataset.scenarioKey === before)?.focus();
    }
  }, [selected]);
}
