// The full window: status header, sidebar, and one view: the scenario list with its detail, webhooks,
// members, the agency report, or settings.
import { Suspense, lazy, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices, useUi } from '../app-context';
import { ErrorNote } from '../components/ErrorNote';
import { Toasts } from '../components/Toasts';
import { VIEWS, act, errorPlace, type View } from '../store/ui-store';
import { ConfirmOffDialog } from './ConfirmOffDialog';
import { RunDialog } from './RunDialog';
import { NewScenarioButton } from './scenario-edit/NewScenarioButton';
import { ScenarioDetailPanel } from './ScenarioDetail';
import { ScenarioList } from './ScenarioList';
import { SettingsView } from './Settings';
import { Sidebar } from './Sidebar';
import { BudgetBar, ConnectionStatus } from './StatusBar';
import { useLooking } from './use-looking';

// Management views load on first use: most sessions only watch scenarios.
const HooksView = lazy(() => import('./hooks/HooksView'));
const MembersView = lazy(() => import('./members/MembersView'));
const ReportView = lazy(() => import('./report/ReportView'));

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
          {VIEWS.map((v) => (
            <button key={v} type="button" className="tab" aria-current={view === v ? 'page' : undefined} onClick={() => ui.getState().setView(v)} data-testid={`nav-${v}`}>
              {t(`app.${v}`)}
            </button>
          ))}
        </nav>
        {view === 'scenarios' && <NewScenarioButton />}
        <ConnectionStatus />
        <button type="button" className="btn" disabled={busyRefresh} onClick={() => void act(ui, errorPlace('app', 'refresh'), () => api.refresh())} data-testid="refresh">
          {t('app.refresh')}
        </button>
        <ErrorNote place={errorPlace('app', 'refresh')} />
      </header>
      <div className="body">
        <Sidebar />
        <ViewBody view={view} />
      </div>
      <BudgetBar />
      <ConfirmOffDialog />
      <RunDialog />
      <Toasts />
    </div>
  );
}

function ViewBody({ view }: { view: View }) {
  const { t } = useTranslation();
  switch (view) {
    case 'settings':
      return <SettingsView />;
    case 'scenarios':
      return (
        <>
          <main className="content">
            <ScenarioList />
          </main>
          <ScenarioDetailPanel />
        </>
      );
    default:
      return (
        <Suspense fallback={<main className="content" aria-busy="true">{t('app.loadingView')}</main>}>
          {view === 'hooks' ? <HooksView /> : view === 'members' ? <MembersView /> : <ReportView />}
        </Suspense>
      );
  }
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
